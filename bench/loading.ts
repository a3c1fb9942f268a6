// Loading benchmark: peak memory and time to first progress of `eqd discover` on a large file.
// npm run bench:loading [-- --rows 1000000 --format csv|parquet --seconds 30]
//
// Writes a table of `rows` rows and 5 columns (x1..x4 and y = x1^2 - 2*x2 + 4) to a temporary folder, then runs
// the command-line tool under /usr/bin/time -v and reports its peak resident memory, when the first progress
// line of loading and of the search came (seconds after start), and the best formula.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parquetWriteBuffer } from 'hyparquet-writer';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    format: { type: 'string', default: 'csv' },
    seconds: { type: 'string', default: '30' },
    workers: { type: 'string', default: '1' },
  },
});
const rows = Number(values.rows);

function column(seed: number): Float64Array {
  let s = seed;
  return Float64Array.from({ length: rows }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.round((s / 2147483648) * 10000) / 1000;
  });
}

async function writeData(dir: string): Promise<string> {
  const x = [column(1), column(2), column(3), column(4)];
  const y = Float64Array.from(x[0]!, (v, i) => v * v - 2 * x[1]![i]! + 4);
  if (values.format === 'parquet') {
    const path = join(dir, 'big.parquet');
    const columnData = [...x.map((data, j) => ({ name: `x${j + 1}`, data, type: 'DOUBLE' as const })), { name: 'y', data: y, type: 'DOUBLE' as const }];
    await writeFile(path, new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: 100_000 })));
    return path;
  }
  const path = join(dir, 'big.csv');
  const out = createWriteStream(path);
  out.write('x1,x2,x3,x4,y\n');
  let block = '';
  for (let i = 0; i < rows; i++) {
    block += `${x[0]![i]},${x[1]![i]},${x[2]![i]},${x[3]![i]},${Number(y[i]!.toPrecision(12))}\n`;
    if (block.length > 1 << 20) {
      if (!out.write(block)) await new Promise<void>((r) => out.once('drain', () => r()));
      block = '';
    }
  }
  out.end(block);
  await new Promise<void>((r) => out.on('finish', () => r()));
  return path;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'eqd-bench-'));
  try {
    const path = await writeData(dir);
    const size = (await stat(path)).size;
    const args = ['-v', process.execPath, 'dist/cli.js', 'discover', path, '--target', 'y', '--time-limit', values.seconds!, '--workers', values.workers!, '--format', 'json'];
    const started = Date.now();
    const child = spawn('/usr/bin/time', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let firstLoad: number | undefined;
    let firstSearch: number | undefined;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      const at = (Date.now() - started) / 1000;
      const text = d.toString();
      if (firstLoad === undefined && /^reading /m.test(text)) firstLoad = at;
      if (firstSearch === undefined && /evaluations/.test(text)) firstSearch = at;
      stderr += text;
    });
    const code = await new Promise<number | null>((r) => child.on('close', r));
    const peak = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
    const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.*)/.exec(stderr)?.[1];
    const result = JSON.parse(stdout) as { rows: number; front: { expression: string; loss: number; best: boolean }[]; stats: { seconds: number } };
    const best = result.front.find((f) => f.best);
    const exact = result.front.find((f) => f.loss < 1e-9);
    console.log(`${values.format}, ${rows.toLocaleString('en-US')} rows x 5 columns, ${(size / 1024 ** 2).toFixed(0)} MB, exit ${code}`);
    console.log(`peak resident memory: ${peak.toFixed(0)} MB; wall time ${wall}`);
    console.log(`first loading progress: ${firstLoad?.toFixed(1) ?? '-'} s; first search progress: ${firstSearch?.toFixed(1) ?? '-'} s`);
    console.log(`best formula: ${best?.expression} (loss ${best?.loss}); exact law on the front: ${exact ? exact.expression : 'no'}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
