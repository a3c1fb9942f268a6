import { compressionRegistry, CompressionType, DataType, RecordBatchReader, type Vector } from 'apache-arrow';
import { decompressZstd } from 'hyparquet-compressors';
import { pieces, type ByteSource } from './byteSource';
import { checkCancelled, chooseColumns, ColumnarBuilder, malformed, type ColumnSpec } from './columnar';
import { DataError } from './errors';
import { decodeLz4Frame } from './lz4Frame';
import type { DataTable, LoadOptions } from './table';

const PIECE = 1 << 22;

// Arrow IPC bodies may be compressed (pyarrow and pandas write LZ4 frames by default, or ZSTD); apache-arrow
// decodes them only with codecs registered here.
compressionRegistry.set(CompressionType.ZSTD, { decode: (data) => decompressZstd(data) });
compressionRegistry.set(CompressionType.LZ4_FRAME, { decode: decodeLz4Frame });

function typeName(type: DataType): string {
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type) || DataType.isUtf8View(type)) return 'string';
  if (DataType.isDictionary(type)) return `${typeName(type.dictionary)} (dictionary)`;
  return String(type).toLowerCase();
}

function isTime(type: DataType): boolean {
  return DataType.isDate(type) || DataType.isTimestamp(type) || DataType.isTime(type);
}

/** The values of a batch's column as the builder takes them: the typed array when nothing is null. */
function valuesOf(vector: Vector, type: DataType): ArrayLike<unknown> {
  if (vector.nullCount === 0 && (DataType.isFloat(type) || DataType.isInt(type))) return vector.toArray() as ArrayLike<unknown>;
  const out = new Array<unknown>(vector.length);
  for (let i = 0; i < vector.length; i++) {
    const v: unknown = vector.get(i);
    // Dates and times stay text (as ISO dates) rather than becoming silent milliseconds.
    out[i] = v !== null && isTime(type) && (typeof v === 'number' || typeof v === 'bigint') ? new Date(Number(v)) : v;
  }
  return out;
}

/**
 * Reads an Arrow IPC file or stream (Feather version 2 is the IPC file format) one record batch at a time from
 * a stream of the file's bytes, so that only one batch is decoded in memory besides the numeric columns.
 */
export async function readArrow(source: ByteSource, options: LoadOptions): Promise<DataTable> {
  const file = options.fileName;
  const head = await source.read(0, 4);
  if (new TextDecoder().decode(head) === 'FEA1') {
    throw new DataError(
      'unsupported',
      'this is a Feather version 1 file, which is not read: save it again as Feather version 2 (pyarrow.feather.write_feather(df, path, version=2), the default of pandas.to_feather)',
      { file },
    );
  }
  let consumed = 0;
  async function* bytes(): AsyncGenerator<Uint8Array> {
    for await (const piece of pieces(source, PIECE)) {
      checkCancelled(options.signal, file);
      consumed += piece.length;
      yield piece;
      options.onProgress?.(consumed / source.size);
    }
  }
  try {
    const reader = await RecordBatchReader.from(bytes());
    await reader.open();
    const fields = reader.schema.fields;
    const specs: ColumnSpec[] = fields.map((f) => ({ name: f.name, type: typeName(f.type as DataType) }));
    const chosen = chooseColumns(specs, options.columns, file);
    const types = chosen.map((s) => fields[specs.indexOf(s)]!.type as DataType);
    const first = options.rows?.first ?? 1;
    const last = options.rows?.last ?? Number.POSITIVE_INFINITY;
    const builder = new ColumnarBuilder(chosen, 0, { file, format: 'arrow', firstRow: first });
    let row = 0;
    for await (const batch of reader) {
      const from = Math.max(row, first - 1);
      const to = Math.min(row + batch.numRows, last);
      if (from < to) {
        chosen.forEach((spec, j) => {
          const child = batch.getChild(spec.name);
          if (child === null) builder.putMissing(j, from - (first - 1), to - from);
          else builder.put(j, from - (first - 1), valuesOf(child, types[j]!), from - row, to - from);
        });
      }
      row += batch.numRows;
      if (row >= last) break;
    }
    if (first > row && row > 0) {
      throw new DataError('invalid-option', `the row range ${first}:${options.rows?.last ?? ''} starts after the last row: there are ${row} data rows`, { file });
    }
    return builder.finish(Number.isFinite(last) ? {} : { totalRows: row });
  } catch (e) {
    throw malformed('Arrow IPC', e, file);
  }
}
