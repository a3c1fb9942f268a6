import Papa from 'papaparse';
import { TableBuilder } from './builder';
import { DataError } from './errors';
import { checkUniqueNames, headerNames, looksLikeHeader, namesWithoutHeader } from './header';
import { columnAt, countChar, LineCounter } from './lines';
import { parseNumber } from './numbers';
import { isBlank, isSkippable, restBlank, splitOnWhitespace } from './rows';
import { cellKinds, modalFieldCount, papaDelimiter, sniffSample, usesDecimalComma } from './sniff';
import type { DataTable, Delimiter, RowRange, SourceLocation } from './table';

export interface DelimitedOptions {
  fileName?: string;
  /** Forces the delimiter; otherwise it is sniffed. */
  delimiter?: Delimiter;
  lineOffset: number;
  fallbackHeader?: readonly string[];
  /** Only these data rows (counted after the header) are kept. */
  rows?: RowRange;
  /** Characters of the whole text, when it is fed in chunks: sizes the columns from the start. */
  expectedChars?: number;
}

/**
 * Reads CSV, TSV, semicolon-, pipe- or whitespace-separated text with Papa Parse, one row at a time
 * (`step`), writing numbers straight into growable columns so that no per-row arrays are kept. The text may
 * come in chunks (`feed`), each ending with a line break outside quotes, so that a file is never one string.
 *
 * Papa Parse's `fastMode` is turned off on purpose: it first splits the whole text into an array of
 * lines, and on Node 20 it measured about 1.5-2x slower (and larger) than the quote-aware parser,
 * which also handles quoted fields wherever they appear.
 */
export class DelimitedReader {
  private readonly file: string | undefined;
  private readonly delimiter: Delimiter;
  private readonly newline: string;
  private readonly decimalComma: boolean;
  private readonly hasHeader: boolean;
  private readonly names: string[];
  private readonly builder: TableBuilder;
  private readonly first: number;
  private readonly last: number;
  private headerPending: boolean;
  private headerLine: number | undefined;
  private dataRows = 0;
  private complete = false;

  /** `sample` is the start of the text (the first chunk), from which the delimiter and header are judged. */
  constructor(sample: string, options: DelimitedOptions) {
    this.file = options.fileName;
    const sniffed = sniffSample(sample, options.delimiter);
    if (sniffed.rows.length === 0) {
      throw new DataError('empty', 'no data: the text is empty or has only comments and blank lines', { file: this.file });
    }
    this.delimiter = sniffed.delimiter;
    this.newline = sniffed.newline;
    this.decimalComma = usesDecimalComma(this.delimiter);
    const [firstRow, ...restRows] = sniffed.rows as [string[], ...string[][]];
    this.hasHeader = looksLikeHeader(
      cellKinds(firstRow, this.decimalComma),
      restRows.map((r) => cellKinds(r, this.decimalComma)),
    );
    const warnings: string[] = [];
    if (this.hasHeader) {
      this.names = headerNames(firstRow.slice(0, usedWidth(firstRow.length, sniffed.rows)));
    } else {
      const width = usedWidth(modalFieldCount(sniffed.rows), sniffed.rows);
      const unnamed = namesWithoutHeader(width, options.fallbackHeader, this.file);
      this.names = unnamed.names;
      if (unnamed.warning !== undefined) warnings.push(unnamed.warning);
    }
    this.first = options.rows?.first ?? 1;
    this.last = options.rows?.last ?? Number.POSITIVE_INFINITY;
    const chars = options.expectedChars ?? sample.length;
    const estimate = (chars / Math.max(1, sniffed.length)) * (sniffed.rows.length + 1) * 1.05;
    this.builder = new TableBuilder(this.names, Math.min(estimate, this.last - this.first + 1), this.file);
    this.builder.warnings.push(...warnings);
    this.headerPending = this.hasHeader;
  }

  /** Whether the rows asked for are all read (the rest of the text need not be fed). */
  get done(): boolean {
    return this.complete;
  }

