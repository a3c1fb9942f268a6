// Runs the integration tier: the compiled mocha suite (out/test/integration) inside the real VS Code
// extension host of code-server, loaded as `extensionTestsPath` through the workbench URL payload.
// Usage (after `npm run build`): node --import tsx test/harness/runIntegration.ts [--results FILE] [--grep PATTERN]
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { projectRoot, resultsDir } from './paths';
import { INTEGRATION_GREP_ENV, INTEGRATION_RESULTS_ENV, printResults, readResults, writeResults, type TierResults } from './results';
import { startTestServer, type TestServer } from './server';
import { within } from './timeouts';
import { Workbench } from './workbench';

const RUN_TIMEOUT_MS = 10 * 60_000;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const output = option('--results') ?? join(resultsDir, 'integration.json');
  const grep = option('--grep');
  const hostResults = `${output}.host.json`;
  const fail = (error: string): number => {
    const r: TierResults = { tier: 'integration', passed: 0, failed: 0, pending: 0, durationMs: 0, tests: [], error };
    writeResults(output, readResults(hostResults) ? { ...readResults(hostResults)!, error } : r);
    console.error(`integration: ${error}`);
    return 1;
  };
  rmSync(hostResults, { force: true });
  rmSync(output, { force: true });

  const index = join(projectRoot, 'out/test/integration/index.js');
  if (!existsSync(index)) return fail(`${index} is missing: build first (npm run build)`);
  if (!existsSync(join(projectRoot, 'dist/extension.js'))) return fail('dist/extension.js is missing: build first (npm run build)');

  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let workbench: Workbench | undefined;
  let ok = false;
  try {
    browser = await launchBrowser();
    server = await startTestServer({
      name: 'integration',
      installExtension: false,
      env: { [INTEGRATION_RESULTS_ENV]: hostResults, ...(grep ? { [INTEGRATION_GREP_ENV]: grep } : {}) },
    });
    const s = server;
    let settle: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (settle = resolve));
    console.log(`integration: running out/test/integration in the extension host of code-server ${s.url}`);
    workbench = await Workbench.open(browser, s, {
      payload: [
        ['extensionDevelopmentPath', s.remoteUri(projectRoot)],
        ['extensionTestsPath', s.remoteUri(index)],
      ],
      // The workbench calls this with the extension host's exit code once the tests' run() settles.
      beforeNavigate: (page) => page.exposeFunction('codeAutomationExit', (code: number) => settle(code)),
    });
    const code = await within(
      RUN_TIMEOUT_MS,
      'waiting for the integration tests to finish in the extension host',
      Promise.race([
        exitCode,
        s.exited.then((c) => {
          throw new Error(`code-server exited (${c}) while the tests ran`);
        }),
      ]),
    );
    const results = readResults(hostResults);
    if (!results) {
      return fail(
        `the extension host exited with code ${code} without writing results (${hostResults}); ` +
          'the extension or the test index probably failed to load: see the logs kept under test-results/logs/integration',
      );
    }
    printResults(results);
    writeResults(output, results);
    if (results.passed + results.failed === 0) return fail('no integration tests ran');
    ok = code === 0 && results.failed === 0;
    if (code !== 0 && results.failed === 0) return fail(`the extension host reported exit code ${code} although no test failed`);
    return ok ? 0 : 1;
  } catch (e) {
    if (workbench) await workbench.screenshot('integration-failure').catch(() => undefined);
    return fail(e instanceof Error ? e.message : String(e));
  } finally {
    await workbench?.close();
    await browser?.close().catch(() => undefined);
    const kept = await server?.dispose({ keepLogs: !ok });
    if (kept) console.log(`integration: logs kept in ${kept}`);
    rmSync(hostResults, { force: true });
  }
}

void main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
