// Entry point that VS Code's extension host loads as `extensionTestsPath` (compiled to
// out/test/integration/index.js). Runs every compiled *.test.js next to it with mocha.
// The host's console cannot be read from outside (code-server), so when EQUATION_DISCOVERY_TEST_RESULTS
// names a file, results go there as JSON; otherwise (desktop VS Code) the spec reporter prints them.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { INTEGRATION_GREP_ENV, INTEGRATION_RESULTS_ENV, ResultsFileReporter } from '../harness/results';

export function run(): Promise<void> {
  const output = process.env[INTEGRATION_RESULTS_ENV];
  const grep = process.env[INTEGRATION_GREP_ENV];
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    slow: 5_000,
    color: !output,
    forbidOnly: true,
    forbidPending: true,
    ...(output ? { reporter: ResultsFileReporter, reporterOptions: { output, tier: 'integration' } } : { reporter: 'spec' }),
    ...(grep ? { grep } : {}),
  });
  const files = readdirSync(__dirname, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(join(__dirname, f));

  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      reject(new Error(`no *.test.js files in ${__dirname}`));
      return;
    }
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else if (mocha.suite.total() === 0) reject(new Error('no integration tests ran'));
        else resolve();
      });
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
