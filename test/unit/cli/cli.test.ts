import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { closeSync, constants, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sanitizeIdentifiers } from '../../../src/engine/expressions/formats';
import { parseNumber } from '../helpers/externalTools';
import { parquetBytes } from '../data/binaryFixtures';
import { assignedVariable, runSnippets } from '../formats/snippetPrograms';

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');
const hubble = join(root, 'data', 'samples', 'real-hubble-1929.csv');

function eqd(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempBinary(name: string, bytes: Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'eqd-cli-')), name);
  writeFileSync(path, bytes);
  return path;
}

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'eqd-cli-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A running `eqd` whose output is collected, with a way to wait for a line on its standard error. */
interface Running {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  /** Resolves once standard error matches; rejects if the process exits first. */
  stderrMatches: (pattern: RegExp) => Promise<void>;
}

function start(...args: string[]): Running {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiting: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const w of waiting.filter((x) => x.pattern.test(stderr))) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
  });
  // 'close' comes after the exit and the last output (which may arrive after 'exit').
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    stderrMatches: (pattern) =>
      new Promise<void>((resolve, reject) => {
        if (pattern.test(stderr)) return resolve();
        waiting.push({ pattern, resolve });
        void exited.then((code) => reject(new Error(`eqd exited (${code}) before printing ${pattern} on stderr:\n${stderr}`)));
      }),
  };
}

interface DiscoverJson {
  target: string;
  features: string[];
  rows: number;
  droppedRows: number;
  front: { complexity: number; loss: number; score: number; expression: string; latex: string; constants: number[]; best: boolean }[];
  stats: { evaluations: number; seconds: number; stoppedBy: string; note?: string };
}

/** y = 2 a, with column names that try to end the comment that names them, in Python and in JavaScript. */
const HOSTILE_FEATURE = 'a\nprint("PWNED") #\u2028console.log("PWNED") //';
const HOSTILE_TARGET = 'y\rprint("PWNED")\u2029console.log("PWNED")//';
const csvField = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const HOSTILE_CSV = [
  `${csvField(HOSTILE_FEATURE)},${csvField(HOSTILE_TARGET)}`,
  ...Array.from({ length: 20 }, (_, i) => `${i + 1},${2 * (i + 1)}`),
].join('\n');

