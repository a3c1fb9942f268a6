import { TableBuilder } from './builder';
import { DataError, quote } from './errors';
import { checkUniqueNames, headerNames, looksLikeHeader, namesWithoutHeader } from './header';
import { childrenOf, findSyntaxError, firstValueOffset } from './json-scan';
import { LineCounter } from './lines';
import { classifyCell, isMissingToken, MISSING, NUMBER, parseNumber, TEXT, type CellKind } from './numbers';
import { modalFieldCount } from './sniff';
import { rowSpan } from './rowRange';
import type { DataTable, RowRange, SourceLocation } from './table';

export interface JsonOptions {
  fileName?: string;
  lineOffset: number;
  fallbackHeader?: readonly string[];
  /** Only these data rows are kept. */
  rows?: RowRange;
}

const SHAPES =
  'expected an array of objects ([{"x": 1, "y": 2}, ...]), an object of column arrays ({"x": [...], "y": [...]}) or an array of arrays whose first row is the header';
const HEADER_SAMPLE = 50;

/** Shared state of one JSON read: the text, where things are, and how to report them. */
class Source {
  readonly rowLines: LineCounter;
  private readonly errorLines: LineCounter;

  constructor(
    readonly text: string,
    readonly file: string | undefined,
    readonly lineOffset: number,
    readonly range?: RowRange,
  ) {
    this.rowLines = new LineCounter(text);
    this.errorLines = new LineCounter(text);
  }

  /** The 0-based data rows `[start, end)` to keep of `total`. */
  span(total: number): { start: number; end: number } {
    return rowSpan(this.range, total, this.file);
  }

  lineOf(offset: number): number {
    return this.rowLines.lineAt(offset) + this.lineOffset;
  }

  locate(offset: number): SourceLocation {
    const at = this.errorLines.locate(offset);
    return { line: at.line + this.lineOffset, column: at.column };
  }

  error(code: 'json-shape' | 'json-length' | 'empty', detail: string, offset?: number): DataError {
    return new DataError(code, detail, { file: this.file, ...(offset === undefined ? {} : this.locate(offset)) });
  }
}

/**
 * Reads the three JSON table shapes. `null` is a missing value; numbers and numeric strings are values;
 * `NaN`/`Infinity` literals (which Python's `json` module writes) are accepted as missing/infinite.
 */
export function parseJson(text: string, options: JsonOptions): DataTable {
  const src = new Source(text, options.fileName, options.lineOffset, options.rows);
  const root = parseText(src);
  return readShape(src, root, firstValueOffset(text), options.fallbackHeader);
}

function parseText(src: Source): unknown {
  const { text } = src;
  if (text.trim() === '') throw src.error('empty', 'no data: the text is empty');
  try {
    return JSON.parse(text);
  } catch (e) {
    if (/\b(?:NaN|Infinity)\b/.test(text)) {
      try {
        return JSON.parse(replaceNonFinite(text));
      } catch {
        // Report the error in the original text below.
      }
    }
    const found = findSyntaxError(text);
    if (found !== undefined) {
      throw new DataError('json-syntax', `malformed JSON: ${found.problem}`, { file: src.file, ...src.locate(found.offset) });
    }
    const message = e instanceof Error ? e.message : String(e);
    const position = /at position (\d+)/.exec(message);
    throw new DataError(
      'json-syntax',
      `malformed JSON: ${message.split(/\r?\n/)[0]}`,
      { file: src.file, ...(position ? src.locate(Number(position[1])) : {}) },
    );
  }
}

/** Turns bare NaN into null and +-Infinity into strings, leaving string contents alone. */
function replaceNonFinite(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|-?\b(?:NaN|Infinity)\b/g, (m) =>
    m.startsWith('"') ? m : m.endsWith('NaN') ? 'null' : `"${m}"`,
  );
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readShape(src: Source, value: unknown, offset: number, fallback: readonly string[] | undefined): DataTable {
  if (Array.isArray(value)) {
    if (value.length === 0) throw src.error('empty', 'no data: the JSON array is empty', offset);
    const offsets = childrenOf(src.text, offset).offsets;
    const first = value.findIndex((v) => v !== null);
    const sample = value[first];
    if (isRecord(sample)) return readRecords(src, value, offsets, first);
    if (Array.isArray(sample)) return readRows(src, value, offsets, first, fallback);
    const at = first === -1 ? offset : offsets[first];
    throw src.error('json-shape', `unsupported JSON: an array of ${first === -1 ? 'nulls' : `${typeof sample}s`}; ${SHAPES}`, at);
  }
  if (isRecord(value)) {
    const { offsets, keys = [] } = childrenOf(src.text, offset);
    if (keys.length === 0) throw src.error('empty', 'no data: the JSON object is empty', offset);
    if (keys.length === 1) {
      const inner = value[keys[0]!];
      if (Array.isArray(inner) && inner.some((v) => isRecord(v) || Array.isArray(v))) {
        return readShape(src, inner, offsets[0]!, fallback);
      }
    }
    return readColumns(src, value, keys, offsets);
  }
  throw src.error('json-shape', `unsupported JSON: ${kindOf(value)} is not a table; ${SHAPES}`, offset);
}

/** Writes one JSON cell into the current row of column `j`; returns the text of a non-numeric cell. */
function putCell(b: TableBuilder, j: number, v: unknown): string | undefined {
  const row = b.rows - 1;
  if (typeof v === 'number') {
    b.values[j]![row] = v;
    return undefined;
  }
  b.values[j]![row] = NaN;
  if (typeof v === 'string') {
    const x = parseNumber(v, false);
    if (x === x) b.values[j]![row] = x;
    else if (isMissingToken(v)) b.noteMissing(j);
    else return v;
  } else if (v === null || v === undefined) {
    b.noteMissing(j);
  } else {
    return JSON.stringify(v);
  }
  return undefined;
}

