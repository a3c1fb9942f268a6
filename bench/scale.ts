// Scaling benchmark: search throughput with 1, 2, ... workers on the same problem.
// npm run bench:scale [-- --seconds 20 --workers 1,2]
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { discover } from './lib/discover';
import { generate, loadSuite } from './lib/problems';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    workers: { type: 'string' },
    problem: { type: 'string', default: 'I.29.16' },
  },
});
const seconds = Number(values.seconds);
const cores = availableParallelism();
const counts = values.workers
  ? values.workers.split(',').map(Number)
  : [...new Set([1, 2, cores].filter((n) => n <= Math.max(cores, 2)))];

async function main(): Promise<void> {
  const record = loadSuite('feynman').find((r) => r.id === values.problem);
  if (!record) throw new Error(`no Feynman problem ${values.problem}`);
  const data = generate(record, 1000, 1);
  console.log(`problem ${record.id} (${record.formula}), 1000 rows, ${seconds} s per run, ${cores} cores`);
  const rates: number[] = [];
  for (const workers of counts) {
    const result = await discover(data, { timeLimitSeconds: seconds, seed: 1, operators: ['+', '-', '*', '/', 'sqrt', 'sin', 'cos', 'exp', 'log'] }, workers);
    const rate = result.evaluations / result.seconds;
    rates.push(rate);
    console.log(
      `${workers} worker${workers === 1 ? ' ' : 's'}: ${Math.round(rate).toLocaleString('en-US')} evaluations/s` +
        `  (x${(rate / rates[0]!).toFixed(2)} of 1 worker; ${result.iterations} iterations, best loss ${result.front.at(-1)?.loss.toExponential(2)})`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
