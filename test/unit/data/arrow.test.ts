import assert from 'node:assert/strict';
import {
  compressionRegistry,
  CompressionType,
  Float64,
  RecordBatchFileWriter,
  RecordBatchStreamWriter,
  tableFromArrays,
  tableFromIPC,
  Table,
  tableToIPC,
  vectorFromArray,
} from 'apache-arrow';
import { decodeLz4Frame } from '../../../src/data/lz4Frame';
import { selectDataset } from '../../../src/data/index';
import { loadFile } from '../../../src/data/loadFile';
import { arrowBytes } from './binaryFixtures';
import { column, loadError, tempFolder } from './binaryHelpers';

describe('data: Arrow IPC and Feather', () => {
  const folder = tempFolder();
  const x = Float64Array.from({ length: 50 }, (_, i) => i * 0.5);
  const n = Int32Array.from({ length: 50 }, (_, i) => i);
  const y = Float64Array.from(x, (v, i) => v * v - n[i]!);

  it('reads a Feather 2 (IPC file) table with its column types', async () => {
    const t = await loadFile(await folder.write('sample.feather', arrowBytes({ x, n, y })));
    assert.equal(t.format, 'arrow');
    assert.equal(t.rows, 50);
    assert.deepEqual(t.columns.map((c) => [c.name, c.type]), [['x', 'float64'], ['n', 'int32'], ['y', 'float64']]);
    assert.deepEqual(column(t, 'y').values, [...y]);
    assert.deepEqual(selectDataset(t, { target: 'y' }).featureNames, ['x', 'n']);
  });

  it('reads an IPC stream of several batches, only the rows asked for', async () => {
    const table = tableFromArrays({ x, y });
    const batches = [table.slice(0, 20), table.slice(20, 35), table.slice(35)].flatMap((t) => t.batches);
    const writer = new RecordBatchStreamWriter();
    for (const b of batches) writer.write(b);
    writer.finish();
    const path = await folder.write('batches.arrows', writer.toUint8Array(true));
    const all = await loadFile(path);
    assert.equal(all.rows, 50);
    const some = await loadFile(path, { rows: { first: 18, last: 40 }, columns: ['y'] });
    assert.deepEqual(some.columns.map((c) => c.name), ['y']);
    assert.deepEqual(column(some, 'y').values, [...y.slice(17, 40)]);
    assert.equal(some.lineOfRow[0], 18);
  });

  it('keeps nulls missing and text columns explained', async () => {
    const t = await loadFile(
      await folder.write('nulls.arrow', tableToIPC(new Table({ a: vectorFromArray([1, null, 3, 4, 5, 6], new Float64()), b: vectorFromArray([1, 2, 3, 4, 5, 6], new Float64()) }), 'file')),
    );
    assert.equal(t.columns[0]!.missing, 1);
    const words = await loadFile(await folder.write('words.arrow', arrowBytes({ w: ['a', 'b', 'c', 'd', 'e'], v: Float64Array.from([1, 2, 3, 4, 5]) })));
    assert.equal(column(words, 'w').type, 'string (dictionary)');
    assert.throws(() => selectDataset(words, { target: 'w' }), /target "w" \(string \(dictionary\)\) is not numeric: "a" in row 1/);
  });

  it('decodes record batches compressed with LZ4 frames, as pyarrow writes them', async () => {
    const source = arrowBytes({ x, y });
    // Re-encode with LZ4 frames whose blocks are stored (a valid frame needs no compressor to write).
    compressionRegistry.set(CompressionType.LZ4_FRAME, {
      decode: decodeLz4Frame,
      encode: (data) => {
        const out = new Uint8Array(4 + 3 + 4 + data.length + 4);
        const view = new DataView(out.buffer);
        view.setUint32(0, 0x184d2204, true);
        out.set([0x60, 0x40, 0x82], 4);
        view.setUint32(7, (data.length | 0x80000000) >>> 0, true);
        out.set(data, 11);
        return out;
      },
    });
    try {
      const table = tableFromIPC(source);
      const writer = new RecordBatchFileWriter({ compressionType: CompressionType.LZ4_FRAME } as never);
      writer.write(table);
      writer.finish();
      const bytes = writer.toUint8Array(true);
      assert.equal(tableFromIPC(bytes).numRows, 50);
      const t = await loadFile(await folder.write('lz4.arrow', bytes));
      assert.deepEqual(column(t, 'y').values, [...y]);
    } finally {
      compressionRegistry.set(CompressionType.LZ4_FRAME, { decode: decodeLz4Frame });
    }
  });

  it('tells a Feather 1 file, a truncated file and another format apart, in one line each', async () => {
    const v1 = await loadError(await folder.write('old.feather', 'FEA1' + '\0'.repeat(60)), 'unsupported');
    assert.match(v1.message, /Feather version 1/);
    const bytes = arrowBytes({ x, y });
    const cut = await loadError(await folder.write('cut.arrow', bytes.subarray(0, 200)), 'malformed');
    assert.match(cut.message, /not a readable Arrow IPC file/);
    const other = await loadError(await folder.write('table.arrow', 'PAR1xxxxxxxx'), 'malformed');
    assert.match(other.message, /not an Arrow IPC \(Feather\) file: it is a Parquet file/);
  });
});
