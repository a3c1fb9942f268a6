import { DataError } from './errors';

/**
 * The largest text file read. A file is decoded to one string and parsed in memory, which takes several
 * times its size; V8 cannot hold a string beyond about 512 M characters at all. Above this size the user
 * gets a message instead of an extension host that runs out of memory.
 */
export const MAX_TEXT_FILE_BYTES = 256 * 1024 * 1024;

function megabytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}

/** Throws a `DataError` naming the file and its size when it is too large to read as text. */
export function checkTextFileSize(bytes: number, file: string): void {
  if (bytes <= MAX_TEXT_FILE_BYTES) return;
  throw new DataError(
    'too-large',
    `the file is ${megabytes(bytes)}; text data files of up to ${megabytes(MAX_TEXT_FILE_BYTES)} can be read. Select the rows to use in the editor, or save a subset of the rows`,
    { file },
  );
}
