// Helpers for tests that drive VS Code (code-server) in Chromium. Typical e2e suite:
//
//   describe('my feature', () => {
//     const vs = useWorkbench();
//     it('does it', async () => {
//       await vs.workbench.runCommand('Equation Discovery: Open Results');
//       const view = await vs.workbench.webview();
//       await view.locator('.katex').first().waitFor();
//       await vs.workbench.screenshot('my-feature');
//     });
//   });
export { chromiumPath, launchBrowser } from './browser';
export { disposeShared, getBrowser, getSharedServer, mochaHooks, noteFailure, useWorkbench } from './mocha';
export type { WorkbenchSuite, WorkbenchSuiteOptions } from './mocha';
export { logsDir, projectRoot, resultsDir, screenshotsDir, slug } from './paths';
export { startTestServer } from './server';
export type { TestServer, TestServerOptions } from './server';
export { HarnessTimeoutError, sleep, within } from './timeouts';
export { Workbench } from './workbench';
export type { OpenWorkbenchOptions } from './workbench';
