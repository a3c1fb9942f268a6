import { unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/universal';
import type { ByteSource } from './byteSource';
import { checkCancelled, ColumnarBuilder, malformed, type ColumnSpec } from './columnar';
import { DataError, listNames, quote } from './errors';
import { checkUniqueNames, defaultNames, headerNames, looksLikeHeader } from './header';
import { classifyCell, MISSING, NUMBER, TEXT, type CellKind } from './numbers';
import { rowSpan } from './rowRange';
import type { DataTable, LoadOptions } from './table';

type Cell = string | number | boolean | Date | null;

const HEADER_SAMPLE = 50;

function decodeXml(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (_, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined) return String.fromCodePoint(Number(dec));
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name!.toLowerCase()]!;
  });
}

/** The sheet names of a workbook in their order, from its `xl/workbook.xml` alone (no sheet is parsed). */
export function sheetNames(bytes: Uint8Array, file: string | undefined): string[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => f.name === 'xl/workbook.xml' });
  } catch (e) {
    throw malformed('Excel (.xlsx)', e, file);
  }
  const workbook = entries['xl/workbook.xml'];
  if (workbook === undefined) {
    throw new DataError('malformed', 'not a readable Excel (.xlsx) file: it is a zip archive without xl/workbook.xml', { file });
  }
  const xml = new TextDecoder().decode(workbook);
  return [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => decodeXml(m[1]!));
}

/** The sheet `wanted` names (a name, any case, or a 1-based number), else the first. */
function pickSheet(names: readonly string[], wanted: string | undefined, file: string | undefined): string {
  if (names.length === 0) throw new DataError('no-data-rows', 'the workbook has no sheets', { file });
  if (wanted === undefined) return names[0]!;
  const exact = names.find((n) => n === wanted) ?? names.find((n) => n.toLowerCase() === wanted.toLowerCase());
  if (exact !== undefined) return exact;
  if (/^\d+$/.test(wanted) && Number(wanted) >= 1 && Number(wanted) <= names.length) return names[Number(wanted) - 1]!;
  throw new DataError('unknown-part', `there is no sheet ${quote(wanted)}; the sheets are ${listNames(names)}`, { file });
}

function kindOf(cell: Cell): CellKind {
  if (cell === null) return MISSING;
  if (typeof cell === 'number' || typeof cell === 'boolean') return NUMBER;
  if (typeof cell === 'string') return classifyCell(cell, false);
  return TEXT;
}

function columnType(rows: readonly (readonly Cell[])[], j: number): string {
  const kinds = new Set<string>();
  for (const row of rows) {
    const c = row[j] ?? null;
    if (c !== null) kinds.add(c instanceof Date ? 'date' : typeof c === 'string' ? 'text' : typeof c);
    if (kinds.size > 1) return 'mixed';
  }
  return [...kinds][0] ?? 'empty';
}

/**
 * Reads one sheet of an .xlsx workbook with read-excel-file (pure JavaScript): its first row is the header
 * when it looks like one (as in CSV), numbers and numeric text are values, dates stay text.
 */
export async function readXlsx(source: ByteSource, options: LoadOptions): Promise<DataTable> {
  const file = options.fileName;
  const bytes = await source.read(0, source.size);
  const names = sheetNames(bytes, file);
  const sheet = pickSheet(names, options.sheet, file);
  checkCancelled(options.signal, file);
  let data: Cell[][];
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    data = (await readSheet(buffer, sheet)) as unknown as Cell[][];
  } catch (e) {
    throw malformed('Excel (.xlsx)', e, file);
  }
  options.onProgress?.(0.8);
  let top = 0;
  while (top < data.length && data[top]!.every((c) => c === null)) top++;
  const rows = data.slice(top);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (rows.length === 0 || width === 0) throw new DataError('empty', `sheet ${quote(sheet)} is empty`, { file });
  const first = rows[0]!;
  const sample = rows.slice(1, HEADER_SAMPLE).map((r) => Array.from({ length: width }, (_, j) => kindOf(r[j] ?? null)));
  const hasHeader = looksLikeHeader(Array.from({ length: width }, (_, j) => kindOf(first[j] ?? null)), sample);
  const columnNames = hasHeader ? headerNames(Array.from({ length: width }, (_, j) => String(first[j] ?? ''))) : defaultNames(width);
  checkUniqueNames(columnNames, file, () => ({}));
  const body = hasHeader ? rows.slice(1) : rows;
  const { start, end } = rowSpan(options.rows, body.length, file);
  const used = body.slice(start, end);
  const specs: ColumnSpec[] = columnNames.map((name, j) => ({ name, type: columnType(used, j) }));
  const builder = new ColumnarBuilder(specs, used.length, { file, format: 'xlsx', firstRow: start + 1 });
  specs.forEach((_, j) => builder.put(j, 0, used.map((r) => r[j] ?? null)));
  const table = builder.finish({ part: sheet, parts: names, totalRows: body.length });
  table.hasHeader = hasHeader;
  return table;
}
