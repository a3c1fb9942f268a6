export { DataError, type DataErrorCode, type DataErrorDetails } from './errors';
export { decodeText, detectHeader, parseTable } from './load';
export { defaultFeatures, defaultTarget, findColumn, MIN_ROWS, selectDataset } from './dataset';
export { MAX_SKIPPED_ROWS } from './builder';
export { checkTextFileSize, MAX_TEXT_FILE_BYTES } from './limits';
export type {
  CellLocation,
  Column,
  DataFormat,
  Dataset,
  DatasetOptions,
  DataTable,
  Delimiter,
  DroppedRows,
  LoadOptions,
  SourceLocation,
} from './table';
