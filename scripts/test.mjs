// `npm test`: set-up, type-check, build, then the test tiers, ending with one summary line.
// Usage: node scripts/test.mjs [unit|integration|e2e]... [--grep PATTERN]
//   unit         mocha + tsx over test/unit/**/*.test.ts
//   integration  mocha inside the VS Code extension host (code-server) over out/test/integration
//   e2e          mocha + playwright-core + Chromium against code-server with the extension installed
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureBuild, ensureCodeServer, ensureDependencies } from './lib/setup.mjs';
import { ensureSystemPackages } from './lib/system-packages.mjs';
import { log, npm, resultsDir, root, run } from './lib/util.mjs';

const ALL = ['unit', 'integration', 'e2e'];
const runners = {
  unit: ['test/harness/runMocha.ts', 'unit'],
  integration: ['test/harness/runIntegration.ts'],
  e2e: ['test/harness/runMocha.ts', 'e2e'],
};

function usage(message) {
  console.error(`${message}\nusage: node scripts/test.mjs [${ALL.join('|')}]... [--grep PATTERN]`);
  process.exit(2);
}

const args = process.argv.slice(2);
const tiers = [];
let grep;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--grep' || a === '-g') {
    grep = args[++i];
    if (grep === undefined) usage('--grep needs a pattern');
  } else if (ALL.includes(a)) {
    if (!tiers.includes(a)) tiers.push(a);
  } else {
    usage(`unknown argument: ${a}`);
  }
}
if (tiers.length === 0) tiers.push(...ALL);
tiers.sort((a, b) => ALL.indexOf(a) - ALL.indexOf(b));

const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
const needsVsCode = tiers.some((t) => t !== 'unit');

function abort(what, error) {
  if (error) console.error(`[test] ${error instanceof Error ? error.message : error}`);
  console.log(`\ntests: not run (${what}) in ${elapsed()}`);
  process.exit(1);
}

try {
  await ensureSystemPackages();
  await ensureDependencies();
  if (needsVsCode) await ensureCodeServer();
} catch (e) {
  abort('set-up failed', e);
}

// A type error fails the run, but the tiers still run (tsx and esbuild do not type-check), so one
// error does not hide the test results.
log('test', 'type-checking');
let typecheckOk = true;
try {
  await npm(['run', '--silent', 'typecheck']);
} catch {
  typecheckOk = false;
  log('test', 'typecheck failed (errors above); running the tests anyway');
}

if (needsVsCode) {
  try {
    await ensureBuild({ force: true });
  } catch (e) {
    abort('build failed', e);
  }
}

for (const t of tiers) rmSync(join(resultsDir, `${t}.json`), { force: true });
if (needsVsCode) {
  rmSync(join(resultsDir, 'screenshots'), { recursive: true, force: true });
  rmSync(join(resultsDir, 'logs'), { recursive: true, force: true });
}

const outcomes = [];
for (const tier of tiers) {
  console.log(`\n── ${tier} ${'─'.repeat(60)}`);
  const resultsFile = join(resultsDir, `${tier}.json`);
  const [script, ...rest] = runners[tier];
  const tierArgs = ['--import', 'tsx', join(root, script), ...rest, '--results', resultsFile];
  if (grep) tierArgs.push('--grep', grep);
  const code = await run(process.execPath, tierArgs, { cwd: root });
  let results;
  try {
    results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    results = undefined;
  }
  const passed = results?.passed ?? 0;
  const failed = results?.failed ?? 0;
  const pending = results?.pending ?? 0;
  let problem;
  if (!results) problem = `no results (exit code ${code})`;
  else if (results.error) problem = results.error.split('\n')[0];
  else if (passed + failed === 0) problem = 'ran no tests';
  else if (code !== 0 && failed === 0) problem = `exit code ${code}`;
  outcomes.push({ tier, passed, failed, pending, problem, ok: code === 0 && failed === 0 && !problem });
}

const screenshots = join(resultsDir, 'screenshots');
if (existsSync(screenshots)) console.log(`\nscreenshots: ${relative(root, screenshots)}/`);
if (existsSync(join(resultsDir, 'logs'))) console.log(`logs of failed runs: ${relative(root, join(resultsDir, 'logs'))}/`);
for (const o of outcomes.filter((o) => o.problem)) console.log(`${o.tier}: ${o.problem}`);

const parts = outcomes.map((o) => {
  let s = `${o.tier} ${o.passed} passed`;
  if (o.failed) s += ` ${o.failed} failed`;
  if (o.pending) s += ` ${o.pending} pending`;
  if (o.problem && !o.failed) s += ' (error)';
  return s;
});
const failedTiers = outcomes.filter((o) => !o.ok).length;
const typecheck = typecheckOk ? '' : ', typecheck failed';
console.log(`\ntests: ${parts.join(', ')} (${outcomes.length} tier${outcomes.length === 1 ? '' : 's'}, ${failedTiers} failed${typecheck}) in ${elapsed()}`);
process.exit(failedTiers > 0 || !typecheckOk ? 1 : 0);
