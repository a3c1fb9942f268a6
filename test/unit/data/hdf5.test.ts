import assert from 'node:assert/strict';
import { selectDataset } from '../../../src/data/index';
import { listFileParts, loadFile } from '../../../src/data/loadFile';
import { writeHdf5 } from './binaryFixtures';
import { column, loadError, tempFolder } from './binaryHelpers';

describe('data: HDF5', function () {
  // The first test loads h5wasm (HDF5 compiled to WebAssembly).
  this.timeout(20_000);
  const folder = tempFolder();
  const n = 100;
  const x = Float64Array.from({ length: n }, (_, i) => i / 4);
  const k = Int32Array.from({ length: n }, (_, i) => i % 5);
  let path = '';

  before(async () => {
    path = folder.path('sim.h5');
    await writeHdf5(path, (f) => {
      f.create_dataset({ name: 'readme', data: ['made by the tests'] });
      const run = f.create_group('run1');
      run.create_dataset({ name: 'x', data: x });
      run.create_dataset({ name: 'k', data: k });
      run.create_dataset({ name: 'y', data: Float64Array.from(x, (v, i) => v * v + k[i]!) });
      run.create_dataset({ name: 'params', data: Float64Array.from([1, 2, 3]) });
      f.create_dataset({ name: 'matrix', data: Float64Array.from({ length: 30 }, (_, i) => i), shape: [10, 3] });
      f.create_dataset({ name: 'particles', data: new Map<string, Float64Array | Int32Array>([['mass', Float64Array.from([1, 2, 3, 4, 5, 6])], ['id', Int32Array.from([7, 8, 9, 10, 11, 12])]]) as never });
    });
  });

  it('lists the tables: groups of equal-length datasets, 2-D datasets and compound datasets', async () => {
    assert.deepEqual(await listFileParts(path), ['/matrix', '/particles', '/run1']);
  });

  it('reads a group of 1-D datasets as columns, leaving out the one of another length', async () => {
    const t = await loadFile(path, { dataset: 'run1' });
    assert.equal(t.format, 'hdf5');
    assert.equal(t.part, '/run1');
    assert.equal(t.rows, n);
    assert.deepEqual(t.columns.map((c) => [c.name, c.type]), [['k', 'int32'], ['x', 'float64'], ['y', 'float64']]);
    assert.deepEqual(column(t, 'x').values, [...x]);
    assert.match(t.warnings.join('\n'), /"params" in "\/run1" is left out/);
    assert.deepEqual(selectDataset(t, { target: 'y' }).featureNames, ['k', 'x']);
    const some = await loadFile(path, { dataset: '/run1', rows: { first: 91 }, columns: ['y'] });
    assert.equal(some.rows, 10);
    assert.equal(some.lineOfRow[0], 91);
  });

  it('reads a 2-D dataset as columns x1..xn and a compound dataset by its fields; the first table by default', async () => {
    const matrix = await loadFile(path);
    assert.equal(matrix.part, '/matrix');
    assert.deepEqual(column(matrix, 'x3').values, [2, 5, 8, 11, 14, 17, 20, 23, 26, 29]);
    const particles = await loadFile(path, { dataset: 'particles' });
    assert.deepEqual(column(particles, 'id').values, [7, 8, 9, 10, 11, 12]);
    assert.equal(column(particles, 'mass').type, 'float64');
  });

  it('names the tables when the one asked for is not there, and refuses a damaged file in one line', async () => {
    const e = await loadError(path, 'unknown-part', { dataset: 'run2' });
    assert.match(e.message, /there is no table "run2"; the tables are "\/matrix", "\/particles", "\/run1"/);
    const damaged = await folder.write('bad.h5', Uint8Array.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    const bad = await loadError(damaged, 'malformed');
    assert.match(bad.message, /not a readable HDF5 file/);
    const text = await loadError(await folder.write('text.h5', 'a,b\n1,2\n'), 'malformed');
    assert.match(text.message, /not an HDF5 file: it is text/);
  });
});
