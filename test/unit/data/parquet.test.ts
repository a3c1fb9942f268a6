import assert from 'node:assert/strict';
import { selectDataset } from '../../../src/data/index';
import { loadFile } from '../../../src/data/loadFile';
import { parquetBytes } from './binaryFixtures';
import { column, loadError, tempFolder } from './binaryHelpers';

describe('data: Parquet', () => {
  const folder = tempFolder();
  const n = 1000;
  const x = Float64Array.from({ length: n }, (_, i) => i / 10);
  const k = BigInt64Array.from({ length: n }, (_, i) => BigInt(i % 7));
  const y = Float64Array.from({ length: n }, (_, i) => 2 * x[i]! + Number(k[i]!));
  const label = Array.from({ length: n }, (_, i) => (i === 3 ? null : `s${i}`));
  const sample = () =>
    parquetBytes(
      [
        { name: 'x', data: x, type: 'DOUBLE' },
        { name: 'k', data: k, type: 'INT64' },
        { name: 'label', data: label, type: 'STRING' },
        { name: 'y', data: y, type: 'DOUBLE' },
      ],
      300,
    );

  it('reads every row group into numeric columns, with the types of the file', async () => {
    const t = await loadFile(await folder.write('sample.parquet', sample()));
    assert.equal(t.format, 'parquet');
    assert.equal(t.rows, n);
    assert.equal(t.totalRows, n);
    assert.deepEqual(t.columns.map((c) => [c.name, c.type]), [['x', 'double'], ['k', 'int64'], ['label', 'string'], ['y', 'double']]);
    assert.deepEqual(column(t, 'x').values, [...x]);
    assert.deepEqual(column(t, 'k').values, [...k].map(Number));
    assert.equal(column(t, 'label').numeric, false);
    const d = selectDataset(t, { target: 'y' });
    assert.deepEqual(d.featureNames, ['x', 'k']);
    assert.equal(d.rows, n);
  });

  it('reads only the rows and columns asked for, across row groups', async () => {
    const t = await loadFile(await folder.write('range.parquet', sample()), { rows: { first: 250, last: 620 }, columns: ['y', 'X'] });
    assert.deepEqual(t.columns.map((c) => c.name), ['y', 'x']);
    assert.equal(t.rows, 371);
    assert.equal(column(t, 'x').values[0], x[249]);
    assert.equal(column(t, 'x').values[370], x[619]);
    assert.equal(t.lineOfRow[0], 250);
    assert.equal(t.totalRows, n);
  });

  it('explains a text column chosen as the target, naming its row and type', async () => {
    const t = await loadFile(await folder.write('text.parquet', sample()));
    assert.throws(() => selectDataset(t, { target: 'label' }), /target "label" \(string\) is not numeric: "s0" in row 1 is not a number/);
  });

  it('counts nulls as missing values', async () => {
    const path = await folder.write('nulls.parquet', parquetBytes([
      { name: 'a', data: [1, null, 3, 4, 5, 6], type: 'DOUBLE' },
      { name: 'b', data: [2, 4, 6, 8, 10, 12], type: 'DOUBLE' },
    ]));
    const t = await loadFile(path);
    assert.equal(t.columns[0]!.missing, 1);
    assert.ok(Number.isNaN(t.columns[0]!.values[1]));
    assert.equal(selectDataset(t, { target: 'b' }).dropped.rows, 1);
  });

  it('names an unknown column, and a row range past the end', async () => {
    const path = await folder.write('cols.parquet', sample());
    const e = await loadError(path, 'unknown-column', { columns: ['y', 'speed'] });
    assert.match(e.message, /"speed" is not a column; the columns are "x", "k", "label", "y"/);
    const r = await loadError(path, 'invalid-option', { rows: { first: 5000 } });
    assert.match(r.message, /starts after the last row: there are 1000 data rows/);
  });

  it('gives one clear line for truncated, damaged and mislabelled files', async () => {
    const bytes = sample();
    const truncated = await loadError(await folder.write('cut.parquet', bytes.subarray(0, bytes.length - 40)), 'malformed');
    assert.match(truncated.message, /not a readable Parquet file: /);
    const damaged = bytes.slice();
    damaged.fill(7, 4, 400);
    await loadError(await folder.write('damaged.parquet', damaged), 'malformed');
    const text = await loadError(await folder.write('text.parquet', 'x,y\n1,2\n'), 'malformed');
    assert.match(text.message, /text\.parquet: not a Parquet file: it is text$/);
    await loadError(await folder.write('empty.parquet', ''), 'malformed');
  });
});
