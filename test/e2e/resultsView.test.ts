import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../harness';
import { rSquared } from '../../src/engine/evaluation/rSquared';
import { resultsPageHtml } from '../../src/extension/results/webviewHtml';
import { COPY_FORMATS, type FromWebview, type RunView, type ToWebview } from '../../src/shared/webviewProtocol';
import { failedRun, gasRun, hubbleRun, liveRun } from '../fixtures/webview/runs';
import {
  darkTheme,
  highContrastLightTheme,
  highContrastTheme,
  lightTheme,
  themes,
  type WebviewTheme,
} from '../fixtures/webview/themes';

/*
 * The results webview's page in headless Chromium, without VS Code: the real HTML and Content-Security-Policy
 * (from webviewHtml.ts), the built bundle from dist/webview, and a stub of `acquireVsCodeApi` that records
 * posted messages and keeps state in sessionStorage, so it survives reloads as VS Code's does.
 * Build first: node scripts/build.mjs
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const webviewDir = join(root, 'dist', 'webview');
const screenshotDir = join(root, 'test-results', 'screenshots', 'webview');

const WIDE = { width: 1400, height: 1000 };
const NARROW = { width: 360, height: 900 };

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Runs in the page before the bundle: the theme VS Code would apply, and the webview API stub. */
const STUB = `(function (theme) {
  document.body.className = theme.bodyClass;
  for (const [name, value] of Object.entries(theme.variables)) document.documentElement.style.setProperty(name, value);
  window.__posted = [];
  const key = 'vscode-webview-state';
  window.acquireVsCodeApi = function () {
    return {
      postMessage(message) { window.__posted.push(JSON.parse(JSON.stringify(message))); },
      getState() { const s = sessionStorage.getItem(key); return s === null ? undefined : JSON.parse(s); },
      setState(state) { sessionStorage.setItem(key, JSON.stringify(state)); return state; },
    };
  };
})`;

/** Installed through the DevTools protocol, so the page's policy does not apply to it. */
const RECORD_VIOLATIONS = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`;

function testPage(origin: string, theme: WebviewTheme): string {
  const nonce = randomBytes(16).toString('base64');
  const html = resultsPageHtml({
    cspSource: origin,
    nonce,
    scriptUri: `${origin}/results.js`,
    styleUri: `${origin}/results-style.css`,
  });
  const bundle = html.indexOf(`<script nonce="${nonce}"`);
  assert.ok(bundle > 0, 'the page has no nonce’d script');
  const stub = `<script nonce="${nonce}">${STUB}(${JSON.stringify(theme)});</script>\n`;
  return html.slice(0, bundle) + stub + html.slice(bundle);
}

function startServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      const theme = themes.find((t) => t.name === url.searchParams.get('theme')) ?? darkTheme;
      const { port } = server.address() as AddressInfo;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(testPage(`http://127.0.0.1:${port}`, theme));
      return;
    }
    if (url.pathname === '/favicon.ico') {
      // Chromium asks for one; a VS Code webview does not.
      response.writeHead(204).end();
      return;
    }
    const file = resolve(webviewDir, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(webviewDir + sep) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({ server, origin: `http://127.0.0.1:${port}` });
    }),
  );
}

/** One page of the results view, and what it told the extension. */
class View {
  readonly problems: string[] = [];