describe('eqd command line', function () {
  this.timeout(60_000);

  before(() => assert.ok(existsSync(cli), `missing ${cli}: run "npm run build" first`));

  it('discovers from a Parquet file, only the rows asked for, and reports the column types', () => {
    const n = 400;
    const x1 = Float64Array.from({ length: n }, (_, i) => (i % 20) / 4);
    const x2 = Float64Array.from({ length: n }, (_, i) => Math.floor(i / 20) / 5);
    const path = tempBinary('law.parquet', parquetBytes([
      { name: 'x1', data: x1, type: 'DOUBLE' },
      { name: 'x2', data: x2, type: 'DOUBLE' },
      { name: 'y', data: Float64Array.from(x1, (v, i) => v * v - 2 * x2[i]! + 4), type: 'DOUBLE' },
    ], 128));
    const r = eqd('discover', path, '--target', 'y', '--rows', '1:300', '--iterations', '10', '--workers', '1', '--seed', '1', '--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as DiscoverJson;
    assert.equal(out.rows, 300);
    assert.deepEqual(out.features, ['x1', 'x2']);
    assert.match(r.stderr, /^read 300 of 400 rows; "x1" double, "x2" double, "y" double$/m);
    assert.ok(out.front.some((f) => f.loss < 1e-10), JSON.stringify(out.front.map((f) => [f.expression, f.loss])));
  });

  it('names the file and what is wrong with a damaged binary file, in one line', () => {
    for (const [name, bytes, message] of [
      ['cut.parquet', parquetBytes([{ name: 'a', data: [1, 2, 3], type: 'DOUBLE' }]).subarray(0, 30), /cut\.parquet: not a readable Parquet file: /],
      ['sheet.xlsx', new TextEncoder().encode('a,b\n1,2\n'), /sheet\.xlsx: not an Excel \(\.xlsx\) file: it is text$/],
      ['sky.fits', new TextEncoder().encode('SIMPLE  =                    T'), /sky\.fits: not a readable FITS file: a header ends before its END card/],
    ] as const) {
      const r = eqd('discover', tempBinary(name, bytes));
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr.trim(), message);
    }
  });

  it('discovers the Hubble law in the real 1929 data, as JSON', () => {
    const r = eqd('discover', hubble, '--target', 'v', '--time-limit', '3', '--workers', '1', '--format', 'json', '--quiet');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as DiscoverJson;
    assert.equal(out.target, 'v');
    assert.deepEqual(out.features, ['D']);
    assert.equal(out.rows, 32);
    assert.equal(out.droppedRows, 0);
    assert.equal(out.stats.stoppedBy, 'time');
    assert.ok(out.stats.evaluations > 1000);
    const linear = out.front.find((f) => f.complexity === 3)!;
    assert.match(linear.expression, /^(D \* 475\.\d+|475\.\d+ \* D)$/);
    assert.match(linear.latex, /475\.3/);
    assert.deepEqual(linear.constants, [Number(/475\.\d+/.exec(linear.expression)![0])], 'the fitted constant, every digit');
    assert.equal(out.front.filter((f) => f.best).length, 1);
    for (let i = 1; i < out.front.length; i++) assert.ok(out.front[i]!.loss < out.front[i - 1]!.loss);
  });

  it('finds a Feynman law exactly from generated data, and prints a table', () => {
    const lines = ['mu,Nn,Ff'];
    for (let i = 0; i < 200; i++) {
      const mu = 1 + ((i * 37) % 200) / 50;
      const n = 1 + ((i * 91) % 200) / 50;
      lines.push(`${mu},${n},${mu * n}`);
    }
    const file = tempFile('feynman-I.12.1.csv', lines.join('\n'));
    const r = eqd('discover', file, '--target', 'Ff', '--iterations', '3', '--workers', '1', '--seed', '1');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Ff from mu, Nn; 200 rows/);
    assert.match(r.stdout, /Complexity\s+Loss\s+Score\s+Equation/);
    assert.match(r.stdout, /^\s+3\s+0\s+\S+\s+\*\s+(mu \* Nn|Nn \* mu)$/m);
    assert.match(r.stdout, /(all iterations done|exact fit found); \* marks the best formula/);
    assert.doesNotMatch(r.stderr, /warning/, 'without a time limit, polishing is not refused');
  });

  it('drops rows with missing values and says how many', () => {
    const rows = ['x,y', ...Array.from({ length: 20 }, (_, i) => `${i},${i % 7 === 0 ? '' : 2 * i + 1}`)];
    const r = eqd('discover', tempFile('gaps.csv', rows.join('\n')), '--iterations', '1', '--workers', '1', '--format', 'json', '--quiet');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as DiscoverJson;
    assert.equal(out.droppedRows, 3);
    assert.equal(out.rows, 17);
  });

  const badInputs: [string, () => string[], RegExp][] = [
    ['a missing file', () => ['discover', '/nonexistent/data.csv'], /data\.csv.*(not found|no such file|does not exist)/i],
    ['an empty file', () => ['discover', tempFile('empty.csv', '')], /empty/i],
    ['an unknown column', () => ['discover', hubble, '--target', 'speed'], /speed.*(D, v|D.*v)/],
    [
      'a non-numeric target',
      () => ['discover', tempFile('words.csv', 'x,y\n1,a\n2,b\n3,c\n4,d\n5,e\n6,f\n'), '--target', 'y'],
      /words\.csv:2:\d+:.*y/,
    ],
    ['too few rows', () => ['discover', tempFile('few.csv', 'x,y\n1,2\n2,4\n3,6\n')], /(fewer than 5|only 3|at least 5)/i],
    [
      'NaN everywhere in the target',
      () => ['discover', tempFile('nan.csv', 'x,y\n1,NaN\n2,NaN\n3,NaN\n4,NaN\n5,NaN\n6,NaN\n')],
      /target "y" has no numbers/,
    ],
    ['an unknown operator', () => ['discover', hubble, '--operators', '+,*,sinh'], /unknown operator "sinh"/],
    ['a bad number option', () => ['discover', hubble, '--time-limit', 'soon'], /--time-limit must be a positive number/],
    ['an unknown command', () => ['fit', hubble], /unknown command "fit"/],
  ];
  for (const [what, args, message] of badInputs) {
    it(`explains ${what} in one line and exits with code 2`, () => {
      const r = eqd(...args());
      assert.equal(r.status, 2, `exit ${r.status}; stderr: ${r.stderr}`);
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0]!, /^eqd: /);
      assert.match(lines[0]!, message);
      assert.equal(r.stdout, '');
    });
  }

  it('prints the best formula as the snippet Insert into Editor writes, and hostile column names stay in its comment', () => {
    const file = tempFile('hostile.csv', HOSTILE_CSV);
    for (const language of ['python', 'javascript'] as const) {
      const r = eqd('discover', file, '--target', HOSTILE_TARGET, '--iterations', '3', '--workers', '1', '--format', language, '--quiet');
      assert.equal(r.status, 0, r.stderr);
      const snippet = r.stdout.replace(/\n$/, '');
      const lines = snippet.split('\n');
      // The names are there, escaped, in a comment that ends with the line.
      const comment = language === 'python' ? '#' : '//';
      assert.equal(lines[0], `${comment} y\\rprint("PWNED")\\u2029console.log("PWNED")// fitted by Equation Discovery on hostile.csv, 20 rows`);
      assert.match(lines[1]!, /^(#|\/\/) loss \S+ \(MSE\), complexity \d+; fitted for a\\nprint\("PWNED"\) #\\u2028console\.log\("PWNED"\) \/\/ in \[1, 20\]$/);
      const [a] = sanitizeIdentifiers([HOSTILE_FEATURE], language);
      const out = runSnippets(language, [{ snippet, inputs: { [a!]: 3 }, output: assignedVariable(snippet, language) }]);
      assert.doesNotMatch(out, /PWNED/);
      const m = /^case 0 = (\S+)\s*$/.exec(out);
      assert.ok(m, out);
      assert.ok(Math.abs(parseNumber(m[1]!) - 6) < 1e-9, out);
    }
  });

  it('rejects an unknown --format and lists the formats', () => {
    const r = eqd('discover', hubble, '--format', 'cobol');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--format must be one of table, json, python, javascript, c, julia, rust, matlab, r, latex, markdown, got "cobol"/);
  });

  it('stops at the first Ctrl+C and prints the formulas found so far', async () => {
    const run = start('discover', hubble, '--time-limit', '120', '--workers', '1', '--format', 'json');
    // The first progress line that shows formulas (one every 5 s when stderr is not a terminal).
    await run.stderrMatches(/front [1-9]/);
    run.child.kill('SIGINT');
    const code = await run.exited;
    assert.equal(code, 0, run.stderr());
    const out = JSON.parse(run.stdout()) as DiscoverJson;
    assert.equal(out.stats.stoppedBy, 'cancelled');
    assert.ok(out.front.length > 0);
    assert.match(run.stderr(), /stopping; press Ctrl\+C again/);
  });

  it('prints what it has after a Ctrl+C while the workers start', async () => {
    const run = start('discover', hubble, '--time-limit', '120', '--workers', '1', '--format', 'json');
    await run.stderrMatches(/^searching 32 rows for v/m);
    run.child.kill('SIGINT');
    assert.equal(await run.exited, 0, run.stderr());
    const out = JSON.parse(run.stdout()) as DiscoverJson;
    assert.equal(out.stats.stoppedBy, 'cancelled');
    // Depending on how far the workers got, some formulas or none, with the reason.
    if (out.front.length === 0) assert.equal(out.stats.note, 'stopped before any formula was found');
    assert.match(run.stderr(), /stopping; press Ctrl\+C again/);
  });

  /**
   * Ctrl+C while eqd is still reading its data: the data file is a named pipe, so eqd waits for it, and the
   * pipe opening for writing shows that it has started reading.
   */
  async function interruptWhileLoading(...format: string[]): Promise<Running> {
    const fifo = join(mkdtempSync(join(tmpdir(), 'eqd-cli-')), 'data.csv');
    const made = spawnSync('mkfifo', [fifo], { encoding: 'utf8' });
    assert.equal(made.status, 0, `mkfifo (coreutils) failed: ${made.error?.message ?? made.stderr}`);
    const run = start('discover', fifo, '--time-limit', '120', '--workers', '1', ...format);
    let writer;
    try {
      writer = await Promise.race([
        open(fifo, 'w'),
        run.exited.then((code) => {
          throw new Error(`eqd exited (${code}) before reading its data:\n${run.stderr()}`);
        }),
      ]);
    } catch (error) {
      // Lets the pending open for writing finish, so that it does not hold the test process.
      closeSync(openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK));
      throw error;
    }
    try {
      run.child.kill('SIGINT');
      await run.stderrMatches(/stopping; press Ctrl\+C again/);
      await writer.writeFile(readFileSync(hubble));
    } finally {
      await writer.close();
    }
    return run;
  }

  it('prints an empty front with the reason after a Ctrl+C while reading the data', async () => {
    const run = await interruptWhileLoading('--format', 'json');
    assert.equal(await run.exited, 0, run.stderr());
    const out = JSON.parse(run.stdout()) as DiscoverJson;
    assert.deepEqual(out.front, []);
    assert.equal(out.rows, 32);
    assert.equal(out.stats.stoppedBy, 'cancelled');
    assert.equal(out.stats.evaluations, 0);
    assert.equal(out.stats.note, 'stopped before any formula was found');
  });

  it('says so in the table and in a code comment after a Ctrl+C while reading the data', async () => {
    const table = await interruptWhileLoading();
    assert.equal(await table.exited, 0, table.stderr());
    assert.match(table.stdout(), /^No formula: stopped before any formula was found\.$/m);
    assert.match(table.stdout(), /stopped by you; \* marks the best formula/);
    const python = await interruptWhileLoading('--format', 'python');
    assert.equal(await python.exited, 0, python.stderr());
    assert.equal(python.stdout(), '# No formula: stopped before any formula was found.\n');
  });

  it('exits at once on a second Ctrl+C', async () => {
    const run = start('discover', hubble, '--time-limit', '120', '--workers', '1');
    await run.stderrMatches(/^searching/m);
    run.child.kill('SIGINT');
    run.child.kill('SIGINT');
    const code = await run.exited;
    // Two signals sent at once may arrive as one, which stops the search normally.
    assert.ok(code === 130 || code === 0, `exit code ${code}`);
  });

  it('ranks related research from column names', () => {
    const r = eqd('related', '--columns', 'halo_mass,HI_mass,environment', '--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    const papers = JSON.parse(r.stdout) as { title: string; link: string; year: number; score: number; reasons: string[] }[];
    assert.ok(papers.length >= 1);
    assert.match(papers[0]!.title, /assembly bias/i);
    assert.ok(papers[0]!.reasons.length > 0);
    const none = eqd('related', '--columns', 'invoice_total,tax', '--format', 'json');
    assert.deepEqual(JSON.parse(none.stdout), []);
  });
});