function readRecords(src: Source, records: unknown[], offsets: number[], model: number): DataTable {
  const index = new Map<string, number>();
  records.forEach((r, i) => {
    if (!isRecord(r)) {
      throw src.error('json-shape', `unsupported JSON: element ${i + 1} of the array is ${kindOf(r)}, not an object like element ${model + 1}; ${SHAPES}`, offsets[i]);
    }
    for (const key in r) if (!index.has(key)) index.set(key, index.size);
  });
  const names = [...index.keys()];
  const { start, end } = src.span(records.length);
  const b = new TableBuilder(names, end - start, src.file);
  records.forEach((r, i) => {
    if (i < start || i >= end) return;
    const rec = r as Record<string, unknown>;
    b.addRow(src.lineOf(offsets[i]!));
    names.forEach((name, j) => {
      const bad = putCell(b, j, rec[name]);
      if (bad === undefined) return;
      b.noteText(j, bad, () => {
        const { offsets: at, keys = [] } = childrenOf(src.text, offsets[i]!);
        return src.locate(at[keys.lastIndexOf(name)] ?? offsets[i]!);
      });
    });
  });
  return b.finish({ format: 'json', hasHeader: true, decimalComma: false, fileName: src.file, expectedFrom: 'header' });
}

function jsonKind(v: unknown): CellKind {
  if (v === null || v === undefined) return MISSING;
  if (typeof v === 'number') return NUMBER;
  if (typeof v === 'string') return classifyCell(v, false);
  return TEXT;
}

function readRows(
  src: Source,
  rows: unknown[],
  offsets: number[],
  model: number,
  fallback: readonly string[] | undefined,
): DataTable {
  rows.forEach((r, i) => {
    if (!Array.isArray(r)) {
      throw src.error('json-shape', `unsupported JSON: element ${i + 1} of the array is ${kindOf(r)}, not an array like element ${model + 1}; ${SHAPES}`, offsets[i]);
    }
  });
  const arrays = rows as unknown[][];
  const sample = arrays.slice(0, HEADER_SAMPLE);
  const hasHeader = looksLikeHeader(sample[0]!.map(jsonKind), sample.slice(1).map((r) => r.map(jsonKind)));
  let names: string[];
  const warnings: string[] = [];
  if (hasHeader) {
    names = headerNames(sample[0]!.map((v) => (v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v))));
    checkUniqueNames(names, src.file, (j) => src.locate(childrenOf(src.text, offsets[0]!).offsets[j] ?? offsets[0]!));
  } else {
    const unnamed = namesWithoutHeader(modalFieldCount(sample), fallback, src.file);
    names = unnamed.names;
    if (unnamed.warning !== undefined) warnings.push(unnamed.warning);
  }
  const n = names.length;
  const skip = hasHeader ? 1 : 0;
  const { start, end } = src.span(arrays.length - skip);
  const b = new TableBuilder(names, end - start, src.file);
  b.warnings.push(...warnings);
  for (let i = start + skip; i < end + skip; i++) {
    const row = arrays[i]!;
    const line = src.lineOf(offsets[i]!);
    if (row.length !== n && (row.length < n || row.slice(n).some((v) => v !== null && v !== ''))) {
      b.skipRow(line, row.length);
      continue;
    }
    b.addRow(line);
    for (let j = 0; j < n; j++) {
      const bad = putCell(b, j, row[j]);
      if (bad !== undefined) b.noteText(j, bad, () => src.locate(childrenOf(src.text, offsets[i]!).offsets[j] ?? offsets[i]!));
    }
  }
  const headerLine = hasHeader ? src.lineOf(offsets[0]!) : undefined;
  return b.finish({
    format: 'json',
    hasHeader,
    headerLine,
    decimalComma: false,
    fileName: src.file,
    expectedFrom: hasHeader ? 'header' : 'rows',
  });
}

function readColumns(src: Source, obj: Record<string, unknown>, keys: string[], offsets: number[]): DataTable {
  checkUniqueNames(keys, src.file, (j) => src.locate(offsets[j]!));
  const arrays = keys.map((key, j) => {
    const v = obj[key];
    if (!Array.isArray(v)) {
      throw src.error('json-shape', `unsupported JSON: key ${quote(key)} holds ${kindOf(v)}, not an array of values; ${SHAPES}`, offsets[j]);
    }
    return v as unknown[];
  });
  const rows = arrays[0]!.length;
  arrays.forEach((a, j) => {
    if (a.length !== rows) {
      throw src.error(
        'json-length',
        `column arrays have different lengths: ${quote(keys[0]!)} has ${rows} values but ${quote(keys[j]!)} has ${a.length}`,
        offsets[j],
      );
    }
  });
  const firstCells = childrenOf(src.text, offsets[0]!).offsets;
  const { start, end } = src.span(rows);
  const b = new TableBuilder(keys, end - start, src.file);
  for (let i = start; i < end; i++) {
    b.addRow(src.lineOf(firstCells[i] ?? offsets[0]!));
    for (let j = 0; j < keys.length; j++) {
      const bad = putCell(b, j, arrays[j]![i]);
      if (bad !== undefined) b.noteText(j, bad, () => src.locate(childrenOf(src.text, offsets[j]!).offsets[i] ?? offsets[j]!));
    }
  }
  return b.finish({ format: 'json', hasHeader: true, decimalComma: false, fileName: src.file, expectedFrom: 'header' });
}
