import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');
const hubble = join(root, 'data', 'samples', 'real-hubble-1929.csv');

function eqd(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'eqd-cli-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

interface DiscoverJson {
  target: string;
  features: string[];
  rows: number;
  droppedRows: number;
  front: { complexity: number; loss: number; score: number; expression: string; latex: string; best: boolean }[];
  stats: { evaluations: number; seconds: number; stoppedBy: string };
}

describe('eqd command line', function () {
  this.timeout(60_000);

  before(() => assert.ok(existsSync(cli), `missing ${cli}: run "npm run build" first`));

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
    assert.match(r.stdout, /stopped by iterations/);
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

  it('stops at the first Ctrl+C and prints the formulas found so far', async () => {
    const child = spawn(process.execPath, [cli, 'discover', hubble, '--time-limit', '120', '--workers', '1', '--format', 'json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise((r) => setTimeout(r, 2500));
    const sentAt = Date.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 0, stderr);
    assert.ok(Date.now() - sentAt < 5000);
    const out = JSON.parse(stdout) as DiscoverJson;
    assert.equal(out.stats.stoppedBy, 'cancelled');
    assert.ok(out.front.length > 0);
    assert.match(stderr, /stopping; press Ctrl\+C again/);
  });

  it('exits at once on a second Ctrl+C', async () => {
    const child = spawn(process.execPath, [cli, 'discover', hubble, '--time-limit', '120', '--workers', '1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGINT');
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
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
