// Responsiveness benchmark: how long a search takes to stop once asked, in the engine (ParallelSearch.cancel)
// and in the command line (Ctrl+C). Wall-time figures depend on the machine's load, so they are measured
// here rather than asserted in tests.
// npm run bench:responsiveness [-- --repeats 5 --workers 2]
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ParallelSearch } from '../src/parallel/parallelSearch';
import { WORKER_SCRIPT } from './lib/discover';

const { values } = parseArgs({
  options: {
    repeats: { type: 'string', default: '5' },
    workers: { type: 'string', default: '2' },
  },
});
const repeats = Number(values.repeats);
const workers = Number(values.workers);
const CLI = join(__dirname, '..', 'dist', 'cli.js');
const SAMPLE = join(__dirname, '..', 'data', 'samples', 'real-hubble-1929.csv');

function quadratic(rows: number): { X: Float64Array[]; y: Float64Array } {
  const a = new Float64Array(rows);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    a[i] = -3 + (6 * i) / (rows - 1);
    y[i] = 2 * a[i]! * a[i]! - a[i]! + 1;
  }
  return { X: [a], y };
}

/** Milliseconds from `cancel()` to the search's result, after it has run for `warmMs`. */
async function engineCancel(seed: number, warmMs: number): Promise<number> {
  const run = ParallelSearch.start(quadratic(2000), { timeLimitSeconds: 120, seed }, { workers, workerScript: WORKER_SCRIPT });
  await new Promise((r) => setTimeout(r, warmMs));
  const asked = performance.now();
  run.cancel();
  const result = await run.result;
  if (result.stoppedBy !== 'cancelled') throw new Error(`the search stopped by ${result.stoppedBy}, not by the cancel`);
  return performance.now() - asked;
}

/** Milliseconds from SIGINT to the CLI's exit, sent once its progress shows formulas (or at once: `early`). */
function cliInterrupt(early: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'discover', SAMPLE, '--time-limit', '120', '--workers', String(workers), '--format', 'json']);
    let stderr = '';
    let asked = 0;
    const interrupt = (): void => {
      if (asked) return;
      asked = performance.now();
      child.kill('SIGINT');
    };
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (early || /front [1-9]/.test(stderr)) interrupt();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!asked) reject(new Error(`the CLI exited (${code}) before it was interrupted: ${stderr}`));
      else if (code !== 0) reject(new Error(`the CLI exited with ${code} after Ctrl+C: ${stderr}`));
      else resolve(performance.now() - asked);
    });
  });
}

function summary(label: string, ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return `${label}: median ${median.toFixed(0)} ms, max ${sorted[sorted.length - 1]!.toFixed(0)} ms (${ms.map((m) => m.toFixed(0)).join(', ')})`;
}

async function main(): Promise<void> {
  console.log(`${workers} workers, ${repeats} repeats`);
  const engine: number[] = [];
  for (let i = 0; i < repeats; i++) engine.push(await engineCancel(i + 1, 1500));
  console.log(summary('engine cancel after 1.5 s', engine));
  const cli: number[] = [];
  for (let i = 0; i < repeats; i++) cli.push(await cliInterrupt(false));
  console.log(summary('CLI Ctrl+C once formulas show', cli));
  const early: number[] = [];
  for (let i = 0; i < repeats; i++) early.push(await cliInterrupt(true));
  console.log(summary('CLI Ctrl+C at its first output', early));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
