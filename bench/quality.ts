// Quality benchmark: how many known laws the search recovers exactly.
// npm run bench:quality -- --suite empirical|feynman|strogatz|textbook [--time-limit S] [--workers N] [--only id,...]
//   [--group main|bonus|all] [--noise 0.01] [--rows 1000] [--operators "+,-,*,/,..."] [--seed N]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { structureKey, type Expr } from '../src/engine/expressions/expression';
import { formatExpression } from '../src/engine/expressions/formats';
import { splitList } from '../src/engine/options';
import { EXACT_R2, freshR2, SOLVED_R2 } from './lib/judge';
import { generate, loadSuite, SUITES, type GeneratedData, type Suite } from './lib/problems';
import { discover } from './lib/discover';

const BENCH_OPERATORS = '+,-,*,/,^,sqrt,exp,log,sin,cos';

const { values } = parseArgs({
  options: {
    suite: { type: 'string', default: 'empirical' },
    'time-limit': { type: 'string', default: '60' },
    workers: { type: 'string' },
    only: { type: 'string' },
    group: { type: 'string', default: 'all' },
    noise: { type: 'string', default: '0' },
    rows: { type: 'string', default: '1000' },
    operators: { type: 'string', default: BENCH_OPERATORS },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    help: { type: 'boolean' },
  },
});

if (values.help) {
  console.log(`npm run bench:quality -- [flags]
  --suite ${SUITES.join('|')}   problems of bench/problems/<suite>.json (default empirical)
  --time-limit S     seconds per problem (default 60)
  --workers N        worker threads (default: one per core)
  --only id,...      only these problems
  --group main|bonus|all   Feynman's groups (default all)
  --noise F          Gaussian noise of F times the target's RMS (default 0)
  --rows N           training rows (default 1000)
  --operators LIST   (default ${BENCH_OPERATORS})
  --seed N           (default 1)
  --out FILE         results file (default bench/results/<suite>.json)
Per problem: solved (R2 > 1 - 1e-9 on fresh points after refitting), exact (R2 > 1 - 1e-15), and the search
seconds until a matching formula was first on the front (progress reports); the median of those per suite.`);
  process.exit(0);
}

const suite = values.suite as Suite;
if (!(SUITES as readonly string[]).includes(suite)) {
  console.error(`unknown suite "${suite}" (${SUITES.join(', ')})`);
  process.exit(2);
}
const timeLimit = Number(values['time-limit']);
const workers = values.workers ? Number(values.workers) : Math.max(1, cpus().length);
const rows = Number(values.rows);
const noise = Number(values.noise);
const seed = Number(values.seed);
const operators = splitList(values.operators!, { alsoSpaces: true });
const only = values.only ? new Set(splitList(values.only)) : null;

const records = loadSuite(suite).filter(
  (r) =>
    (!only || only.has(r.id)) &&
    (values.group === 'all' || (r.group ?? 'main') === values.group) &&
    !(suite === 'empirical' && r.id === 'tully' && !only),
);
if (records.length === 0) {
  console.error('no problem matches the selection');
  process.exit(2);
}

interface ProblemResult {
  id: string;
  group?: string;
  solved: boolean;
  /** Complexity of the simplest front formula that matches the law. */
  solvedComplexity: number | null;
  solvedFormula: string | null;
  /** Matched to rounding error (R^2 > 1 - 1e-15): tells the exact law from a very close approximation. */
  exact: boolean;
  exactComplexity: number | null;
  r2: number;
  bestFormula: string;
  /** Search seconds until a formula that matches the law was first on the front (progress reports), null if never. */
  lawSeconds: number | null;
  seconds: number;
  evaluations: number;
  stoppedBy: string;
  error?: string;
}

/**
 * The formulas of the front as progress reported it, each with the search seconds when it first appeared.
 * They are judged after the search, so the judging takes no time from the workers.
 */
class FirstAppearances {
  private readonly seen = new Map<string, { expr: Expr; seconds: number }>();

  record(front: readonly { expr: Expr }[], seconds: number): void {
    for (const { expr } of front) {
      const key = structureKey(expr);
      if (!this.seen.has(key)) this.seen.set(key, { expr, seconds });
    }
  }

