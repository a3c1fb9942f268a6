// Runs the unit or e2e tier with mocha (spec output plus a results file for scripts/test.mjs).
// Usage: node --import tsx test/harness/runMocha.ts unit|e2e [--results FILE] [--grep PATTERN]
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Mocha from 'mocha';
import { mochaHooks } from './mocha';
import { projectRoot, resultsDir } from './paths';
import { SpecAndResultsReporter, writeResults } from './results';

interface TierConfig {
  dir: string;
  timeout: number;
  slow: number;
  rootHooks?: Mocha.RootHookObject;
}

const tiers: Record<string, TierConfig> = {
  unit: { dir: 'test/unit', timeout: 10_000, slow: 300 },
  e2e: { dir: 'test/e2e', timeout: 120_000, slow: 15_000, rootHooks: mochaHooks },
};

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function testFiles(dir: string): string[] {
  const abs = join(projectRoot, dir);
  let names: string[];
  try {
    names = readdirSync(abs, { recursive: true }).map(String);
  } catch {
    return [];
  }
  return names
    .filter((f) => f.endsWith('.test.ts') && statSync(join(abs, f)).isFile())
    .sort()
    .map((f) => join(abs, f));
}

async function main(): Promise<number> {
  const tier = process.argv[2] ?? '';
  const config = tiers[tier];
  if (!config) {
    console.error(`usage: runMocha.ts ${Object.keys(tiers).join('|')} [--results FILE] [--grep PATTERN]`);
    return 2;
  }
  const output = option('--results') ?? join(resultsDir, `${tier}.json`);
  const grep = option('--grep');
  const files = testFiles(config.dir);
  if (files.length === 0) {
    writeResults(output, { tier, passed: 0, failed: 0, pending: 0, durationMs: 0, tests: [], error: `no *.test.ts files under ${config.dir}` });
    console.error(`${tier}: no *.test.ts files under ${config.dir}`);
    return 1;
  }

  const mocha = new Mocha({
    ui: 'bdd',
    timeout: config.timeout,
    slow: config.slow,
    color: process.stdout.isTTY,
    forbidOnly: true,
    forbidPending: true,
    reporter: SpecAndResultsReporter,
    reporterOptions: { output, tier },
    ...(grep ? { grep } : {}),
    ...(config.rootHooks ? { rootHooks: config.rootHooks } : {}),
  });
  for (const f of files) mocha.addFile(f);
  try {
    await mocha.loadFilesAsync();
  } catch (e) {
    const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
    writeResults(output, { tier, passed: 0, failed: 1, pending: 0, durationMs: 0, tests: [], error: `loading the test files failed: ${message}` });
    console.error(`${tier}: loading the test files failed:\n${message}`);
    return 1;
  }
  console.log(`${tier}: ${files.length} test file${files.length === 1 ? '' : 's'} under ${relative(projectRoot, join(projectRoot, config.dir))}`);
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  return failures > 0 ? 1 : 0;
}

void main().then(
  (code) => {
    process.exitCode = code;
    // Exit even if a test leaked a handle (timer, worker, socket), after giving pending output a moment.
    setTimeout(() => {
      console.error('note: open handles kept the test process alive after the run; exiting anyway');
      process.exit(code);
    }, 3000).unref();
  },
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
