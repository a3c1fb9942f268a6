import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer, type FileMetaData, type SchemaTree } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { ByteSource } from './byteSource';
import { checkCancelled, chooseColumns, ColumnarBuilder, malformed, type ColumnSpec } from './columnar';
import { quote, withLocation } from './errors';
import { rowSpan } from './rowRange';
import type { DataTable, LoadOptions } from './table';

function asyncBuffer(source: ByteSource): AsyncBuffer {
  return {
    byteLength: source.size,
    async slice(start, end) {
      const bytes = await source.read(start, (end ?? source.size) - start);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
}

/** The type of a flat column as Parquet tools show it: the logical type when there is one, else the physical. */
function typeName(node: SchemaTree): string {
  const e = node.element;
  const logical = e.logical_type;
  if (logical?.type === 'INTEGER') return `${logical.isSigned ? 'int' : 'uint'}${logical.bitWidth}`;
  if (logical?.type === 'DECIMAL') return `decimal(${logical.precision}, ${logical.scale})`;
  if (logical !== undefined) return logical.type.toLowerCase();
  if (e.converted_type !== undefined) return e.converted_type === 'UTF8' ? 'string' : e.converted_type.toLowerCase();
  if (e.type === 'BYTE_ARRAY') return 'binary';
  return (e.type ?? 'group').toLowerCase();
}

/**
 * Reads the flat columns of a Parquet file, one row group at a time: only the byte ranges of the row groups
 * and columns needed are read, so memory holds the numeric columns and one row group's pages at most.
 * Snappy, gzip, zstd, brotli and LZ4 pages are decompressed by hyparquet-compressors (pure JS and WebAssembly).
 */
export async function readParquet(source: ByteSource, options: LoadOptions): Promise<DataTable> {
  const file = options.fileName;
  const buffer = asyncBuffer(source);
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (e) {
    throw malformed('Parquet', e, file);
  }
  const warnings: string[] = [];
  const specs: ColumnSpec[] = [];
  for (const node of parquetSchema(metadata).children) {
    if (node.children.length > 0 || node.element.repetition_type === 'REPEATED') {
      warnings.push(withLocation(`column ${quote(node.element.name)} is nested (lists or structs) and is left out`, { file }));
    } else {
      specs.push({ name: node.element.name, type: typeName(node) });
    }
  }
  const chosen = chooseColumns(specs, options.columns, file);
  const total = Number(metadata.num_rows);
  const { start, end } = rowSpan(options.rows, total, file);
  const builder = new ColumnarBuilder(chosen, end - start, { file, format: 'parquet', firstRow: start + 1 });
  const index = new Map(chosen.map((s, j) => [s.name, j]));
  const names = chosen.map((s) => s.name);

  let groupStart = 0;
  for (const group of metadata.row_groups) {
    const groupEnd = groupStart + Number(group.num_rows);
    const from = Math.max(start, groupStart);
    const to = Math.min(end, groupEnd);
    if (from < to && names.length > 0) {
      checkCancelled(options.signal, file);
      try {
        await parquetRead({
          file: buffer,
          metadata,
          columns: names,
          rowStart: from,
          rowEnd: to,
          compressors,
          onChunk({ columnName, columnData, rowStart, rowEnd }) {
            // A chunk may hold rows outside the range asked for.
            const lo = Math.max(rowStart, from);
            const hi = Math.min(rowEnd, to);
            if (lo < hi) builder.put(index.get(columnName)!, lo - start, columnData, lo - rowStart, hi - lo);
          },
        });
      } catch (e) {
        throw malformed('Parquet', e, file);
      }
      options.onProgress?.((to - start) / Math.max(1, end - start));
    }
    groupStart = groupEnd;
  }
  return builder.finish({ totalRows: total, warnings });
}
