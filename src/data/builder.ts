import { DataError, quote, withLocation } from './errors';
import { isMissingToken } from './numbers';
import type { CellLocation, Column, DataTable, SourceLocation } from './table';

/** Rows with the wrong number of fields are skipped with a warning up to this many; more is an error. */
export const MAX_SKIPPED_ROWS = 3;

const EXAMPLE_LINES = 5;

/** What a reader tells the builder about the table besides its cells. */
export interface TableMeta extends Pick<DataTable, 'format' | 'delimiter' | 'hasHeader' | 'headerLine' | 'decimalComma' | 'fileName'> {
  /** Where the expected number of fields comes from, for messages. */
  expectedFrom: 'header' | 'rows';
}

/**
 * Accumulates rows into growable numeric columns and keeps per-column counts of missing and non-numeric
 * cells. Callers write parsed values straight into `values[col][row]` (re-reading `values` after
 * `addRow`, which may reallocate) and report every NaN cell through `noteNaN` or `noteText`.
 */
export class TableBuilder {
  readonly names: readonly string[];
  values: Float64Array[];
  rows = 0;
  readonly warnings: string[] = [];
  private lines: Int32Array;
  private readonly missing: number[];
  private readonly nonNumeric: number[];
  private readonly firstNonNumeric: (CellLocation | undefined)[];
  private raggedCount = 0;
  private readonly raggedLines: number[] = [];
  private firstRagged?: { line: number; fields: number };
  private readonly file: string | undefined;

  constructor(names: readonly string[], capacity: number, file: string | undefined) {
    const cap = Math.max(16, Math.ceil(capacity));
    this.names = names;
    this.values = names.map(() => new Float64Array(cap));
    this.lines = new Int32Array(cap);
    this.missing = names.map(() => 0);
    this.nonNumeric = names.map(() => 0);
    this.firstNonNumeric = names.map(() => undefined);
    this.file = file;
  }

  /** Starts a row whose cells are all missing until written; returns its index. */
  addRow(line: number): number {
    if (this.rows === this.lines.length) this.grow();
    this.lines[this.rows] = line;
    return this.rows++;
  }

  /** Records why a cell of column `col` is NaN: a missing-value token, or text located by `locate` on first use. */
  noteNaN(col: number, raw: string, locate: () => SourceLocation): void {
    if (isMissingToken(raw)) this.missing[col]!++;
    else this.noteText(col, raw, locate);
  }

  noteMissing(col: number): void {
    this.missing[col]!++;
  }

  noteText(col: number, text: string, locate: () => SourceLocation): void {
    if (this.nonNumeric[col]!++ === 0) this.firstNonNumeric[col] = { ...locate(), text };
  }

  /** Records a skipped row with `fields` fields instead of the expected number. */
  skipRow(line: number, fields: number): void {
    if (this.raggedCount++ === 0) this.firstRagged = { line, fields };
    if (this.raggedLines.length < EXAMPLE_LINES) this.raggedLines.push(line);
  }

  finish(meta: TableMeta): DataTable {
    const expected = this.names.length;
    if (this.firstRagged !== undefined) {
      const { line, fields } = this.firstRagged;
      const reference = meta.expectedFrom === 'header' ? 'the header has' : 'most rows have';
      const what = `a row with ${fields} field${fields === 1 ? '' : 's'} where ${reference} ${expected}`;
      if (this.raggedCount > MAX_SKIPPED_ROWS) {
        throw new DataError(
          'ragged',
          `${what}; ${this.raggedCount} rows have the wrong number of fields (lines ${exampleList(this.raggedLines, this.raggedCount)}): check the delimiter and quoting, or fix those rows`,
          { file: this.file, line },
        );
      }
      this.warnings.unshift(
        withLocation(
          `skipped ${this.raggedCount === 1 ? what : `${this.raggedCount} rows with the wrong number of fields (lines ${this.raggedLines.join(', ')})`}`,
          { file: this.file, line },
        ),
      );
    }
    if (this.rows === 0) {
      const detail =
        meta.headerLine !== undefined ? `no data rows: only a header (line ${meta.headerLine})` : 'no data rows';
      throw new DataError('no-data-rows', detail, { file: this.file, line: meta.headerLine });
    }

    const n = this.rows;
    const columns: Column[] = this.names.map((name, j) => {
      const missing = this.missing[j]!;
      const nonNumeric = this.nonNumeric[j]!;
      const column: Column = {
        name,
        values: fitted(this.values[j]!, n),
        numeric: nonNumeric === 0 && missing < n,
        missing,
        nonNumeric,
      };
      const first = this.firstNonNumeric[j];
      if (first !== undefined) column.firstNonNumeric = first;
      return column;
    });

    if (!columns.some((c) => c.numeric)) throw noNumericColumns(columns, this.file);
    for (const c of columns) {
      const numbers = n - c.missing - c.nonNumeric;
      if (c.firstNonNumeric !== undefined && numbers >= c.nonNumeric) {
        const { line, column, text } = c.firstNonNumeric;
        this.warnings.push(
          withLocation(
            `column ${quote(c.name)} is not numeric because of ${quote(text)}${c.nonNumeric > 1 ? ` and ${c.nonNumeric - 1} more non-numeric cells` : ''}; it is left out of the default features`,
            { file: this.file, line, column },
          ),
        );
      }
    }

    const table: DataTable = {
      columns,
      rows: n,
      lineOfRow: this.lines.slice(0, n),
      format: meta.format,
      hasHeader: meta.hasHeader,
      decimalComma: meta.decimalComma,
      warnings: this.warnings,
    };
    if (meta.delimiter !== undefined) table.delimiter = meta.delimiter;
    if (meta.headerLine !== undefined) table.headerLine = meta.headerLine;
    if (meta.fileName !== undefined) table.fileName = meta.fileName;
    return table;
  }

  private grow(): void {
    const cap = this.lines.length * 2;
    this.values = this.values.map((v) => {
      const bigger = new Float64Array(cap);
      bigger.set(v);
      return bigger;
    });
    const lines = new Int32Array(cap);
    lines.set(this.lines);
    this.lines = lines;
  }
}

/**
 * The first `n` values: a view when the array is hardly larger (no second copy of a large column at the end
 * of a read), else a copy that frees the unused capacity.
 */
function fitted(values: Float64Array, n: number): Float64Array {
  return values.length <= n * 1.1 + 16 ? values.subarray(0, n) : values.slice(0, n);
}

function noNumericColumns(columns: readonly Column[], file: string | undefined): DataError {
  const withText = columns.filter((c) => c.firstNonNumeric !== undefined);
  const parts = withText
    .slice(0, 3)
    .map((c) => `${quote(c.name)} has ${quote(c.firstNonNumeric!.text)} at line ${c.firstNonNumeric!.line}`);
  const more = withText.length > 3 ? `, and ${withText.length - 3} more` : '';
  const detail =
    parts.length > 0
      ? `no numeric columns: ${parts.join(', ')}${more}`
      : 'no numeric columns: every cell is empty or a missing value';
  const first = withText[0]?.firstNonNumeric;
  return new DataError('no-numeric-columns', detail, {
    file,
    line: first?.line,
    column: first?.column,
    columnName: withText[0]?.name,
  });
}

export function exampleList(lines: readonly number[], total: number): string {
  return total > lines.length ? `${lines.join(', ')}, …` : lines.join(', ');
}