  constructor(
    readonly page: Page,
    readonly origin: string,
  ) {
    page.on('console', (message) => {
      // Reading the charts' pixels back (below) is the test's doing, not the view's.
      if (message.text().startsWith('Canvas2D: Multiple readback operations')) return;
      if (message.type() === 'error' || message.type() === 'warning') this.problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) this.problems.push(`HTTP ${response.status()} for ${response.url()}`);
    });
  }

  async load(theme: WebviewTheme): Promise<void> {
    await this.page.goto(`${this.origin}/?theme=${theme.name}`);
    await this.waitForPosted((m) => m.type === 'ready');
  }

  /** Sends a message as the extension would, and returns once the page has handled it. */
  async send(message: ToWebview): Promise<void> {
    await this.page.evaluate(`new Promise((done) => {
      const sentinel = (event) => {
        if (event.data && event.data.__sentinel) { window.removeEventListener('message', sentinel); done(); }
      };
      window.addEventListener('message', sentinel);
      window.postMessage(${JSON.stringify(message)}, '*');
      window.postMessage({ __sentinel: true }, '*');
    })`);
  }

  async posted(): Promise<FromWebview[]> {
    return (await this.page.evaluate('window.__posted')) as FromWebview[];
  }

  async clearPosted(): Promise<void> {
    await this.page.evaluate('window.__posted.length = 0');
  }

  async waitForPosted(match: (message: FromWebview) => boolean): Promise<FromWebview> {
    for (let i = 0; i < 100; i++) {
      const found = (await this.posted()).find(match);
      if (found) return found;
      await this.page.waitForTimeout(50);
    }
    throw new Error(`no matching message was posted; got ${JSON.stringify(await this.posted())}`);
  }

  async lastPosted(): Promise<FromWebview | undefined> {
    return (await this.posted()).at(-1);
  }

  async state(): Promise<Record<string, unknown>> {
    return (await this.page.evaluate(`JSON.parse(sessionStorage.getItem('vscode-webview-state') ?? '{}')`)) as Record<
      string,
      unknown
    >;
  }

  async selected(): Promise<number | undefined> {
    const rows = this.page.locator('.front-table tbody tr[aria-selected="true"]');
    const count = await rows.count();
    assert.ok(count <= 1, `${count} rows are selected`);
    return count === 1 ? Number(await rows.getAttribute('data-complexity')) : undefined;
  }

  /** Waits for the selection to become `expected` (chart clicks are handled on the next animation frame). */
  async waitForSelected(expected: number, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let selected = await this.selected();
    while (selected !== expected && Date.now() < deadline) {
      await this.page.waitForTimeout(50);
      selected = await this.selected();
    }
    assert.equal(selected, expected);
  }

  async focusedComplexity(): Promise<string | null> {
    return (await this.page.evaluate(`document.activeElement?.closest?.('tr')?.dataset.complexity ?? null`)) as string | null;
  }

  row(complexity: number) {
    return this.page.locator(`.front-table tbody tr[data-complexity="${complexity}"]`);
  }

  async metric(term: string): Promise<string> {
    return (await this.page.locator('.details .metric', { has: this.page.locator('dt', { hasText: term }) }).locator('dd').innerText()).trim();
  }

  async fact(term: string): Promise<string> {
    return (await this.page.locator('.run-header .fact', { has: this.page.locator('dt', { hasText: term }) }).locator('dd').innerText()).trim();
  }

  /** Size, accessible name and painted pixels of every chart canvas. */
  async charts(): Promise<{ width: number; height: number; painted: number; label: string | null; visible: boolean }[]> {
    return (await this.page.evaluate(`[...document.querySelectorAll('canvas')].map((canvas) => {
      let painted = 0;
      if (canvas.width > 0 && canvas.height > 0) {
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
      }
      return { width: canvas.clientWidth, height: canvas.clientHeight, painted, label: canvas.getAttribute('aria-label'),
        visible: canvas.closest('[hidden]') === null };
    })`)) as { width: number; height: number; painted: number; label: string | null; visible: boolean }[];
  }

  /** A computed style of the first element matching `selector`. */
  async style(selector: string, property: string): Promise<string> {
    return (await this.page.evaluate(
      `getComputedStyle(document.querySelector(${JSON.stringify(selector)}))[${JSON.stringify(property)}]`,
    )) as string;
  }

  async canvasImage(index: number): Promise<string> {
    return (await this.page.evaluate(`document.querySelectorAll('canvas')[${index}].toDataURL()`)) as string;
  }

  async caption(index: number): Promise<string> {
    return (await this.page.locator('figure.plot figcaption').nth(index).innerText()).trim();
  }

  async screenshot(name: string): Promise<void> {
    await this.page.evaluate('document.fonts.ready');
    await this.page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
  }

  async setTheme(theme: WebviewTheme): Promise<void> {
    await this.page.evaluate(`(() => {
      const theme = ${JSON.stringify(theme)};
      const style = document.documentElement.style;
      for (const name of [...style]) if (name.startsWith('--vscode-')) style.removeProperty(name);
      for (const [name, value] of Object.entries(theme.variables)) style.setProperty(name, value);
      document.body.className = theme.bodyClass;
    })()`);
    // The view re-reads the theme on the next animation frame.
    await this.page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  }

  async assertClean(): Promise<void> {
    const violations = (await this.page.evaluate('window.__violations')) as string[];
    assert.deepEqual(violations, [], `Content-Security-Policy violations: ${violations.join('; ')}`);
    assert.deepEqual(this.problems, [], `problems in the page: ${this.problems.join('; ')}`);
  }
}

