import { DataError, listNames, quote, withLocation } from './errors';
import { isMissingToken, parseNumber } from './numbers';
import type { BinaryFormat, CellLocation, Column, DataTable } from './table';

/** A column as a binary file declares it. */
export interface ColumnSpec {
  name: string;
  /** The file's type for it, as shown to the user: `double`, `int64`, `string`, `date`... */
  type: string;
}

type Cell = { kind: 'number'; value: number } | { kind: 'missing' } | { kind: 'text'; text: string };

const MISSING: Cell = { kind: 'missing' };

/**
 * What a cell of a binary table means here: numbers (bigints and booleans included) are values, null and NaN
 * are missing, numeric strings are values as in CSV, and everything else (dates, other text, nested values)
 * is text.
 */
function cellOf(v: unknown): Cell {
  switch (typeof v) {
    case 'number':
      return v === v ? { kind: 'number', value: v } : MISSING;
    case 'bigint':
      return { kind: 'number', value: Number(v) };
    case 'boolean':
      return { kind: 'number', value: v ? 1 : 0 };
    case 'string': {
      const value = parseNumber(v, false);
      if (value === value) return { kind: 'number', value };
      return isMissingToken(v) ? MISSING : { kind: 'text', text: v };
    }
    case 'undefined':
      return MISSING;
    default:
      if (v === null) return MISSING;
      if (v instanceof Date) return { kind: 'text', text: Number.isNaN(v.getTime()) ? 'invalid date' : v.toISOString() };
      return { kind: 'text', text: describeValue(v) };
  }
}

function describeValue(v: unknown): string {
  try {
    return JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? Number(x) : x)) ?? String(v);
  } catch {
    return String(v);
  }
}

function isNumberArray(data: ArrayLike<unknown>): data is ArrayLike<number> {
  return ArrayBuffer.isView(data) && !(data instanceof BigInt64Array) && !(data instanceof BigUint64Array);
}

/**
 * Collects the columns of a binary table, read in pieces (row groups, record batches, blocks of rows), into
 * numeric columns with the same counts of missing and non-numeric cells as the text readers keep.
 */
export class ColumnarBuilder {
  private values: Float64Array[];
  private readonly missing: number[];
  private readonly nonNumeric: number[];
  private readonly firstText: (CellLocation | undefined)[];
  private filled = 0;

  /**
   * `rows` is the number of rows expected (more are accepted); `firstRow` the 1-based row of the file that
   * the first row read is, for messages.
   */
  constructor(
    private readonly specs: readonly ColumnSpec[],
    rows: number,
    private readonly meta: { file: string | undefined; format: BinaryFormat; firstRow: number },
  ) {
    this.values = specs.map(() => new Float64Array(Math.max(0, rows)));
    this.missing = specs.map(() => 0);
    this.nonNumeric = specs.map(() => 0);
    this.firstText = specs.map(() => undefined);
  }

  /** Writes `data[from, from + count)` into column `col` from row `at` (0-based among the rows read). */
  put(col: number, at: number, data: ArrayLike<unknown>, from = 0, count = data.length - from): void {
    this.reserve(at + count);
    const out = this.values[col]!;
    let missing = 0;
    if (isNumberArray(data)) {
      for (let i = 0; i < count; i++) {
        const v = data[from + i]!;
        out[at + i] = v;
        if (v !== v) missing++;
      }
    } else {
      for (let i = 0; i < count; i++) {
        const cell = cellOf(data[from + i]);
        if (cell.kind === 'number') {
          out[at + i] = cell.value;
          continue;
        }
        out[at + i] = NaN;
        if (cell.kind === 'missing') missing++;
        else if (this.nonNumeric[col]!++ === 0) {
          this.firstText[col] = { line: this.meta.firstRow + at + i, column: col + 1, text: cell.text };
        }
      }
    }
    this.missing[col]! += missing;
    this.filled = Math.max(this.filled, at + count);
  }

  /** Marks `count` rows of column `col` from row `at` as missing (a column the piece does not have). */
  putMissing(col: number, at: number, count: number): void {
    this.reserve(at + count);
    this.values[col]!.fill(NaN, at, at + count);
    this.missing[col]! += count;
    this.filled = Math.max(this.filled, at + count);
  }

  private reserve(rows: number): void {
    const capacity = this.values[0]?.length ?? 0;
    if (rows <= capacity) return;
    const bigger = Math.max(rows, Math.ceil(capacity * 1.5), 1024);
    this.values = this.values.map((v) => {
      const grown = new Float64Array(bigger);
      grown.set(v);
      return grown;
    });
  }

