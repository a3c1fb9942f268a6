import type { BinaryFormat, DataFormat, TextFormat } from './table';

const BINARY_EXTENSIONS: Readonly<Record<string, BinaryFormat>> = {
  parquet: 'parquet',
  pq: 'parquet',
  arrow: 'arrow',
  arrows: 'arrow',
  feather: 'arrow',
  ipc: 'arrow',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  h5: 'hdf5',
  hdf5: 'hdf5',
  he5: 'hdf5',
  fits: 'fits',
  fit: 'fits',
  fts: 'fits',
};

/** File-name endings of the binary formats, without the dot (for menus and file pickers). */
export const BINARY_EXTENSION_LIST: readonly string[] = Object.keys(BINARY_EXTENSIONS);

/** Names of the formats for messages. */
export const FORMAT_NAMES: Readonly<Record<BinaryFormat, string>> = {
  parquet: 'Parquet',
  arrow: 'Arrow IPC (Feather)',
  xlsx: 'Excel (.xlsx)',
  hdf5: 'HDF5',
  fits: 'FITS',
};

export function binaryFormatFromFileName(fileName: string | undefined): BinaryFormat | undefined {
  const ext = /\.([^./\\]+)$/.exec(fileName ?? '')?.[1]?.toLowerCase();
  return ext === undefined ? undefined : BINARY_EXTENSIONS[ext];
}

function startsWith(bytes: Uint8Array, text: string, at = 0): boolean {
  if (bytes.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** The binary format that the first bytes of a file announce (its magic number), if any. */
export function binaryFormatFromBytes(head: Uint8Array): BinaryFormat | undefined {
  if (startsWith(head, 'PAR1')) return 'parquet';
  if (startsWith(head, 'ARROW1')) return 'arrow';
  // An Arrow IPC stream starts with the continuation marker 0xFFFFFFFF before its first message.
  if (head.length >= 8 && head[0] === 0xff && head[1] === 0xff && head[2] === 0xff && head[3] === 0xff) return 'arrow';
  if (startsWith(head, 'PK\x03\x04')) return 'xlsx';
  if (startsWith(head, '\x89HDF\r\n\x1a\n')) return 'hdf5';
  if (startsWith(head, 'SIMPLE  =')) return 'fits';
  return undefined;
}

export function isTextFormat(format: DataFormat): format is TextFormat {
  return format === 'csv' || format === 'tsv' || format === 'json';
}

/** What a table's `lineOfRow` numbers: lines of text, or rows of a binary table. */
export function rowWord(format: DataFormat): 'line' | 'row' {
  return isTextFormat(format) ? 'line' : 'row';
}
