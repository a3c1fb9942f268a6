// Data files of every binary format, written by the tests themselves: with the writer of the same library
// (hyparquet-writer, apache-arrow, write-excel-file, h5wasm) or, for FITS, byte by byte after the standard.
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';
import writeExcelFile from 'write-excel-file/node';

export function parquetBytes(columns: ColumnSource[], rowGroupSize?: number): Uint8Array {
  return new Uint8Array(parquetWriteBuffer({ columnData: columns, ...(rowGroupSize ? { rowGroupSize } : {}) }));
}

export function arrowBytes(columns: Record<string, ArrayLike<unknown>>, format: 'file' | 'stream' = 'file'): Uint8Array {
  return tableToIPC(tableFromArrays(columns as Parameters<typeof tableFromArrays>[0]), format);
}

type XlsxCell = string | number | Date | boolean | null;

export async function xlsxBytes(sheets: { name: string; rows: XlsxCell[][] }[]): Promise<Uint8Array> {
  const data = sheets.map(({ name, rows }) => ({
    sheet: name,
    data: rows.map((r) => r.map((v) => (v === null ? null : v instanceof Date ? { value: v, format: 'yyyy-mm-dd' } : { value: v }))),
  }));
  const write = writeExcelFile as unknown as (sheets: unknown) => { toBuffer(): Promise<Buffer> };
  return new Uint8Array(await write(data).toBuffer());
}

export async function writeHdf5(path: string, build: (file: import('h5wasm/node').File) => void): Promise<void> {
  const h5 = (await import('h5wasm/node')).default;
  await h5.ready;
  const file = new h5.File(path, 'w');
  try {
    build(file);
  } finally {
    file.close();
  }
}

/** A FITS column: its name, TFORM code and values (numbers, or strings for `A`). */
export interface FitsColumn {
  name: string;
  form: string;
  values: readonly (number | string)[];
  extra?: Record<string, string | number>;
}

function card(key: string, value: string | number | boolean): string {
  const v = typeof value === 'string' ? `'${value.replace(/'/g, "''").padEnd(8)}'` : typeof value === 'boolean' ? (value ? 'T' : 'F') : String(value);
  return `${key.padEnd(8)}= ${typeof value === 'string' ? v.padEnd(20) : v.padStart(20)}`.padEnd(80);
}

function header(cards: string[]): Uint8Array {
  const text = [...cards, 'END'.padEnd(80)].join('');
  const padded = text.padEnd(Math.ceil(text.length / 2880) * 2880);
  return new TextEncoder().encode(padded);
}

function pad(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(bytes.length / 2880) * 2880);
  out.set(bytes);
  return out;
}

const SIZES: Record<string, number> = { L: 1, B: 1, I: 2, J: 4, K: 8, E: 4, D: 8, A: 1 };

/** A binary-table HDU (header and padded data) after the FITS standard. */
export function fitsTable(columns: FitsColumn[], extname?: string): Uint8Array {
  const widths = columns.map((c) => {
    const m = /^(\d*)([A-Z])$/.exec(c.form)!;
    return (m[1] === '' ? 1 : Number(m[1])) * SIZES[m[2]!]!;
  });
  const rowBytes = widths.reduce((a, b) => a + b, 0);
  const rows = columns[0]?.values.length ?? 0;
  const data = new Uint8Array(rowBytes * rows);
  const view = new DataView(data.buffer);
  for (let r = 0; r < rows; r++) {
    let at = r * rowBytes;
    columns.forEach((c, j) => {
      const v = c.values[r]!;
      const code = c.form.replace(/^\d+/, '');
      if (code === 'A') data.set(new TextEncoder().encode(String(v).slice(0, widths[j]!)), at);
      else if (code === 'D') view.setFloat64(at, Number(v));
      else if (code === 'E') view.setFloat32(at, Number(v));
      else if (code === 'J') view.setInt32(at, Number(v));
      else if (code === 'I') view.setInt16(at, Number(v));
      else if (code === 'K') view.setBigInt64(at, BigInt(v));
      else if (code === 'B') view.setUint8(at, Number(v));
      else if (code === 'L') view.setUint8(at, v ? 84 : 70);
      at += widths[j]!;
    });
  }
  const cards = [
    card('XTENSION', 'BINTABLE'),
    card('BITPIX', 8),
    card('NAXIS', 2),
    card('NAXIS1', rowBytes),
    card('NAXIS2', rows),
    card('PCOUNT', 0),
    card('GCOUNT', 1),
    card('TFIELDS', columns.length),
    ...columns.flatMap((c, j) => [
      card(`TTYPE${j + 1}`, c.name),
      card(`TFORM${j + 1}`, c.form),
      ...Object.entries(c.extra ?? {}).map(([k, v]) => card(`${k}${j + 1}`, v)),
    ]),
    ...(extname ? [card('EXTNAME', extname)] : []),
  ];
  return concat(header(cards), pad(data));
}

/** A FITS file: an empty primary HDU, then the given extensions. */
export function fitsFile(...extensions: Uint8Array[]): Uint8Array {
  const primary = header([card('SIMPLE', true), card('BITPIX', 8), card('NAXIS', 0), card('EXTEND', true)]);
  return concat(primary, ...extensions);
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
