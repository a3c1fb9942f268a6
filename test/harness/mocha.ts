import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer, type TestServerOptions } from './server';
import { Workbench, type OpenWorkbenchOptions } from './workbench';

let sharedServer: Promise<TestServer> | undefined;
let sharedBrowser: Promise<Browser> | undefined;
let failures = 0;

/** The code-server that suites share: extension installed, sample workspace, quiet settings. */
export function getSharedServer(): Promise<TestServer> {
  sharedServer ??= startTestServer({ name: 'e2e' }).catch((e: unknown) => {
    sharedServer = undefined;
    throw e;
  });
  return sharedServer;
}

export function getBrowser(): Promise<Browser> {
  sharedBrowser ??= launchBrowser().catch((e: unknown) => {
    sharedBrowser = undefined;
    throw e;
  });
  return sharedBrowser;
}

/** Counts a failure so the shared server's logs are kept at the end of the run. */
export function noteFailure(): void {
  failures++;
}

export interface WorkbenchSuiteOptions extends OpenWorkbenchOptions {
  /**
   * Give this suite its own server (e.g. other settings or workspace) instead of the shared one.
   * Its logs are kept under test-results/logs/<name>/ when one of the suite's tests fails.
   */
  server?: TestServerOptions;
}

export interface WorkbenchSuite {
  readonly workbench: Workbench;
  readonly page: Page;
  readonly server: TestServer;
}

/**
 * Call inside `describe`: opens a workbench (fresh browser context, shared or own server) before the
 * suite's tests and closes it after them. A failing test leaves a screenshot named after it in
 * test-results/screenshots/ and keeps the server logs. Use the returned object inside tests.
 */
export function useWorkbench(options: WorkbenchSuiteOptions = {}): WorkbenchSuite {
  let workbench: Workbench | undefined;
  let ownServer: TestServer | undefined;
  let suiteFailed = false;

  before(async function () {
    this.timeout(180_000);
    try {
      const browser = await getBrowser();
      const server = options.server ? (ownServer = await startTestServer(options.server)) : await getSharedServer();
      workbench = await Workbench.open(browser, server, options);
    } catch (e) {
      suiteFailed = true;
      noteFailure();
      throw e;
    }
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state !== 'failed') return;
    suiteFailed = true;
    noteFailure();
    if (workbench) {
      const shot = await workbench.screenshot(`FAILED ${test.fullTitle()}`).catch(() => undefined);
      if (shot) console.log(`      screenshot of the failure: ${shot}`);
    }
  });

  after(async function () {
    this.timeout(60_000);
    await workbench?.close();
    if (ownServer) {
      const kept = await ownServer.dispose({ keepLogs: suiteFailed });
      if (kept) console.log(`      server logs kept in ${kept}`);
    }
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: use it inside it()/hooks of the describe that called useWorkbench()`);
    return value;
  };
  return {
    get workbench() {
      return need(workbench, 'The workbench');
    },
    get page() {
      return need(workbench, 'The workbench').page;
    },
    get server() {
      return need(workbench, 'The workbench').server;
    },
  };
}

/** Stops what the suites shared; keeps the shared server's logs when anything failed. */
export async function disposeShared(): Promise<void> {
  const browser = sharedBrowser;
  const server = sharedServer;
  sharedBrowser = undefined;
  sharedServer = undefined;
  await (await browser?.catch(() => undefined))?.close().catch(() => undefined);
  const s = await server?.catch(() => undefined);
  if (s) {
    const kept = await s.dispose({ keepLogs: failures > 0 });
    if (kept) console.log(`\n  code-server logs kept in ${kept}`);
  }
}

/** Root hooks for the e2e tier (`scripts/test.mjs` installs them; for a hand-run mocha, `--require` this file). */
export const mochaHooks = {
  afterEach(this: Mocha.Context) {
    if (this.currentTest?.state === 'failed') noteFailure();
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(60_000);
    await disposeShared();
  },
};
