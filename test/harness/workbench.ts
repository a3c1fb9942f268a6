import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { projectRoot, screenshotsDir, slug } from './paths';
import type { TestServer } from './server';
import { sleep, within } from './timeouts';

export interface OpenWorkbenchOptions {
  /** Folder to open; default the server's workspace. */
  folder?: string;
  /** Workbench URL payload entries, e.g. [['extensionDevelopmentPath', uri]]. */
  payload?: [string, string][];
  /** Runs on the new page before it navigates (e.g. `page.exposeFunction`). */
  beforeNavigate?: (page: Page) => Promise<unknown>;
  viewport?: { width: number; height: number };
  timeoutMs?: number;
}

const quickInput = '.quick-input-widget';
const quickInputBox = `${quickInput} .quick-input-box input`;
const quickInputRows = `${quickInput} .monaco-list-row`;

const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { publisher: string; name: string };
/** Host frames of this extension's webviews (VS Code's own, such as a walkthrough's, are left out). */
const ownWebviews = `iframe.webview.ready[src*="extensionId=${manifest.publisher}.${manifest.name}&"]`;

/** Runs in a webview's host frame (as text, see `readStoredItem`): posts each message through its bridge. */
function postThroughBridge(messages: unknown[]): void {
  const post = (globalThis as unknown as Record<string, (channel: string, data: unknown) => void>)['__vscode_post_message__'];
  if (!post) throw new Error('this frame has no webview bridge (__vscode_post_message__)');
  for (const message of messages) post('onmessage', { message });
}

/**
 * Runs in the page (as text: the harness is compiled without the DOM's types): the value stored under `key`
 * in the web workbench's IndexedDB storage, from whichever of its databases holds it.
 */
const readStoredItem = `async (key) => {
  const names = (await indexedDB.databases()).map((d) => d.name || '').filter((n) => n.startsWith('vscode-web-state-db-'));
  for (const name of names) {
    const value = await new Promise((resolve) => {
      const request = indexedDB.open(name);
      request.onerror = () => resolve(undefined);
      request.onsuccess = () => {
        const db = request.result;
        try {
          const get = db.transaction('ItemTable', 'readonly').objectStore('ItemTable').get(key);
          get.onsuccess = () => resolve(get.result);
          get.onerror = () => resolve(undefined);
        } catch {
          resolve(undefined);
        } finally {
          db.close();
        }
      };
    });
    if (typeof value === 'string') return value;
  }
  return undefined;
}`;

