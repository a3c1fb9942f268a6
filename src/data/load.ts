import { parseDelimited } from './csv';
import { DataError } from './errors';
import { headerNames, looksLikeHeader } from './header';
import { parseJson } from './json';
import { cellKinds, formatFromFileName, looksLikeJson, sniffSample, usesDecimalComma } from './sniff';
import { FORMAT_NAMES, isTextFormat } from './formats';
import type { DataTable, LoadOptions, TextFormat } from './table';

const BINARY_PROBE = 8192;

function resolveFormat(text: string, options: LoadOptions): TextFormat {
  const format = options.format ?? formatFromFileName(options.fileName) ?? (looksLikeJson(text) ? 'json' : 'csv');
  if (!isTextFormat(format)) {
    throw new DataError('invalid-option', `${FORMAT_NAMES[format]} data is read from the file's bytes, not from text`, { file: options.fileName });
  }
  return format;
}

export function prepare(text: string, options: LoadOptions): { text: string; lineOffset: number } {
  const lineOffset = options.lineOffset ?? 0;
  if (!Number.isInteger(lineOffset) || lineOffset < 0) {
    throw new DataError('invalid-option', `lineOffset must be a non-negative integer, not ${lineOffset}`);
  }
  if (text.slice(0, BINARY_PROBE).includes('\0')) {
    throw new DataError(
      'binary',
      'this is not a text file (it contains NUL bytes); save the data as CSV, TSV or JSON',
      { file: options.fileName },
    );
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, lineOffset };
}

/**
 * Reads CSV/TSV/JSON text into numeric columns (only `options.rows` of them, when given). The format comes from `options.format`, else the file
 * extension (.csv, .tsv/.tab, .json), else the text (JSON if it starts with `[` or `{`). Throws only
 * `DataError`.
 */
export function parseTable(input: string, options: LoadOptions = {}): DataTable {
  try {
    const { text, lineOffset } = prepare(input, options);
    const format = resolveFormat(text, options);
    const common = { fileName: options.fileName, lineOffset, fallbackHeader: options.fallbackHeader, ...(options.rows ? { rows: options.rows } : {}) };
    if (format === 'json') return parseJson(text, common);
    return parseDelimited(text, { ...common, delimiter: format === 'tsv' ? '\t' : undefined });
  } catch (e) {
    throw asDataError(e, options.fileName);
  }
}

/**
 * The header names of delimited text when its first data row is a header, e.g. to pass as
 * `fallbackHeader` when reading a selection further down the same document; undefined otherwise.
 */
export function detectHeader(input: string, options: Pick<LoadOptions, 'fileName' | 'format'> = {}): string[] | undefined {
  try {
    const { text } = prepare(input, options);
    const format = resolveFormat(text, options);
    if (format === 'json') return undefined;
    const sample = sniffSample(text, format === 'tsv' ? '\t' : undefined);
    const [first, ...rest] = sample.rows;
    if (first === undefined) return undefined;
    const dc = usesDecimalComma(sample.delimiter);
    return looksLikeHeader(cellKinds(first, dc), rest.map((r) => cellKinds(r, dc))) ? headerNames(first) : undefined;
  } catch (e) {
    throw asDataError(e, options.fileName);
  }
}

/** UTF-8 unless the file starts with a UTF-16 byte-order mark (as spreadsheet "Unicode text" exports do). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

export function asDataError(e: unknown, file: string | undefined): DataError {
  if (e instanceof DataError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new DataError('internal', `could not read the data: ${message}`, { file }, { cause: e });
}
