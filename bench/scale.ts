// Scaling benchmark: search throughput with 1, 2, ... workers on the same problem.
// npm run bench:scale [-- --seconds 20 --workers 1,2 --repeats 3]
//
// Evaluations per second depend on the sizes of the trees a search happens to
// explore, so each configuration runs once per seed and the rates are averaged
// over the same seeds.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { splitList } from '../src/engine/options';
import type { SearchData } from '../src/engine/problem/searchData';
import { discover } from './lib/discover';
import { generate, loadSuite } from './lib/problems';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    workers: { type: 'string' },
    repeats: { type: 'string', default: '3' },
    problem: { type: 'string', default: 'I.29.16' },
  },
});
const seconds = Number(values.seconds);
const repeats = Number(values.repeats);
const cores = availableParallelism();
const counts = values.workers
  ? splitList(values.workers).map(Number)
  : [...new Set([1, 2, cores].filter((n) => n <= Math.max(cores, 2)))];
const OPERATORS = ['+', '-', '*', '/', 'sqrt', 'sin', 'cos', 'exp', 'log'];

/** Evaluations per second of `searches` searches of `workers` workers each, run side by side. */
async function rate(data: SearchData, workers: number, searches: number, seed: number): Promise<number> {
  const runs = await Promise.all(
    Array.from({ length: searches }, (_, i) =>
      discover(data, { timeLimitSeconds: seconds, seed: seed + 1000 * i, operators: OPERATORS }, workers),
    ),
  );
  return runs.reduce((sum, run) => sum + run.evaluations / run.seconds, 0);
}

async function meanRate(data: SearchData, workers: number, searches: number): Promise<number> {
  let sum = 0;
  for (let seed = 1; seed <= repeats; seed++) sum += await rate(data, workers, searches, seed);
  return sum / repeats;
}

const format = (n: number): string => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const record = loadSuite('feynman').find((r) => r.id === values.problem);
  if (!record) throw new Error(`no Feynman problem ${values.problem}`);
  const data = generate(record, 1000, 1);
  console.log(
    `problem ${record.id} (${record.formula}), 1000 rows, ${seconds} s per run, ` +
      `mean of ${repeats} seeds, ${cores} cores`,
  );
  const single = await meanRate(data, 1, 1);
  console.log(`1 worker : ${format(single)} evaluations/s`);
  for (const workers of counts.filter((n) => n > 1)) {
    const together = await meanRate(data, workers, 1);
    console.log(`${workers} workers: ${format(together)} evaluations/s  (x${(together / single).toFixed(2)} of 1 worker)`);
    // For comparison: as many threads running separate one-worker searches
    // that never exchange anything (what the machine gives without coordination).
    const separate = await meanRate(data, 1, workers);
    console.log(
      `${workers} separate 1-worker searches at once: ${format(separate)} evaluations/s in all` +
        `  (x${(separate / single).toFixed(2)} of 1 worker, no coordination)`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
