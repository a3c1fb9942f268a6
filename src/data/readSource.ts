import type { ByteSource } from './byteSource';
import { readDelimitedStream } from './delimitedStream';
import { DataError } from './errors';
import { binaryFormatFromBytes, binaryFormatFromFileName, FORMAT_NAMES, isTextFormat } from './formats';
import { checkTextFileSize } from './limits';
import { decodeText, parseTable } from './load';
import { formatFromFileName, looksLikeJson } from './sniff';
import type { BinaryFormat, DataFormat, DataTable, LoadOptions } from './table';

const HEAD = 4096;

/** Reading HDF5 needs the file itself (h5wasm reads it through Node's fs), so the caller provides it. */
export interface Hdf5Access {
  read(options: LoadOptions): Promise<DataTable>;
  tableNames(): Promise<string[]>;
}

/** "a Parquet file", "an HDF5 file". */
function aFile(format: BinaryFormat): string {
  return `${format === 'arrow' || format === 'hdf5' || format === 'xlsx' ? 'an' : 'a'} ${FORMAT_NAMES[format]} file`;
}

function startsAs(head: Uint8Array): string {
  const announced = binaryFormatFromBytes(head);
  if (announced !== undefined) return `it is ${aFile(announced)}`;
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    return 'it is an old Excel .xls (or other OLE) file; save it as .xlsx';
  }
  if (head.length === 0) return 'it is empty';
  return head.subarray(0, 64).every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127)) ? 'it is text' : 'its first bytes are not those of one';
}

/** The format of a file: `options.format`, else its name's ending, else its first bytes; undefined for text of unknown kind. */
function formatOf(head: Uint8Array, options: LoadOptions): DataFormat | undefined {
  const name = options.fileName;
  return options.format ?? binaryFormatFromFileName(name) ?? formatFromFileName(name) ?? binaryFormatFromBytes(head);
}

function checkMagic(format: BinaryFormat, head: Uint8Array, file: string | undefined): void {
  const announced = binaryFormatFromBytes(head);
  // Feather version 1 has a magic number of its own, which the Arrow reader explains.
  if (announced === format || (format === 'arrow' && announced === undefined && head[0] === 0x46)) return;
  throw new DataError('malformed', `not ${aFile(format)}: ${startsAs(head)}`, { file });
}

/**
 * Reads a table from a file's bytes in the format its name (or first bytes) says: CSV and TSV streamed in
 * pieces, JSON as one text, the binary formats by their readers. Throws only `DataError`.
 */
export async function readSource(source: ByteSource, options: LoadOptions, hdf5?: Hdf5Access): Promise<DataTable> {
  const file = options.fileName;
  const head = await source.read(0, HEAD);
  const format = formatOf(head, options);
  if (format !== undefined && !isTextFormat(format)) {
    checkMagic(format, head, file);
    // The readers' libraries are loaded when a file of theirs is first read, not when the program starts.
    switch (format) {
      case 'parquet':
        return (await import('./parquet')).readParquet(source, options);
      case 'arrow':
        return (await import('./arrow')).readArrow(source, options);
      case 'xlsx':
        return (await import('./xlsx')).readXlsx(source, options);
      case 'fits':
        return (await import('./fits')).readFits(source, options);
      case 'hdf5':
        if (hdf5 === undefined) throw new DataError('unsupported', 'HDF5 files can be read only from the local disk', { file });
        return hdf5.read(options);
    }
  }
  if (format === 'json' || (format === undefined && looksLikeJson(decodeText(head)))) {
    checkTextFileSize(source.size, file ?? '');
    const table = parseTable(decodeText(await source.read(0, source.size)), { ...options, format: 'json' });
    options.onProgress?.(1);
    return table;
  }
  return readDelimitedStream(source, { ...options, ...(format === 'tsv' ? { delimiter: '\t' as const } : {}) });
}

/** The sheets of a workbook, or the tables of an HDF5 or FITS file; [] for formats of one table. */
export async function listParts(source: ByteSource, options: LoadOptions, hdf5?: Hdf5Access): Promise<string[]> {
  const head = await source.read(0, HEAD);
  const format = formatOf(head, options);
  if (format === 'xlsx') {
    checkMagic(format, head, options.fileName);
    return (await import('./xlsx')).sheetNames(await source.read(0, source.size), options.fileName);
  }
  if (format === 'fits') {
    checkMagic(format, head, options.fileName);
    return (await import('./fits')).fitsTableNames(source, options.fileName);
  }
  if (format === 'hdf5' && hdf5 !== undefined) {
    checkMagic(format, head, options.fileName);
    return hdf5.tableNames();
  }
  return [];
}
