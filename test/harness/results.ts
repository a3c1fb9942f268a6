import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Mocha from 'mocha';

/** Environment variables the integration tests' index (inside the extension host) reads. */
export const INTEGRATION_RESULTS_ENV = 'EQUATION_DISCOVERY_TEST_RESULTS';
export const INTEGRATION_GREP_ENV = 'EQUATION_DISCOVERY_TEST_GREP';

/** One test (or failed hook) as the tiers report it to `scripts/test.mjs`. */
export interface TestOutcome {
  /** Suite titles, then the test's own title. */
  title: string[];
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

/** What a tier writes to its results file; `scripts/test.mjs` counts from it. */
export interface TierResults {
  tier: string;
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  tests: TestOutcome[];
  /** Set when the tier could not run its tests at all (server, browser, host crashed...). */
  error?: string;
}

function titlePath(runnable: Mocha.Runnable): string[] {
  return runnable.titlePath().filter((t) => t !== '');
}

function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}

/** Follows a mocha run and hands over its results when it ends. */
export function collectResults(runner: Mocha.Runner, tier: string, onEnd: (results: TierResults) => void): void {
  const { EVENT_RUN_BEGIN, EVENT_RUN_END, EVENT_TEST_FAIL, EVENT_TEST_PASS, EVENT_TEST_PENDING } = Mocha.Runner.constants;
  const results: TierResults = { tier, passed: 0, failed: 0, pending: 0, durationMs: 0, tests: [] };
  let started = Date.now();
  runner.once(EVENT_RUN_BEGIN, () => {
    started = Date.now();
  });
  runner.on(EVENT_TEST_PASS, (test) => {
    results.passed++;
    results.tests.push({ title: titlePath(test), state: 'passed', durationMs: test.duration ?? 0 });
  });
  runner.on(EVENT_TEST_FAIL, (test, err) => {
    results.failed++;
    results.tests.push({ title: titlePath(test), state: 'failed', durationMs: test.duration ?? 0, error: describeError(err) });
  });
  runner.on(EVENT_TEST_PENDING, (test) => {
    results.pending++;
    results.tests.push({ title: titlePath(test), state: 'pending' });
  });
  runner.once(EVENT_RUN_END, () => {
    results.durationMs = Date.now() - started;
    onEnd(results);
  });
}

export function writeResults(file: string, results: TierResults): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
}

export function readResults(file: string): TierResults | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as TierResults;
  } catch {
    return undefined;
  }
}

function reporterOption(options: Mocha.MochaOptions | undefined): { output?: string; tier?: string } {
  return (options as { reporterOption?: { output?: string; tier?: string } } | undefined)?.reporterOption ?? {};
}

/** mocha's spec reporter, plus the results file for `scripts/test.mjs`. */
export class SpecAndResultsReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const { output, tier = 'tests' } = reporterOption(options);
    if (output) collectResults(runner, tier, (r) => writeResults(output, r));
  }
}

/** No console output (it cannot be read where this runs), only the results file. */
export class ResultsFileReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const { output, tier = 'tests' } = reporterOption(options);
    if (!output) throw new Error('ResultsFileReporter needs reporterOptions.output');
    collectResults(runner, tier, (r) => writeResults(output, r));
  }
}

/** Prints results read from a file the way the spec reporter would (for tests run out of sight). */
export function printResults(results: TierResults, write: (line: string) => void = (l) => console.log(l)): void {
  let previous: string[] = [];
  for (const t of results.tests) {
    const suites = t.title.slice(0, -1);
    let same = 0;
    while (same < suites.length && same < previous.length && suites[same] === previous[same]) same++;
    for (let i = same; i < suites.length; i++) write(`${'  '.repeat(i + 1)}${suites[i]}`);
    previous = suites;
    const indent = '  '.repeat(suites.length + 1);
    const name = t.title[t.title.length - 1] ?? '';
    if (t.state === 'passed') write(`${indent}✔ ${name}${t.durationMs && t.durationMs > 100 ? ` (${t.durationMs} ms)` : ''}`);
    else if (t.state === 'pending') write(`${indent}- ${name} (pending)`);
    else {
      write(`${indent}✘ ${name}`);
      for (const line of (t.error ?? '').split('\n')) write(`${indent}    ${line}`);
    }
  }
  write('');
  write(`  ${results.passed} passing, ${results.failed} failing, ${results.pending} pending (${(results.durationMs / 1000).toFixed(1)} s)`);
}