function withoutPolling(messages: FromWebview[]): FromWebview[] {
  return messages.filter((m) => m.type !== 'ready');
}

function rSquaredAt(run: RunView, complexity: number): number {
  return rSquared(run.plotRows.target, run.front.find((r) => r.complexity === complexity)!.predictions)!;
}

const updates = liveRun.updates.filter((m): m is Extract<ToWebview, { type: 'updateRun' }> => m.type === 'updateRun');
const relatedUpdate = liveRun.updates.find((m) => m.type === 'updateRelated')!;
const hubbleBest = hubbleRun.front.find((r) => r.best)!;

describe('Results view (webview page in Chromium)', function () {
  this.timeout(90_000);

  let server: Server;
  let origin: string;
  let browser: Browser;
  let context: BrowserContext | undefined;

  before(async function () {
    if (!existsSync(join(webviewDir, 'results.js'))) {
      throw new Error('dist/webview/results.js is missing: run `node scripts/build.mjs` first');
    }
    mkdirSync(screenshotDir, { recursive: true });
    ({ server, origin } = await startServer());
    browser = await launchBrowser();
  });

  after(async function () {
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
  });

  afterEach(async function () {
    await context?.close();
    context = undefined;
  });

  async function open(
    theme: WebviewTheme = darkTheme,
    viewport = WIDE,
    reducedMotion: 'reduce' | 'no-preference' = 'no-preference',
  ): Promise<View> {
    context = await browser.newContext({ viewport, reducedMotion, deviceScaleFactor: 1 });
    await context.addInitScript(RECORD_VIOLATIONS);
    const view = new View(await context.newPage(), origin);
    await view.load(theme);
    return view;
  }

  it('shows a finished run: header, the front typeset by KaTeX, the best formula and its details', async () => {
    const view = await open();
    const { page } = view;
    await view.send({ type: 'showRun', run: hubbleRun });

    assert.equal(await page.locator('h1.run-title').innerText(), hubbleRun.title);
    assert.equal((await page.locator('.status').innerText()).trim(), 'Finished');
    assert.equal(await page.locator('.stop-button').isVisible(), false);
    assert.equal(await view.fact('File'), 'real-hubble-1929.csv');
    assert.equal(await page.locator('.fact', { hasText: 'Selection' }).isVisible(), false);
    assert.equal(await view.fact('Rows'), '32');
    assert.equal(await view.fact('Target'), 'v');
    assert.equal(await view.fact('Features'), 'D ∈ [0.0324, 2.01]');
    assert.match(await view.fact('Evaluations'), /^\d/);
    assert.match(await view.fact('Speed'), /\/s$/);
    assert.equal(await view.fact('Elapsed'), '6.0 s');
    assert.equal(await view.fact('Ended'), 'time limit reached');
    assert.equal(await view.fact('Operators'), '+ − × ÷');
    assert.equal(await view.fact('Max size'), '20');
    assert.equal(await view.fact('Time limit'), '6 s');
    assert.equal(await view.fact('Workers'), '1');
    assert.equal(await view.fact('Loss'), 'MSE');

    // The front: a grid of rows, each formula typeset by KaTeX from FrontRow.latex.
    const grid = page.getByRole('grid', { name: 'Pareto front' });
    await grid.waitFor();
    const rows = grid.locator('tbody tr');
    assert.equal(await rows.count(), hubbleRun.front.length);
    for (const formula of hubbleRun.front) {
      const row = view.row(formula.complexity);
      assert.equal(await row.locator('.katex').count(), 1, `complexity ${formula.complexity} is not typeset`);
      assert.equal(await row.locator('.katex-mathml annotation').textContent(), formula.latex);
    }
    assert.match(await view.row(3).locator('.katex-html').innerText(), /475\.3\s*D/);
    assert.equal(await page.locator('.math-fallback').count(), 0);

    // The best formula is marked, visibly and in text, and selected by default.
    assert.equal(await grid.locator('tr.best').count(), 1);
    const bestRow = view.row(hubbleBest.complexity);
    assert.equal(await bestRow.getAttribute('class'), 'best');
    assert.equal(await bestRow.locator('.best-badge').isVisible(), true);
    assert.equal(await grid.locator('.best-badge:visible').count(), 1);
    assert.match(await bestRow.innerText(), /Best/);
    assert.equal(await view.selected(), hubbleBest.complexity);
    assert.equal(await grid.locator('tbody tr[tabindex="0"]').count(), 1);
    assert.equal(await bestRow.getAttribute('tabindex'), '0');

    // Details of the selected formula.
    const details = page.locator('.details');
    assert.equal(await details.locator('.katex-display').count(), 1);
    assert.equal(await details.locator('.katex-display annotation').textContent(), `v = ${hubbleBest.latex}`);
    assert.equal(await details.locator('.details-head .best-badge').isVisible(), true);
    assert.equal(await view.metric('Complexity'), String(hubbleBest.complexity));
    assert.equal(await view.metric('Loss'), '31140');
    assert.equal(await view.metric('R²'), rSquaredAt(hubbleRun, hubbleBest.complexity).toFixed(4));
    assert.equal(await details.locator('code.expression').innerText(), hubbleBest.text);
    assert.match(await view.style('.details code.expression', 'fontFamily'), /mono/i);

    // KaTeX's fonts come from the extension, which the policy allows.
    const faces = (await page.evaluate(
      '(async () => { await document.fonts.ready; return [...document.fonts].filter((f) => f.family.includes("KaTeX") && f.status !== "unloaded").map((f) => f.status); })()',
    )) as string[];
    assert.ok(faces.length > 0 && faces.every((s) => s === 'loaded'), `KaTeX fonts: ${faces.join(', ')}`);

    await view.screenshot('hubble-finished-dark-wide');
    await view.assertClean();
  });

  it('selects formulas with the keyboard (roving tabindex) and the mouse, and reports the selection', async () => {
    const view = await open();
    const { page } = view;
    await view.send({ type: 'showRun', run: hubbleRun });
    await view.clearPosted();

    // The grid is one tab stop: its selected row.
    await page.keyboard.press('Tab');
    assert.equal(await view.focusedComplexity(), String(hubbleBest.complexity));

    await page.keyboard.press('ArrowDown');
    assert.equal(await view.selected(), 5);
    assert.equal(await view.focusedComplexity(), '5');
    assert.equal(await view.metric('Complexity'), '5');
    assert.equal(await page.locator('.details .katex-display annotation').textContent(), `v = ${hubbleRun.front[2]!.latex}`);
    assert.deepEqual(await view.lastPosted(), { type: 'selected', complexity: 5 });
    assert.equal(await view.row(5).getAttribute('tabindex'), '0');
    assert.equal(await view.row(3).getAttribute('tabindex'), '-1');
    assert.equal(await view.row(3).getAttribute('aria-selected'), 'false');

    await page.keyboard.press('End');
    assert.equal(await view.selected(), 15);
    assert.equal(await view.focusedComplexity(), '15');
    await page.keyboard.press('ArrowDown');
    assert.equal(await view.selected(), 15);
    await page.keyboard.press('Home');
    assert.equal(await view.selected(), 1);
    await page.keyboard.press('ArrowUp');
    assert.equal(await view.selected(), 1);
    await page.keyboard.press('PageDown');
    assert.equal(await view.selected(), 11);
    assert.equal(await view.metric('Complexity'), '11');
    assert.deepEqual(
      withoutPolling(await view.posted()).map((m) => (m.type === 'selected' ? m.complexity : m.type)),
      [5, 15, 1, 11],
    );
    assert.notEqual(await view.style('.front-table tbody tr:focus-visible', 'outlineStyle'), 'none');
    await view.screenshot('hubble-keyboard-focus-dark');

    // Tab leaves the grid rather than walking through its rows.
    await page.keyboard.press('Tab');
    assert.equal(await view.focusedComplexity(), null);

    await view.row(7).click();
    assert.equal(await view.selected(), 7);
    assert.equal(await view.metric('Complexity'), '7');
    assert.deepEqual(await view.lastPosted(), { type: 'selected', complexity: 7 });
    assert.deepEqual((await view.state())['selectedComplexity'], 7);

    await view.assertClean();
  });

  it('posts insert, copy (in the chosen format), export, openLink and runCommand', async () => {
    const view = await open(lightTheme);
    const { page } = view;
    await view.send({ type: 'showRun', run: hubbleRun });
    await view.row(5).click();
    await view.clearPosted();

    await page.getByRole('button', { name: 'Insert into Editor' }).click();
    assert.deepEqual(await view.lastPosted(), { type: 'insert', complexity: 5 });

    const format = page.getByLabel('Copy as');
    const labels = await format.locator('option').allInnerTexts();
    assert.deepEqual(labels, COPY_FORMATS.map((f) => f.label));
    await format.selectOption('julia');
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    assert.deepEqual(await view.lastPosted(), { type: 'copy', complexity: 5, format: 'julia' });
    assert.equal((await view.state())['copyFormat'], 'julia');

    await page.getByRole('button', { name: 'Export Front as CSV' }).click();
    assert.deepEqual(await view.lastPosted(), { type: 'export' });

    // Related research: links go through the extension, the page does not navigate.
    const papers = page.locator('.related-list > li');
    assert.equal(await papers.count(), hubbleRun.related.length);
    const first = hubbleRun.related[0]!;
    assert.match(await papers.first().innerText(), new RegExp(`${first.year}`));
    assert.match(await papers.first().innerText(), /72 % match/);
    assert.match(await papers.first().innerText(), /shares words: astrophysics, galaxies/);
    assert.match(await page.locator('.related-description').innerText(), /Hubble 1929/);
    await page.getByRole('link', { name: first.title }).click();
    assert.deepEqual(await view.lastPosted(), { type: 'openLink', url: first.link });
    assert.equal(page.url(), `${origin}/?theme=light`);

    await page.getByRole('link', { name: hubbleRun.related[1]!.title }).focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await view.lastPosted(), { type: 'openLink', url: hubbleRun.related[1]!.link });

    await page.getByRole('button', { name: 'Describe this dataset…' }).click();
    assert.deepEqual(await view.lastPosted(), { type: 'runCommand', command: 'equationDiscovery.describeDataset' });

    await view.screenshot('hubble-finished-light-wide');
    await view.assertClean();
  });

  it('draws the three plots with accessible names and text, and selects a formula from the loss plot', async () => {
    const view = await open();
    const { page } = view;
    await view.send({ type: 'showRun', run: hubbleRun });

    const charts = await view.charts();
    assert.equal(charts.length, 3);
    for (const chart of charts) {
      assert.ok(chart.visible && chart.width > 200 && chart.height > 150, `chart too small: ${JSON.stringify(chart)}`);
      assert.ok(chart.painted > 2000, `chart "${chart.label}" is blank`);
    }
    assert.deepEqual(
      charts.map((c) => c.label),
      ['Loss against complexity of the Pareto front', 'Predicted against actual v', 'v against D'],
    );
    for (const canvas of await page.locator('canvas').all()) {
      assert.equal(await canvas.getAttribute('role'), 'img');
      const described = await canvas.getAttribute('aria-describedby');
      assert.ok(described && (await page.locator(`#${described}`).innerText()).length > 20);
    }
    assert.match(await view.caption(0), /^8 formulas, complexity 1 to 15; loss falls from 1\.13 × 10⁵ to 21900\. Best: complexity 3\./);
    assert.match(await view.caption(1), new RegExp(`R² = ${rSquaredAt(hubbleRun, 3).toFixed(4)}`));
    assert.match(await view.caption(2), /32 rows of data, and the formula of complexity 3 as a line/);
    assert.equal(await page.locator('figure.plot h3').nth(2).innerText(), 'v against D');

    // A click near the right edge of the loss plot picks the most complex formula.
    await view.clearPosted();
    const box = (await page.locator('canvas').first().boundingBox())!;
    await page.mouse.click(box.x + box.width - 14, box.y + box.height * 0.4);
    await view.waitForSelected(15);
    assert.deepEqual(await view.lastPosted(), { type: 'selected', complexity: 15 });
    assert.match(await view.caption(1), /complexity 15/);
    assert.match(await view.caption(0), /Selected: complexity 15\./);

    await view.screenshot('hubble-plots-selected-15-dark');
    await view.assertClean();
  });

  it('follows live updates without losing the selection, focus or scroll position, and ignores other runs', async () => {
    const view = await open(darkTheme, NARROW);
    const { page } = view;
    await view.send({ type: 'showRun', run: liveRun.run });

    assert.equal((await page.locator('.status').innerText()).trim(), 'Running');
    assert.equal(await view.style('.status-indicator', 'animationName'), 'eqd-spin');
    assert.equal(await page.getByRole('button', { name: 'Stop' }).isVisible(), true);
    assert.match(await page.locator('.front-empty').innerText(), /Searching/);
    assert.equal(await page.locator('.front-table').isVisible(), false);
    assert.equal((await view.charts()).filter((c) => c.visible).length, 1, 'only the data plot shows before any formula');
    assert.match(await page.locator('.related-note').innerText(), /when the search ends/);
    await view.screenshot('live-1-started-dark-narrow');

    await view.send(updates[0]!);
    const firstBest = updates[0]!.front.find((r) => r.best)!.complexity;
    assert.equal(await page.locator('.front-table tbody tr').count(), updates[0]!.front.length);
    assert.equal(await view.selected(), firstBest);
    assert.match(await view.fact('Elapsed'), /^0\.7 s$/);

    // The user picks complexity 5 and scrolls; the next update must keep all of it, and the row itself.
    await view.row(5).click();
    await page.evaluate(`document.querySelector('tr[data-complexity="5"]').__kept = true`);
    await page.evaluate('window.scrollTo(0, 260)');
    const scrolled = (await page.evaluate('window.scrollY')) as number;
    assert.ok(scrolled > 0);
    await view.clearPosted();

    await view.send(updates[1]!);
    assert.equal(await page.locator('.front-table tbody tr').count(), updates[1]!.front.length);
    assert.equal(await view.selected(), 5);
    assert.equal(await view.focusedComplexity(), '5');
    assert.equal(await page.evaluate(`document.querySelector('tr[data-complexity="5"]').__kept === true`), true);
    assert.equal(await page.evaluate('window.scrollY'), scrolled);
    assert.deepEqual(withoutPolling(await view.posted()), [], 'an update that keeps the selection reports nothing');
    assert.match(await view.caption(0), new RegExp(`^${updates[1]!.front.length} formulas`));
    assert.equal(await view.metric('Complexity'), '5');
    await view.screenshot('live-2-running-dark-narrow');

    // The selected complexity leaves the front: the nearest one is selected, keeps focus and is reported.
    await page.keyboard.press('End');
    assert.equal(await view.selected(), 19);
    await view.send(updates[2]!);
    assert.ok(!updates[2]!.front.some((r) => r.complexity === 19));
    assert.equal(await view.selected(), 17);
    assert.equal(await view.focusedComplexity(), '17');
    assert.deepEqual(await view.lastPosted(), { type: 'selected', complexity: 17 });

    // Messages about another run change nothing.
    await view.send({ ...updates[3]!, id: 'another-run', front: updates[3]!.front.slice(0, 1), status: 'failed' });
    await view.send({ type: 'updateRelated', id: 'another-run', related: hubbleRun.related });
    assert.equal(await page.locator('.front-table tbody tr').count(), updates[2]!.front.length);
    assert.equal((await page.locator('.status').innerText()).trim(), 'Running');
    assert.equal(await page.locator('.related-list > li').count(), 0);

    await view.send(updates[3]!);
    await view.clearPosted();
    await page.getByRole('button', { name: 'Stop' }).click();
    assert.deepEqual(await view.lastPosted(), { type: 'cancel' });
    assert.equal(await page.locator('.stop-button').innerText(), 'Stopping…');
    assert.equal(await page.locator('.stop-button').isDisabled(), true);

    await view.send(updates[4]!);
    assert.equal((await page.locator('.status').innerText()).trim(), 'Finished');
    assert.equal(await page.locator('.stop-button').isVisible(), false);
    assert.equal(await view.fact('Ended'), 'time limit reached');
    assert.equal(await view.selected(), 15, 'complexity 17 left the final front; 15 is nearest');

    await view.send(relatedUpdate);
    assert.equal(await page.locator('.related-list > li').count(), 2);
    assert.equal(await page.locator('.related-note').isVisible(), false);
    assert.equal((await view.charts()).filter((c) => c.visible && c.painted > 2000).length, 3);
    await view.screenshot('live-3-finished-dark-narrow');
    await view.assertClean();
  });

  it('restores the selection and the copy format after the page reloads', async () => {
    const view = await open(lightTheme);
    const { page } = view;
    await view.send({ type: 'showRun', run: hubbleRun });
    await view.row(7).click();
    await page.getByLabel('Copy as').selectOption('rust');
    assert.deepEqual(await view.state(), { runId: hubbleRun.id, selectedComplexity: 7, copyFormat: 'rust' });

    await page.reload();
    await view.waitForPosted((m) => m.type === 'ready');
    await view.send({ type: 'showRun', run: hubbleRun });
    assert.equal(await view.selected(), 7);
    assert.equal(await view.metric('Complexity'), '7');
    assert.equal(await page.getByLabel('Copy as').inputValue(), 'rust');

    // Another run starts at its best formula; coming back, the extension's remembered choice wins.
    await view.send({ type: 'showRun', run: gasRun });
    assert.equal(await view.selected(), gasRun.front.find((r) => r.best)!.complexity);
    await view.send({ type: 'showRun', run: hubbleRun, selectedComplexity: 9 });
    assert.equal(await view.selected(), 9);
    assert.equal((await view.state())['selectedComplexity'], 9);
    await view.assertClean();
  });

  it('shows a failed run with its error', async () => {
    const view = await open(lightTheme);
    const { page } = view;
    await view.send({ type: 'showRun', run: failedRun });

    assert.equal((await page.locator('.status').innerText()).trim(), 'Failed');
    const alert = page.getByRole('alert');
    assert.match(await alert.innerText(), /The search failed: Search worker 2 exited unexpectedly/);
    assert.equal(await page.locator('.stop-button').isVisible(), false);
    assert.match(await page.locator('.front-empty').innerText(), /failed before it found a formula/);
    assert.equal(await page.locator('section.details').isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Export Front as CSV' }).isVisible(), false);
    assert.equal(await view.fact('Loss'), 'Huber');
    assert.equal(await view.fact('Ended'), 'stopped by an error');
    assert.match(await page.locator('.related-note').innerText(), /No related research found/);
    assert.match(await page.locator('.related-description').innerText(), /No description yet/);
    const charts = await view.charts();
    assert.deepEqual(
      charts.map((c) => c.visible),
      [false, false, true],
    );
    assert.ok(charts[2]!.painted > 2000, 'the data is plotted even without a formula');
    await view.screenshot('failed-light-wide');
    await view.assertClean();
  });

  it('says when search workers stopped while the others went on, and only then', async () => {
    const view = await open(lightTheme);
    const { page } = view;
    const note = page.locator('.run-note');
    await view.send({ type: 'showRun', run: hubbleRun });
    assert.equal(await note.isVisible(), false);
    const failures = ['worker 1: worker 1 exited with code 3'];
    await view.send({ type: 'showRun', run: { ...hubbleRun, stats: { ...hubbleRun.stats, workerFailures: failures } } });
    assert.equal(
      await note.innerText(),
      'Some search workers stopped (worker 1: worker 1 exited with code 3); the search went on with the others.',
    );
    assert.equal(await page.getByRole('alert').isVisible(), false, 'a finished run is not shown as failed');
    await view.screenshot('worker-stopped-light-wide');
    await view.assertClean();
  });

  it('plots one feature at a time for a run with two features', async () => {
    const view = await open();
    const { page } = view;
    await view.send({ type: 'showRun', run: gasRun });

    assert.equal((await page.locator('.status').innerText()).trim(), 'Stopped');
    assert.equal(await view.fact('Selection'), 'lines 2–121');
    assert.equal(await view.fact('Rows'), '120 (3 dropped)');
    assert.equal(await view.fact('Features'), 'T ∈ [251, 449], V ∈ [5.28, 39.8]');
    assert.equal(await view.fact('Operators'), '+ − × ÷ sqrt exp');
    assert.equal(await view.fact('Time limit'), '1 min');
    const best = gasRun.front.find((r) => r.best)!;
    assert.equal(await page.locator('.details .katex-display annotation').textContent(), `P = ${best.latex}`);

    const feature = page.getByLabel('Feature');
    assert.deepEqual(await feature.locator('option').allInnerTexts(), ['T', 'V']);
    assert.equal(await page.locator('figure.plot h3').nth(2).innerText(), 'P against T');
    assert.match(await view.caption(2), /120 rows of data, and the predictions of the formula of complexity 5 at the same rows \(crosses\)/);
    const before = await view.canvasImage(2);
    await feature.selectOption('V');
    assert.equal(await page.locator('figure.plot h3').nth(2).innerText(), 'P against V');
    assert.equal(await page.locator('canvas').nth(2).getAttribute('aria-label'), 'P against V');
    assert.notEqual(await view.canvasImage(2), before);
    assert.equal((await view.state())['plotFeature'], 'V');

    await view.screenshot('gas-two-features-dark-wide');
    await page.setViewportSize(NARROW);
    await view.screenshot('gas-two-features-dark-narrow');
    await view.assertClean();
  });

  it('follows the VS Code theme, including high contrast', async () => {
    const view = await open(darkTheme);
    await view.send({ type: 'showRun', run: hubbleRun });
    const dark = await view.canvasImage(0);

    await view.setTheme(lightTheme);
    assert.equal(await view.style('body', 'backgroundColor'), 'rgb(255, 255, 255)');
    assert.notEqual(await view.canvasImage(0), dark, 'the charts did not follow the theme');
    await view.screenshot('hubble-switched-to-light-wide');

    await view.setTheme(highContrastTheme);
    await view.row(3).focus();
    await view.screenshot('hubble-high-contrast-wide');
    await view.setTheme(highContrastLightTheme);
    await view.screenshot('hubble-high-contrast-light-wide');
    await view.assertClean();
  });

  it('lays out stacked in a narrow side panel and side by side in a wide editor', async () => {
    const view = await open(darkTheme, NARROW);
    const { page } = view;
    await view.send({ type: 'showRun', run: hubbleRun });
    const boxes = async () => ({
      table: (await page.locator('section.front').boundingBox())!,
      details: (await page.locator('section.details').boundingBox())!,
      plots: await Promise.all((await page.locator('figure.plot').all()).map(async (f) => (await f.boundingBox())!)),
    });

    let b = await boxes();
    assert.ok(b.details.y >= b.table.y + b.table.height, 'details should come below the table');
    assert.ok(b.plots[1]!.y > b.plots[0]!.y && b.plots[2]!.y > b.plots[1]!.y, 'plots should be stacked');
    const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await view.screenshot('hubble-finished-dark-narrow');

    await page.setViewportSize(WIDE);
    await page.waitForTimeout(100);
    b = await boxes();
    assert.ok(b.details.x >= b.table.x + b.table.width, 'details should sit beside the table');
    assert.ok(Math.abs(b.details.y - b.table.y) < 2);
    assert.ok(b.plots.every((p) => Math.abs(p.y - b.plots[0]!.y) < 2), 'plots should share a row');
    await view.assertClean();
  });

  it('respects reduced motion', async () => {
    const view = await open(darkTheme, WIDE, 'reduce');
    await view.send({ type: 'showRun', run: liveRun.run });
    await view.send(updates[1]!);
    assert.equal(await view.style('.status-indicator', 'animationName'), 'none');
    await view.screenshot('live-running-reduced-motion-dark-wide');
    await view.assertClean();
  });

  it('shows the empty state, and returns to it from a run', async () => {
    const view = await open(lightTheme, NARROW);
    const { page } = view;
    await view.send({ type: 'showRun', run: hubbleRun });
    await view.send({ type: 'showEmpty' });
    assert.equal(await page.locator('.run-page').count(), 0);
    assert.equal(await page.locator('.empty .katex').count(), 1);
    assert.equal((await view.state())['runId'], undefined);
    await view.clearPosted();
    await page.getByRole('button', { name: 'Discover Equation…' }).click();
    await page.getByRole('button', { name: 'Open Sample Data' }).click();
    assert.deepEqual(withoutPolling(await view.posted()), [
      { type: 'runCommand', command: 'equationDiscovery.discover' },
      { type: 'runCommand', command: 'equationDiscovery.openSample' },
    ]);
    await view.screenshot('empty-light-narrow');
    await view.assertClean();
  });
});
