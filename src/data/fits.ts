// FITS binary tables (the BINTABLE extension of the FITS Standard 4.0, section 7.3), read by this small
// reader: the npm packages for FITS read images for display (and most are unmaintained), none reads binary
// tables column by column from a file, and the layout is simple: 2880-byte blocks of 80-character header
// cards, then fixed-width big-endian rows.
import type { ByteSource } from './byteSource';
import { checkCancelled, ColumnarBuilder, type ColumnSpec } from './columnar';
import { DataError, listNames, quote, withLocation } from './errors';
import { rowSpan } from './rowRange';
import type { DataTable, LoadOptions } from './table';

const BLOCK = 2880;
const CARD = 80;
/** Headers longer than this are taken for a damaged file rather than read on. */
const MAX_HEADER_BLOCKS = 1000;
const CHUNK_BYTES = 1 << 20;

type Header = Map<string, string | number | boolean>;

interface Hdu {
  header: Header;
  /** Byte offset of the data, and its length without padding. */
  dataStart: number;
  dataLength: number;
}

function fitsError(detail: string, file: string | undefined): DataError {
  return new DataError('malformed', `not a readable FITS file: ${detail}`, { file });
}

function parseValue(text: string): string | number | boolean {
  const t = text.trim();
  if (t.startsWith("'")) {
    let out = '';
    for (let i = 1; i < t.length; i++) {
      if (t[i] === "'") {
        if (t[i + 1] === "'") {
          out += "'";
          i++;
        } else break;
      } else out += t[i];
    }
    return out.trimEnd();
  }
  const value = t.split('/')[0]!.trim();
  if (value === 'T') return true;
  if (value === 'F') return false;
  const n = Number(value.replace(/[dD]/, 'e'));
  return value !== '' && Number.isFinite(n) ? n : value;
}

async function readHeader(source: ByteSource, at: number, file: string | undefined): Promise<{ header: Header; end: number }> {
  const header: Header = new Map();
  const ascii = new TextDecoder('latin1');
  for (let block = 0; block < MAX_HEADER_BLOCKS; block++) {
    const bytes = await source.read(at + block * BLOCK, BLOCK);
    if (bytes.length < BLOCK) throw fitsError('a header ends before its END card (the file is truncated)', file);
    const text = ascii.decode(bytes);
    for (let c = 0; c < BLOCK; c += CARD) {
      const card = text.slice(c, c + CARD);
      const key = card.slice(0, 8).trim();
      if (key === 'END') return { header, end: at + (block + 1) * BLOCK };
      if (card.slice(8, 10) === '= ' && key !== '' && !header.has(key)) header.set(key, parseValue(card.slice(10)));
    }
  }
  throw fitsError(`no END card in the first ${MAX_HEADER_BLOCKS} header blocks`, file);
}

function integer(header: Header, key: string, file: string | undefined, fallback?: number): number {
  const v = header.get(key) ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw fitsError(v === undefined ? `the header has no ${key}` : `${key} is ${quote(String(v))}, not a count`, file);
  }
  return v;
}

function dataLength(header: Header, primary: boolean, file: string | undefined): number {
  const naxis = integer(header, 'NAXIS', file);
  if (naxis === 0) return 0;
  let count = 1;
  for (let i = 1; i <= naxis; i++) count *= integer(header, `NAXIS${i}`, file);
  const bitpix = header.get('BITPIX');
  if (typeof bitpix !== 'number' || ![8, 16, 32, 64, -32, -64].includes(bitpix)) throw fitsError('BITPIX is missing or invalid', file);
  const pcount = primary ? 0 : integer(header, 'PCOUNT', file, 0);
  const gcount = primary ? 1 : integer(header, 'GCOUNT', file, 1);
  return (Math.abs(bitpix) / 8) * gcount * (pcount + count);
}

