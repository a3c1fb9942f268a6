export { DataError, quote, type DataErrorCode, type DataErrorDetails } from './errors';
export { decodeText, detectHeader, parseTable } from './load';
export { defaultFeatures, defaultTarget, findColumn, MIN_ROWS, selectDataset } from './dataset';
export { MAX_SKIPPED_ROWS } from './builder';
export { checkTextFileSize, MAX_TEXT_FILE_BYTES } from './limits';
export { formatRowRange, parseRowRange } from './rowRange';
export { BINARY_EXTENSION_LIST, binaryFormatFromFileName, FORMAT_NAMES, isTextFormat, rowWord } from './formats';
export type {
  BinaryFormat,
  CellLocation,
  Column,
  DataFormat,
  Dataset,
  DatasetOptions,
  DataTable,
  Delimiter,
  DroppedRows,
  LoadOptions,
  RowRange,
  SourceLocation,
  TextFormat,
} from './table';
