import Papa from 'papaparse';
import { TableBuilder } from './builder';
import { DataError } from './errors';
import { checkUniqueNames, headerNames, looksLikeHeader, namesWithoutHeader } from './header';
import { columnAt, countChar, LineCounter } from './lines';
import { parseNumber } from './numbers';
import { isBlank, isSkippable, restBlank, splitOnWhitespace } from './rows';
import { cellKinds, modalFieldCount, papaDelimiter, sniffSample, usesDecimalComma } from './sniff';
import type { DataTable, Delimiter, SourceLocation } from './table';

export interface DelimitedOptions {
  fileName?: string;
  /** Forces the delimiter; otherwise it is sniffed. */
  delimiter?: Delimiter;
  lineOffset: number;
  fallbackHeader?: readonly string[];
}

/**
 * Reads CSV, TSV, semicolon-, pipe- or whitespace-separated text with Papa Parse, one row at a time
 * (`step`), writing numbers straight into growable columns so that no per-row arrays are kept.
 *
 * Papa Parse's `fastMode` is turned off on purpose: it first splits the whole text into an array of
 * lines, and on Node 20 it measured about 1.5-2x slower (and larger) than the quote-aware parser,
 * which also handles quoted fields wherever they appear.
 */
export function parseDelimited(text: string, options: DelimitedOptions): DataTable {
  const file = options.fileName;
  const sample = sniffSample(text, options.delimiter);
  if (sample.rows.length === 0) {
    throw new DataError('empty', 'no data: the text is empty or has only comments and blank lines', { file });
  }
  const { delimiter, newline } = sample;
  const whitespace = delimiter === 'whitespace';
  const decimalComma = usesDecimalComma(delimiter);
  const nl = newline === '\r' ? '\r' : '\n';
  const nlCode = nl.charCodeAt(0);
  const lineOffset = options.lineOffset;

  const [firstRow, ...restRows] = sample.rows as [string[], ...string[][]];
  const hasHeader = looksLikeHeader(
    cellKinds(firstRow, decimalComma),
    restRows.map((r) => cellKinds(r, decimalComma)),
  );
  let names: string[];
  const warnings: string[] = [];
  if (hasHeader) {
    names = headerNames(firstRow.slice(0, usedWidth(firstRow.length, sample.rows)));
  } else {
    const width = usedWidth(modalFieldCount(sample.rows), sample.rows);
    const unnamed = namesWithoutHeader(width, options.fallbackHeader, file);
    names = unnamed.names;
    if (unnamed.warning !== undefined) warnings.push(unnamed.warning);
  }
  const n = names.length;
  const builder = new TableBuilder(names, (text.length / Math.max(1, sample.length)) * (sample.rows.length + 1) * 1.05, file);
  builder.warnings.push(...warnings);

  const lines = new LineCounter(text, nl);
  const quoted = text.includes('"');
  const delim = papaDelimiter(delimiter);
  let headerPending = hasHeader;
  let headerLine: number | undefined;

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
    newline: newline as Papa.ParseConfig['newline'],
    comments: '#',
    fastMode: false,
    step(result) {
      if (result.errors.length > 0) throw quoteError(result.errors[0]!, text, nl, file, lineOffset);
      const fields = whitespace ? splitOnWhitespace(result.data) : result.data;
      if (isSkippable(fields)) return;
      const end = result.meta.cursor;
      const endContent = end > 0 && text.charCodeAt(end - 1) === nlCode ? end - 1 : end;
      let inner = 0;
      if (quoted) for (const f of fields) if (f.indexOf(nl) !== -1) inner += countChar(f, nl, 0, f.length);
      const line = lines.lineAt(endContent) - inner + lineOffset;

      if (headerPending) {
        headerPending = false;
        headerLine = line;
        checkUniqueNames(names, file, (j) => locate(endContent, inner, line, j));
        return;
      }
      const m = fields.length;
      if (m !== n && (m < n || !restBlank(fields, n))) {
        builder.skipRow(line, m);
        return;
      }
      builder.addRow(line);
      const row = builder.rows - 1;
      const values = builder.values;
      for (let j = 0; j < n; j++) {
        const f = fields[j]!;
        const v = parseNumber(f, decimalComma);
        values[j]![row] = v;
        if (v !== v) builder.noteNaN(j, f, () => locate(endContent, inner, line, j));
      }
    },
  });

  const table = builder.finish({
    format: delimiter === '\t' ? 'tsv' : 'csv',
    delimiter,
    hasHeader,
    headerLine,
    decimalComma,
    fileName: file,
    expectedFrom: hasHeader ? 'header' : 'rows',
  });
  return table;
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