  finish(extra: Pick<DataTable, 'part' | 'parts' | 'totalRows'> & { warnings?: string[] } = {}): DataTable {
    const { file, format, firstRow } = this.meta;
    const n = this.filled;
    const warnings = [...(extra.warnings ?? [])];
    if (n === 0) throw new DataError('no-data-rows', this.specs.length === 0 ? 'no columns' : 'no data rows', { file });
    const columns = this.specs.map((spec, j): Column => {
      const all = this.values[j]!;
      const column: Column = {
        name: spec.name,
        values: all.length === n ? all : all.slice(0, n),
        numeric: this.nonNumeric[j] === 0 && this.missing[j]! < n,
        missing: this.missing[j]!,
        nonNumeric: this.nonNumeric[j]!,
        type: spec.type,
      };
      const first = this.firstText[j];
      if (first !== undefined) column.firstNonNumeric = first;
      return column;
    });
    if (!columns.some((c) => c.numeric)) throw noNumericColumns(columns, file);
    for (const c of columns) {
      const first = c.firstNonNumeric;
      if (first !== undefined && n - c.missing - c.nonNumeric >= c.nonNumeric) {
        const more = c.nonNumeric > 1 ? ` and ${c.nonNumeric - 1} more non-numeric cells` : '';
        warnings.push(
          withLocation(
            `column ${quote(c.name)} (${c.type}) is not numeric because of ${quote(first.text)} in row ${first.line}${more}; it is left out of the default features`,
            { file },
          ),
        );
      }
    }
    const lineOfRow = new Int32Array(n);
    for (let i = 0; i < n; i++) lineOfRow[i] = firstRow + i;
    const table: DataTable = { columns, rows: n, lineOfRow, format, hasHeader: true, decimalComma: false, warnings };
    if (file !== undefined) table.fileName = file;
    if (extra.part !== undefined) table.part = extra.part;
    if (extra.parts !== undefined) table.parts = extra.parts;
    if (extra.totalRows !== undefined) table.totalRows = extra.totalRows;
    return table;
  }
}

function noNumericColumns(columns: readonly Column[], file: string | undefined): DataError {
  const parts = columns
    .slice(0, 4)
    .map((c) =>
      c.firstNonNumeric !== undefined
        ? `${quote(c.name)} (${c.type}) has ${quote(c.firstNonNumeric.text)} in row ${c.firstNonNumeric.line}`
        : `${quote(c.name)} (${c.type}) is empty`,
    );
  const more = columns.length > 4 ? `, and ${columns.length - 4} more` : '';
  return new DataError('no-numeric-columns', `no numeric columns: ${parts.join(', ')}${more}`, { file, columnName: columns[0]?.name });
}

/**
 * The specs of the columns to read: those named in `wanted` (exact names first, else the one matching
 * without regard to case), or all of them; a name that is not a column is an error listing the columns.
 */
export function chooseColumns(
  specs: readonly ColumnSpec[],
  wanted: readonly string[] | undefined,
  file: string | undefined,
): ColumnSpec[] {
  if (wanted === undefined) return [...specs];
  const chosen: ColumnSpec[] = [];
  for (const name of wanted) {
    const exact = specs.find((s) => s.name === name);
    const loose = specs.filter((s) => s.name.toLowerCase() === name.toLowerCase());
    const spec = exact ?? (loose.length === 1 ? loose[0] : undefined);
    if (spec === undefined) {
      throw new DataError('unknown-column', `${quote(name)} is not a column; the columns are ${listNames(specs.map((s) => s.name))}`, {
        file,
        columnName: name,
      });
    }
    if (!chosen.includes(spec)) chosen.push(spec);
  }
  return chosen;
}

/** Throws the `cancelled` error once `signal` is aborted. */
export function checkCancelled(signal: AbortSignal | undefined, file: string | undefined): void {
  if (signal?.aborted) throw new DataError('cancelled', 'reading the data was cancelled', { file });
}

/** A one-line `malformed` error naming the format, from what a library threw. */
export function malformed(formatName: string, e: unknown, file: string | undefined): DataError {
  if (e instanceof DataError) return e;
  const line = (e instanceof Error ? e.message : String(e)).split(/\r?\n/)[0]!.trim();
  const message = line.length > 200 ? `${line.slice(0, 199)}…` : line;
  return new DataError('malformed', `not a readable ${formatName} file: ${message || 'it is damaged or truncated'}`, { file }, { cause: e });
}