async function readHdus(source: ByteSource, file: string | undefined): Promise<Hdu[]> {
  const hdus: Hdu[] = [];
  let at = 0;
  // Fewer bytes than a block after the last unit is padding some writers leave; it holds no header.
  while (at + BLOCK <= source.size || hdus.length === 0) {
    const { header, end } = await readHeader(source, at, file);
    if (hdus.length === 0 && header.get('SIMPLE') !== true) throw fitsError('the first header is not SIMPLE = T', file);
    const length = dataLength(header, hdus.length === 0, file);
    hdus.push({ header, dataStart: end, dataLength: length });
    at = end + Math.ceil(length / BLOCK) * BLOCK;
    if (end + length > source.size) throw fitsError('the file ends inside a table (it is truncated)', file);
  }
  return hdus;
}

interface Field {
  name: string;
  code: string;
  repeat: number;
  offset: number;
  scale: number;
  zero: number;
  nullValue?: number;
  unit?: string;
}

const WIDTH: Readonly<Record<string, number>> = { L: 1, X: 0, B: 1, I: 2, J: 4, K: 8, A: 1, E: 4, D: 8, C: 8, M: 16, P: 8, Q: 16 };
const TYPE_NAMES: Readonly<Record<string, string>> = {
  L: 'logical',
  B: 'uint8',
  I: 'int16',
  J: 'int32',
  K: 'int64',
  A: 'string',
  E: 'float32',
  D: 'float64',
  C: 'complex64',
  M: 'complex128',
  P: 'variable-length array',
  Q: 'variable-length array',
  X: 'bits',
};

function fields(header: Header, file: string | undefined): Field[] {
  const count = integer(header, 'TFIELDS', file);
  const out: Field[] = [];
  let offset = 0;
  for (let i = 1; i <= count; i++) {
    const form = String(header.get(`TFORM${i}`) ?? '');
    const m = /^\s*(\d*)([LXBIJKAEDCMPQ])/.exec(form.toUpperCase());
    if (!m) throw fitsError(`column ${i} has the format ${quote(form)}, which the FITS standard does not define`, file);
    const repeat = m[1] === '' ? 1 : Number(m[1]);
    const code = m[2]!;
    const name = String(header.get(`TTYPE${i}`) ?? '').trim() || `x${i}`;
    const field: Field = { name, code, repeat, offset, scale: Number(header.get(`TSCAL${i}`) ?? 1), zero: Number(header.get(`TZERO${i}`) ?? 0) };
    const nullValue = header.get(`TNULL${i}`);
    if (typeof nullValue === 'number') field.nullValue = nullValue;
    const unit = header.get(`TUNIT${i}`);
    if (typeof unit === 'string' && unit !== '') field.unit = unit;
    out.push(field);
    offset += code === 'X' ? Math.ceil(repeat / 8) : repeat * WIDTH[code]!;
  }
  const rowBytes = integer(header, 'NAXIS1', file);
  if (offset !== rowBytes) throw fitsError(`the columns take ${offset} bytes per row but NAXIS1 is ${rowBytes}`, file);
  return out;
}

function isScalarNumber(f: Field): boolean {
  return f.repeat === 1 && 'LBIJKED'.includes(f.code);
}

/** The value of a scalar cell at `at` of `view`, NaN when it is null. */
function cell(view: DataView, at: number, f: Field): number {
  let raw: number;
  switch (f.code) {
    case 'L': {
      const b = view.getUint8(at);
      return b === 84 ? 1 : b === 70 ? 0 : NaN;
    }
    case 'B':
      raw = view.getUint8(at);
      break;
    case 'I':
      raw = view.getInt16(at);
      break;
    case 'J':
      raw = view.getInt32(at);
      break;
    case 'K':
      raw = Number(view.getBigInt64(at));
      break;
    case 'E':
      return view.getFloat32(at) * f.scale + f.zero;
    default:
      return view.getFloat64(at) * f.scale + f.zero;
  }
  return raw === f.nullValue ? NaN : raw * f.scale + f.zero;
}

function textCell(bytes: Uint8Array, at: number, length: number): string | null {
  let end = at;
  while (end < at + length && bytes[end] !== 0) end++;
  const text = new TextDecoder('latin1').decode(bytes.subarray(at, end)).trimEnd();
  return text === '' ? null : text;
}