  /** Parses a chunk of whole lines; `lineOffset` is the number of lines of the text before it. */
  feed(text: string, lineOffset: number): void {
    if (this.complete || text.length === 0) return;
    const { file, builder, names, decimalComma } = this;
    const n = names.length;
    const whitespace = this.delimiter === 'whitespace';
    const nl = this.newline === '\r' ? '\r' : '\n';
    const nlCode = nl.charCodeAt(0);
    const lines = new LineCounter(text, nl);
    const quoted = text.includes('"');
    const delim = papaDelimiter(this.delimiter);

    /** Where field `index` of the row ending at `endContent` (spanning `inner` extra lines) starts. */
    const locate = (endContent: number, inner: number, firstLine: number, index: number): SourceLocation => {
      let start = endContent;
      for (let k = 0; k <= inner; k++) {
        start = start <= 0 ? -1 : text.lastIndexOf(nl, start - 1);
        if (start === -1) break;
      }
      start++;
      const at = fieldOffset(text, start, delim, whitespace, index);
      return { line: firstLine + countChar(text, nl, start, at), column: columnAt(text, at, nl) };
    };

    Papa.parse<string[]>(text, {
      delimiter: delim,
      newline: this.newline as Papa.ParseConfig['newline'],
      comments: '#',
      fastMode: false,
      step: (result, parser) => {
        if (result.errors.length > 0) throw quoteError(result.errors[0]!, text, nl, file, lineOffset);
        const fields = whitespace ? splitOnWhitespace(result.data) : result.data;
        if (isSkippable(fields)) return;
        const end = result.meta.cursor;
        const endContent = end > 0 && text.charCodeAt(end - 1) === nlCode ? end - 1 : end;
        let inner = 0;
        if (quoted) for (const f of fields) if (f.indexOf(nl) !== -1) inner += countChar(f, nl, 0, f.length);
        const line = lines.lineAt(endContent) - inner + lineOffset;

        if (this.headerPending) {
          this.headerPending = false;
          this.headerLine = line;
          checkUniqueNames(names, file, (j) => locate(endContent, inner, line, j));
          return;
        }
        const row = ++this.dataRows;
        if (row < this.first) return;
        if (row > this.last) {
          this.dataRows--;
          this.complete = true;
          parser.abort();
          return;
        }
        const m = fields.length;
        if (m !== n && (m < n || !restBlank(fields, n))) {
          builder.skipRow(line, m);
          return;
        }
        builder.addRow(line);
        const at = builder.rows - 1;
        const values = builder.values;
        for (let j = 0; j < n; j++) {
          const f = fields[j]!;
          const v = parseNumber(f, decimalComma);
          values[j]![at] = v;
          if (v !== v) builder.noteNaN(j, f, () => locate(endContent, inner, line, j));
        }
      },
    });
  }

  finish(): DataTable {
    if (this.first > 1 && this.dataRows < this.first) {
      throw new DataError(
        'invalid-option',
        `the row range ${this.first}:${Number.isFinite(this.last) ? this.last : ''} starts after the last row: there are ${this.dataRows} data row${this.dataRows === 1 ? '' : 's'}`,
        { file: this.file },
      );
    }
    const table = this.builder.finish({
      format: this.delimiter === '\t' ? 'tsv' : 'csv',
      delimiter: this.delimiter,
      hasHeader: this.hasHeader,
      headerLine: this.headerLine,
      decimalComma: this.decimalComma,
      fileName: this.file,
      expectedFrom: this.hasHeader ? 'header' : 'rows',
    });
    if (!this.complete) table.totalRows = this.dataRows;
    return table;
  }
}

/** Reads delimited text held in one string. */
export function parseDelimited(text: string, options: DelimitedOptions): DataTable {
  const reader = new DelimitedReader(text, options);
  reader.feed(text, options.lineOffset);
  return reader.finish();
}

/**
 * `width` less the trailing columns that are blank in every sampled row (header included): a trailing
 * delimiter on each line, as some spreadsheets write, does not make a column.
 */
function usedWidth(width: number, rows: readonly (readonly string[])[]): number {
  let n = width;
  while (n > 1 && rows.every((r) => r.length < n || isBlank(r[n - 1]!))) n--;
  return n;
}

/** Offset of the first visible character of field `index` in the row starting at `start`. */
function fieldOffset(text: string, start: number, delim: string, whitespace: boolean, index: number): number {
  let p = start;
  const skipBlanks = () => {
    while (p < text.length && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
  };
  for (let j = 0; ; j++) {
    if (whitespace) skipBlanks();
    if (j === index) break;
    if (text.charCodeAt(p) === 34) {
      for (let q = text.indexOf('"', p + 1); ; q = text.indexOf('"', q + 2)) {
        if (q === -1) return p;
        if (text.charCodeAt(q + 1) !== 34) {
          p = q + 1;
          break;
        }
      }
    }
    if (whitespace) {
      while (p < text.length && text.charCodeAt(p) > 32) p++;
    } else {
      const next = text.indexOf(delim, p);
      const eol = text.indexOf('\n', p);
      if (next === -1 || (eol !== -1 && eol < next)) return p;
      p = next + delim.length;
    }
  }
  const fieldStart = p;
  skipBlanks();
  return p < text.length && text.charCodeAt(p) > 32 ? p : fieldStart;
}

function quoteError(
  error: Papa.ParseError,
  text: string,
  nl: string,
  file: string | undefined,
  lineOffset: number,
): DataError {
  const at = Math.max(0, (error.index ?? 1) - 1);
  const where = { file, line: new LineCounter(text, nl).lineAt(at) + lineOffset, column: columnAt(text, at, nl) };
  return error.code === 'MissingQuotes'
    ? new DataError('quotes', 'a quoted field is never closed (missing closing ")', where)
    : new DataError('quotes', 'malformed quoted field: a closing " must be followed by the delimiter or the end of the line (write "" for a quote inside a field)', where);
}