/** One browser tab showing the VS Code workbench of a test server, with helpers for common UI steps. */
export class Workbench {
  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
    readonly server: TestServer,
  ) {}

  /** Opens the workbench in a fresh browser context (fresh browser-side state) and waits until it shows. */
  static async open(browser: Browser, server: TestServer, options: OpenWorkbenchOptions = {}): Promise<Workbench> {
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    const page = await context.newPage();
    const workbench = new Workbench(page, context, server);
    page.on('console', (m) => {
      if (m.type() === 'error') server.note(`[browser console] ${m.text()}`);
    });
    page.on('pageerror', (e) => server.note(`[page error] ${e.stack ?? e.message}`));
    context.on('requestfailed', (r) => server.note(`[request failed] ${r.url()}: ${r.failure()?.errorText ?? ''}`));
    page.on('crash', () => server.note('[page crashed]'));
    try {
      await options.beforeNavigate?.(page);
      const url = server.workbenchUrl({
        ...(options.folder ? { folder: options.folder } : {}),
        ...(options.payload ? { payload: options.payload } : {}),
      });
      server.note(`opening ${url}`);
      const timeoutMs = options.timeoutMs ?? 60_000;
      await within(
        timeoutMs,
        `waiting for the VS Code workbench at ${server.url}`,
        async () => {
          await page.goto(url, { timeout: timeoutMs });
          await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
        },
        `Server log: ${server.logFile}`,
      );
    } catch (e) {
      await workbench.screenshot('workbench-did-not-open').catch(() => undefined);
      await context.close().catch(() => undefined);
      throw e;
    }
    return workbench;
  }

  /**
   * Runs a command from the command palette by its full title ("Category: Title"). Retries while the
   * palette does not list it yet: contributed commands appear once the extension host has started.
   */
  async runCommand(title: string, { timeoutMs = 30_000 }: { timeoutMs?: number } = {}): Promise<void> {
    const { page } = this;
    const deadline = Date.now() + timeoutMs;
    const input = page.locator(quickInputBox);
    let seen: string[] = [];
    while (Date.now() < deadline) {
      if (!(await input.isVisible())) {
        await page.keyboard.press('F1');
        await input.waitFor({ state: 'visible', timeout: 10_000 });
      }
      await input.fill(`>${title}`);
      const index = await this.waitForRow(title, Math.min(3000, Math.max(0, deadline - Date.now())));
      if (index >= 0) {
        const row = page.locator(quickInputRows).nth(index);
        if ((await row.getAttribute('class'))?.split(/\s+/).includes('focused')) await page.keyboard.press('Enter');
        else await row.click();
        await input.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
        return;
      }
      seen = await this.rowLabels();
      await page.keyboard.press('Escape');
      await sleep(500);
    }
    const shot = await this.screenshot(`command-not-found ${title}`).catch(() => 'none');
    throw new Error(
      `The command palette did not offer "${title}" within ${timeoutMs / 1000} s ` +
        `(last rows: ${seen.length ? seen.map((s) => JSON.stringify(s)).join(', ') : 'none'}). ` +
        `Is the extension installed and the command contributed in package.json? Screenshot: ${shot}`,
    );
  }

  private rowLabels(): Promise<string[]> {
    return this.page.locator(quickInputRows).evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
  }

  /** Index of the palette row whose label is `title` (maybe followed by ", detail"), or -1. */
  private async waitForRow(title: string, ms: number): Promise<number> {
    const deadline = Date.now() + ms;
    do {
      const labels = await this.rowLabels();
      const index = labels.findIndex((l) => l === title || l.startsWith(`${title},`));
      if (index >= 0) return index;
      await sleep(150);
    } while (Date.now() < deadline);
    return -1;
  }

  /**
   * Accepts what the quick input titled with `titlePart` proposes (Enter in its input box), once it shows,
   * and waits until it closes. Presses again if a first Enter got lost while the window moved focus.
   */
  async acceptQuickInput(titlePart: string, { timeoutMs = 20_000 }: { timeoutMs?: number } = {}): Promise<void> {
    const { page } = this;
    const title = page.locator('.quick-input-widget .quick-input-title', { hasText: titlePart });
    await title.waitFor({ state: 'visible', timeout: timeoutMs });
    for (let attempt = 1; ; attempt++) {
      await page.locator(quickInputBox).focus();
      await page.keyboard.press('Enter');
      try {
        await title.waitFor({ state: 'hidden', timeout: 5000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  /**
   * The page inside the most recently shown visible webview of the extension (panels are two iframes deep: VS Code's host
   * frame, then `#active-frame` with the extension's HTML). Waits until that page has content.
   */
  async webview({ timeoutMs = 30_000 }: { timeoutMs?: number } = {}): Promise<FrameLocator> {
    const outer = this.page.locator(ownWebviews).filter({ visible: true }).last();
    const inner = outer.contentFrame().locator('#active-frame').contentFrame();
    await within(
      timeoutMs,
      'waiting for a visible webview of the extension with content (iframe.webview.ready > #active-frame > body > *)',
      inner.locator('body > *').first().waitFor({ state: 'attached', timeout: timeoutMs }),
      'Did the command open a webview panel, and does its HTML load under its Content-Security-Policy?',
    ).catch(async (e: unknown) => {
      const shot = await this.screenshot('webview-not-found').catch(() => 'none');
      throw new Error(`${e instanceof Error ? e.message : String(e)} Screenshot: ${shot}`);
    });
    return inner;
  }

  /**
   * This extension's workspace state (`context.workspaceState`) as the browser has stored it. The web
   * workbench writes its storage to IndexedDB some time after an update and does not wait for that when the
   * page unloads, so a test that reloads the window first waits until what it set is stored.
   */
  async storedWorkspaceState(): Promise<Record<string, unknown>> {
    const key = `${manifest.publisher}.${manifest.name}`;
    const text = await this.page.evaluate<string | undefined>(`(${readStoredItem})(${JSON.stringify(key)})`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  /** Waits until the stored workspace state satisfies `done` (see `storedWorkspaceState`). */
  async waitForStoredWorkspaceState(what: string, done: (state: Record<string, unknown>) => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last: Record<string, unknown> = {};
    while (Date.now() < deadline) {
      last = await this.storedWorkspaceState();
      if (done(last)) return;
      await sleep(250);
    }
    throw new Error(`the workbench did not store ${what} within ${timeoutMs / 1000} s (stored: ${JSON.stringify(last)})`);
  }

  /**
   * Sends `messages` to the extension as the page of the most recently shown visible webview would: through
   * the bridge VS Code's host frame gives the page (the page itself cannot reach it a second time once it has
   * acquired its API), so the extension receives them as it receives the page's own.
   */
  async postFromWebview(messages: readonly unknown[]): Promise<void> {
    const host = this.page.locator(ownWebviews).filter({ visible: true }).last().contentFrame();
    await host.locator('body').evaluate(`(${postThroughBridge})(${JSON.stringify(messages)})`);
  }

  /** Saves a screenshot of the whole window as test-results/screenshots/<name>.png; returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(screenshotsDir, { recursive: true });
    const path = join(screenshotsDir, `${slug(name)}.png`);
    await this.page.screenshot({ path, timeout: 15_000 });
    return path;
  }

  /** Saves a screenshot of the most recently shown visible webview of the extension alone. */
  async screenshotWebview(name: string): Promise<string> {
    mkdirSync(screenshotsDir, { recursive: true });
    const path = join(screenshotsDir, `${slug(name)}.png`);
    await this.page.locator(ownWebviews).filter({ visible: true }).last().screenshot({ path, timeout: 15_000 });
    return path;
  }

  /** Closes the browser context; gives up waiting after 10 s (the browser itself is closed at the end). */
  async close(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.context.close().catch(() => undefined),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, 10_000))),
    ]);
    clearTimeout(timer);
  }
}