  /** Seconds when the first formula that matches the law on `fresh` appeared; null if none did. */
  firstSolving(fresh: GeneratedData): number | null {
    const inOrder = [...this.seen.values()].sort((a, b) => a.seconds - b.seconds);
    for (const { expr, seconds } of inOrder) if (freshR2(expr, fresh) > SOLVED_R2) return seconds;
    return null;
  }
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
const results: ProblemResult[] = [];
const started = Date.now();
const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
console.log(
  `suite ${suite}: ${records.length} problems, ${timeLimit} s each, ${workers} worker(s), ${rows} rows, noise ${noise}, operators ${operators.join(' ')}`,
);

for (const record of records) {
  const names = record.vars.map((v) => v.name);
  try {
    const train = generate(record, rows, seed, noise);
    const fresh = generate(record, 1000, seed + 1000, 0, true);
    const appeared = new FirstAppearances();
    const result = await discover(train, { operators, timeLimitSeconds: timeLimit, seed }, workers, (p) => appeared.record(p.front, p.seconds));
    let solvedAt: { complexity: number; formula: string; r2: number } | null = null;
    let exactAt: number | null = null;
    let bestR2 = Number.NEGATIVE_INFINITY;
    for (const entry of result.front) {
      const r2 = freshR2(entry.expr, fresh);
      bestR2 = Math.max(bestR2, r2);
      if (r2 > SOLVED_R2 && !solvedAt) {
        solvedAt = { complexity: entry.complexity, formula: formatExpression(entry.expr, 'mathjs', { names }), r2 };
      }
      if (r2 > EXACT_R2 && exactAt === null) exactAt = entry.complexity;
    }
    const best = result.front.find((e) => e.best) ?? result.front[result.front.length - 1]!;
    results.push({
      id: record.id,
      ...(record.group ? { group: record.group } : {}),
      solved: solvedAt !== null,
      solvedComplexity: solvedAt?.complexity ?? null,
      solvedFormula: solvedAt?.formula ?? null,
      exact: exactAt !== null,
      exactComplexity: exactAt,
      r2: solvedAt?.r2 ?? bestR2,
      bestFormula: formatExpression(best.expr, 'mathjs', { names }),
      lawSeconds: solvedAt ? (appeared.firstSolving(fresh) ?? result.seconds) : null,
      seconds: result.seconds,
      evaluations: result.evaluations,
      stoppedBy: result.stoppedBy,
    });
  } catch (error) {
    results.push({
      id: record.id,
      solved: false,
      solvedComplexity: null,
      solvedFormula: null,
      exact: false,
      exactComplexity: null,
      r2: Number.NaN,
      bestFormula: '',
      lawSeconds: null,
      seconds: 0,
      evaluations: 0,
      stoppedBy: 'error',
      error: error instanceof Error ? error.message : String(error),
    });
  }
  const r = results[results.length - 1]!;
  const solvedSoFar = results.filter((x) => x.solved).length;
  console.log(
    `${pad(r.id, 18)} ${r.exact ? 'EXACT ' : r.solved ? 'SOLVED' : 'missed'}  ${pad(r.solved ? `c=${r.solvedComplexity}` : `R2=${r.r2.toPrecision(6)}`, 16)}` +
      ` ${pad(`${r.seconds.toFixed(1)} s`, 8)} ${pad(r.lawSeconds === null ? '' : `law ${r.lawSeconds.toFixed(1)} s`, 11)}` +
      ` ${pad(`${(r.evaluations / 1e6).toFixed(2)}M evals`, 13)}` +
      ` [${solvedSoFar}/${results.length}] ${r.error ?? r.solvedFormula ?? r.bestFormula}`,
  );
}

const solved = results.filter((r) => r.solved).length;
const lawTimes = results.flatMap((r) => (r.lawSeconds === null ? [] : [r.lawSeconds]));
const summary = {
  suite,
  date: new Date().toISOString(),
  timeLimitSeconds: timeLimit,
  workers,
  rows,
  noise,
  seed,
  operators,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  solved,
  exact: results.filter((r) => r.exact).length,
  total: results.length,
  /** Median over the solved problems of the seconds until the law was first on the front. */
  medianLawSeconds: median(lawTimes),
  byGroup: Object.fromEntries(
    [...new Set(results.map((r) => r.group ?? 'all'))].map((g) => {
      const inGroup = results.filter((r) => (r.group ?? 'all') === g);
      return [g, { solved: inGroup.filter((r) => r.solved).length, exact: inGroup.filter((r) => r.exact).length, total: inGroup.length }];
    }),
  ),
  wallSeconds: (Date.now() - started) / 1000,
  results,
};
const outPath = values.out ?? join(__dirname, 'results', `${suite}.json`);
mkdirSync(join(outPath, '..'), { recursive: true });
writeFileSync(outPath, JSON.stringify(summary, null, 2) + '\n');
console.log(
  `solved ${solved}/${results.length} (${((100 * solved) / results.length).toFixed(1)} %), exact ${summary.exact}` +
    Object.entries(summary.byGroup)
      .map(([g, s]) => (g === 'all' ? '' : `; ${g} ${s.solved}/${s.total} (exact ${s.exact})`))
      .join('') +
    (summary.medianLawSeconds === null ? '' : `; median time to the law ${summary.medianLawSeconds.toFixed(2)} s`) +
    `; wrote ${outPath}`,
);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
