export type DataErrorCode =
  | 'file'
  | 'too-large'
  | 'binary'
  | 'empty'
  | 'no-data-rows'
  | 'no-numeric-columns'
  | 'unknown-column'
  | 'non-numeric'
  | 'no-features'
  | 'invalid-option'
  | 'ragged'
  | 'quotes'
  | 'too-few-rows'
  | 'constant-target'
  | 'duplicate-column'
  | 'json-syntax'
  | 'json-shape'
  | 'json-length'
  | 'malformed'
  | 'unsupported'
  | 'unknown-part'
  | 'cancelled'
  | 'internal';

export interface DataErrorDetails {
  file?: string;
  line?: number;
  /** 1-based character position in the line. */
  column?: number;
  /** Name of the data column concerned, when there is one. */
  columnName?: string;
}

/**
 * The only error the data loader throws. `message` is one line, prefixed with the location when known
 * (`data.csv:12:3: ...`); `detail` is the same text without the location, for UIs that show it separately.
 */
export class DataError extends Error {
  readonly code: DataErrorCode;
  readonly detail: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly columnName?: string;

  constructor(code: DataErrorCode, detail: string, where: DataErrorDetails = {}, options?: { cause?: unknown }) {
    super(withLocation(detail, where), options);
    this.name = 'DataError';
    this.code = code;
    this.detail = detail;
    if (where.file !== undefined) this.file = where.file;
    if (where.line !== undefined) this.line = where.line;
    if (where.column !== undefined) this.column = where.column;
    if (where.columnName !== undefined) this.columnName = where.columnName;
  }
}

export function withLocation(text: string, where: DataErrorDetails): string {
  const { file, line, column } = where;
  if (file !== undefined && file !== '') {
    let at = file;
    if (line !== undefined) at += `:${line}`;
    if (line !== undefined && column !== undefined) at += `:${column}`;
    return `${at}: ${text}`;
  }
  if (line !== undefined) return `${column !== undefined ? `line ${line}, column ${column}` : `line ${line}`}: ${text}`;
  return text;
}

/** Quotes a cell or name for a message, shortened and on one line. */
export function quote(text: string, max = 40): string {
  const oneLine = text.replace(/\r\n|\r|\n/g, '\\n').replace(/\t/g, '\\t');
  return JSON.stringify(oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine);
}

export function listNames(names: readonly string[], max = 20): string {
  const shown = names.slice(0, max).map((n) => quote(n)).join(', ');
  return names.length > max ? `${shown}, … (${names.length} in all)` : shown;
}
