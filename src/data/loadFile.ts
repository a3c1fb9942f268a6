// Reading a data file from disk: the only part of src/data that needs Node; the rest also runs in a browser.
import { readFile, stat } from 'node:fs/promises';
import { DataError } from './errors';
import { checkTextFileSize } from './limits';
import { decodeText, parseTable } from './load';
import type { DataTable, LoadOptions } from './table';

/** Reads and parses a file; the path is used as `fileName` unless one is given. */
export async function loadFile(path: string, options: LoadOptions = {}): Promise<DataTable> {
  const fileName = options.fileName ?? path;
  let text: string;
  try {
    const size = (await stat(path)).size;
    checkTextFileSize(size, fileName);
    text = decodeText(await readFile(path));
  } catch (e) {
    throw e instanceof DataError ? e : fileError(e, fileName);
  }
  return parseTable(text, { ...options, fileName });
}

function fileError(e: unknown, file: string): DataError {
  const code = (e as { code?: unknown } | null)?.code;
  const detail =
    code === 'ENOENT'
      ? 'file not found'
      : code === 'EISDIR'
        ? 'this is a directory, not a data file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied: the file cannot be read'
          : code === 'ERR_STRING_TOO_LONG' || code === 'ERR_FS_FILE_TOO_LARGE' || e instanceof RangeError
            ? 'the file is too large to read'
            : `cannot read the file: ${e instanceof Error ? e.message : String(e)}`;
  return new DataError('file', detail, { file }, { cause: e });
}