function tableName(hdu: Hdu, index: number): string {
  const name = hdu.header.get('EXTNAME');
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : `table ${index + 1}`;
}

function pickTable(tables: readonly Hdu[], names: readonly string[], wanted: string | undefined, file: string | undefined): number {
  if (tables.length === 0) throw new DataError('no-data-rows', 'the FITS file has no binary table (BINTABLE extension)', { file });
  if (wanted === undefined) return 0;
  const exact = names.indexOf(wanted);
  if (exact !== -1) return exact;
  const loose = names.findIndex((n) => n.toLowerCase() === wanted.toLowerCase());
  if (loose !== -1) return loose;
  if (/^\d+$/.test(wanted) && Number(wanted) >= 1 && Number(wanted) <= tables.length) return Number(wanted) - 1;
  throw new DataError('unknown-part', `there is no table ${quote(wanted)}; the binary tables are ${listNames(names)}`, { file });
}

/** The names of the binary tables of a FITS file (EXTNAME, else `table N`). */
export async function fitsTableNames(source: ByteSource, file: string | undefined): Promise<string[]> {
  const tables = (await readHdus(source, file)).filter((h) => h.header.get('XTENSION') === 'BINTABLE');
  return tables.map(tableName);
}

/**
 * Reads a binary table of a FITS file in blocks of rows: scalar numeric columns (with TSCAL, TZERO and TNULL
 * applied) and text columns; vector and variable-length columns are left out with a warning.
 */
export async function readFits(source: ByteSource, options: LoadOptions): Promise<DataTable> {
  const file = options.fileName;
  const tables = (await readHdus(source, file)).filter((h) => h.header.get('XTENSION') === 'BINTABLE');
  const names = tables.map(tableName);
  const index = pickTable(tables, names, options.dataset, file);
  const hdu = tables[index]!;
  const all = fields(hdu.header, file);
  const warnings: string[] = [];
  const used = all.filter((f) => {
    if (isScalarNumber(f) || f.code === 'A') return true;
    const type = f.repeat > 1 && 'LBIJKED'.includes(f.code) ? `a vector of ${f.repeat} ${TYPE_NAMES[f.code]}` : TYPE_NAMES[f.code];
    warnings.push(withLocation(`column ${quote(f.name)} (${type}) is left out: only columns of single numbers or text are read`, { file }));
    return false;
  });
  const wanted = options.columns === undefined ? used : used.filter((f) => options.columns!.some((c) => c.toLowerCase() === f.name.toLowerCase()));
  const specs: ColumnSpec[] = wanted.map((f) => ({ name: f.name, type: f.code === 'A' ? 'string' : TYPE_NAMES[f.code]! }));
  const rowBytes = integer(hdu.header, 'NAXIS1', file);
  const total = integer(hdu.header, 'NAXIS2', file);
  const { start, end } = rowSpan(options.rows, total, file);
  const builder = new ColumnarBuilder(specs, end - start, { file, format: 'fits', firstRow: start + 1 });
  const perChunk = Math.max(1, Math.floor(CHUNK_BYTES / Math.max(1, rowBytes)));
  for (let row = start; row < end; row += perChunk) {
    checkCancelled(options.signal, file);
    const count = Math.min(perChunk, end - row);
    const bytes = await source.read(hdu.dataStart + row * rowBytes, count * rowBytes);
    if (bytes.length < count * rowBytes) throw fitsError(`the table ends at row ${row + Math.floor(bytes.length / rowBytes)} of ${total}`, file);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    wanted.forEach((f, j) => {
      if (f.code === 'A') {
        const texts = new Array<string | null>(count);
        for (let r = 0; r < count; r++) texts[r] = textCell(bytes, r * rowBytes + f.offset, f.repeat);
        builder.put(j, row - start, texts);
      } else {
        const values = new Float64Array(count);
        for (let r = 0; r < count; r++) values[r] = cell(view, r * rowBytes + f.offset, f);
        builder.put(j, row - start, values);
      }
    });
    options.onProgress?.((row + count - start) / Math.max(1, end - start));
  }
  return builder.finish({ part: names[index]!, parts: names, totalRows: total, warnings });
}
