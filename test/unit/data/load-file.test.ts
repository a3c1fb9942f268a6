import assert from 'node:assert/strict';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkTextFileSize, DataError, defaultFeatures, MAX_TEXT_FILE_BYTES, defaultTarget, selectDataset } from '../../../src/data/index';
import { loadFile } from '../../../src/data/loadFile';

const HUBBLE = 'data/samples/real-hubble-1929.csv';

async function rejection(promise: Promise<unknown>): Promise<DataError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof DataError, String(e));
    return e;
  }
  assert.fail('expected a DataError');
}

describe('data: files', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eqd-data-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("loads Hubble's 1929 distances and velocities", async () => {
    const t = await loadFile(HUBBLE);
    assert.equal(t.fileName, HUBBLE);
    assert.equal(t.format, 'csv');
    assert.equal(t.hasHeader, true);
    assert.deepEqual(t.columns.map((c) => c.name), ['D', 'v']);
    assert.equal(t.rows, 32);
    assert.equal(t.lineOfRow[0], 2);
    assert.equal(t.lineOfRow[31], 33);
    assert.equal(t.columns[0]!.values[0], 0.03235071513128529);
    assert.equal(t.columns[1]!.values[31], 526.3249820489431);
    assert.equal(defaultTarget(t), 'v');
    assert.deepEqual(defaultFeatures(t, 'v'), ['D']);
    const d = selectDataset(t, { target: 'v' });
    assert.equal(d.rows, 32);
    assert.deepEqual(d.featureNames, ['D']);
    assert.equal(d.X[0]!.length, 32);
    assert.equal(d.dropped.rows, 0);
    // A least-squares line through the origin gives Hubble's 1929 constant, about 500 km/s/Mpc.
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < d.rows; i++) {
      sxy += d.X[0]![i]! * d.y[i]!;
      sxx += d.X[0]![i]! ** 2;
    }
    assert.ok(sxy / sxx > 400 && sxy / sxx < 550, String(sxy / sxx));
  });

  it('reports a missing file and a directory clearly', async () => {
    const missing = join(dir, 'nope.csv');
    const e = await rejection(loadFile(missing));
    assert.equal(e.code, 'file');
    assert.equal(e.message, `${missing}: file not found`);
    const d = await rejection(loadFile(dir));
    assert.equal(d.message, `${dir}: this is a directory, not a data file`);
  });

  it('uses the given file name in messages', async () => {
    const path = join(dir, 'bad.csv');
    await writeFile(path, 'x,y\n1,2\n3,"4\n');
    const e = await rejection(loadFile(path, { fileName: 'bad.csv' }));
    assert.equal(e.message, 'bad.csv:3:3: a quoted field is never closed (missing closing ")');
  });

  it('reads UTF-16 text with a byte-order mark, and UTF-8 with one', async () => {
    const text = 'x\ty\n1\t2\n3\t4\n';
    const utf16 = join(dir, 'sheet.txt');
    await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const t = await loadFile(utf16);
    assert.deepEqual(t.columns.map((c) => c.name), ['x', 'y']);
    assert.deepEqual([...t.columns[1]!.values], [2, 4]);
    const utf8 = join(dir, 'bom.csv');
    await writeFile(utf8, '\uFEFFa,b\n1,2\n');
    assert.deepEqual((await loadFile(utf8)).columns.map((c) => c.name), ['a', 'b']);
  });

  it('refuses a 1 GB JSON file with its size, before reading it', async () => {
    const big = join(dir, 'huge.json');
    // A sparse file: 1 GB long, no disk space used.
    const handle = await open(big, 'w');
    await handle.truncate(1024 ** 3);
    await handle.close();
    const e = await rejection(loadFile(big));
    assert.equal(e.code, 'too-large');
    assert.match(e.message, /huge\.json: the file is 1\.0 GB; text data files of up to 256 MB can be read/);
  });

  it('reads a CSV file of any size in pieces: a 1 GB file of zeros stops at its first piece', async () => {
    const big = join(dir, 'zeros.csv');
    const handle = await open(big, 'w');
    await handle.truncate(1024 ** 3);
    await handle.close();
    const e = await rejection(loadFile(big));
    assert.equal(e.code, 'binary');
  });

  it('reads a file of the largest size allowed, and refuses one byte more', () => {
    assert.doesNotThrow(() => checkTextFileSize(MAX_TEXT_FILE_BYTES, 'a.csv'));
    assert.throws(() => checkTextFileSize(MAX_TEXT_FILE_BYTES + 1, 'a.csv'), /a\.csv: the file is 256 MB/);
  });
});
