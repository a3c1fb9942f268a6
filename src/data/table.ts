export type TextFormat = 'csv' | 'tsv' | 'json';
/** Formats read from bytes by a library (or, for FITS, a reader of our own), never decoded as text. */
export type BinaryFormat = 'parquet' | 'arrow' | 'xlsx' | 'hdf5' | 'fits';
export type DataFormat = TextFormat | BinaryFormat;

/** Data rows `first..last` (1-based, inclusive, counted after any header); `last` undefined means to the end. */
export interface RowRange {
  first: number;
  last?: number;
}

/** `'whitespace'` means fields separated by runs of spaces and/or tabs. */
export type Delimiter = ',' | ';' | '\t' | '|' | 'whitespace';

export interface LoadOptions {
  /** Used to choose the format from the extension and to prefix error locations. */
  fileName?: string;
  format?: DataFormat;
  /**
   * Number of document lines before the text (0-based line of a selection's start), so that every
   * reported line number is a line of the original document.
   */
  lineOffset?: number;
  /** Column names to use when the text has no header row and has exactly this many columns. */
  fallbackHeader?: readonly string[];
  /** The sheet of a workbook to read, by name or 1-based number; the first sheet otherwise. */
  sheet?: string;
  /** The table of an HDF5 or FITS file to read, by path or name (or, in FITS, 1-based number); the first otherwise. */
  dataset?: string;
  /** Only these data rows are read. */
  rows?: RowRange;
  /** Only these columns are kept (where the format lets a reader skip the others); all of them otherwise. */
  columns?: readonly string[];
  /** Called as the file is read with the share read so far, from 0 to 1. */
  onProgress?: (fraction: number) => void;
  /** Aborting stops the reading with a `DataError` of code `cancelled`. */
  signal?: AbortSignal;
}

/** A place in the source text; line and column are 1-based, the column counts UTF-16 code units. */
export interface SourceLocation {
  line: number;
  column: number;
}

export interface CellLocation extends SourceLocation {
  text: string;
}

export interface Column {
  name: string;
  /** One value per row; NaN marks a missing (or non-numeric) cell, +-Infinity is kept as given. */
  values: Float64Array;
  /** True when the column has at least one number and every non-missing cell is a number. */
  numeric: boolean;
  /** Cells that are empty or a missing-value token (NaN, NA, null, ...). */
  missing: number;
  /** Cells that are neither numbers nor missing. */
  nonNumeric: number;
  /** For binary formats, `line` is the 1-based row and `column` the column's 1-based position. */
  firstNonNumeric?: CellLocation;
  /** The column's type as the file declares it (binary formats only): `double`, `int64`, `string`, `date`... */
  type?: string;
}

export interface DataTable {
  columns: Column[];
  rows: number;
  /**
   * 1-based source line of each row (the first line, if a quoted field spans several); for binary formats,
   * the 1-based row number in the file.
   */
  lineOfRow: Int32Array;
  format: DataFormat;
  delimiter?: Delimiter;
  /** True when the names come from a header row in the text (not from `fallbackHeader` or `x1..xn`). */
  hasHeader: boolean;
  headerLine?: number;
  /** Whether `1,5` was read as 1.5 (only with the `;` delimiter). */
  decimalComma: boolean;
  fileName?: string;
  /** Problems that did not stop loading (skipped rows, ignored fallback header, mostly-numeric text columns). */
  warnings: string[];
  /** The sheet (workbook) or table (HDF5 path, FITS extension) read, when the file can hold several. */
  part?: string;
  /** Every sheet or table of the file that could be read, when it can hold several. */
  parts?: string[];
  /** Data rows in the file (or its sheet or table), when known: more than `rows` when a row range was given. */
  totalRows?: number;
}

export interface DatasetOptions {
  target: string;
  /** Defaults to every other numeric column. */
  features?: readonly string[];
  /** Minimum number of usable rows; 5 unless given. */
  minRows?: number;
}

export interface DroppedRows {
  rows: number;
  /** For each used column, the number of dropped rows in which it was missing or infinite. */
  byColumn: Record<string, number>;
  /** Source lines of the first few dropped rows. */
  firstLines: number[];
}

export interface Dataset {
  /** One array per feature, each of length `rows`. */
  X: Float64Array[];
  y: Float64Array;
  featureNames: string[];
  targetName: string;
  rows: number;
  /** Source line of each kept row. */
  lineOfRow: Int32Array;
  dropped: DroppedRows;
}
