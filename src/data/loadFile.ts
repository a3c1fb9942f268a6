// Reading a data file from disk: the only part of src/data that needs Node (with hdf5File.ts, which it loads);
// the rest also runs in a browser.
import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import { bytesSource, type ByteSource } from './byteSource';
import { DataError } from './errors';
import { listParts, readSource, type Hdf5Access } from './readSource';
import type { DataTable, LoadOptions } from './table';

function fileSource(handle: FileHandle, size: number, file: string): ByteSource {
  return {
    size,
    async read(offset, length) {
      const buffer = Buffer.allocUnsafe(Math.max(0, Math.min(length, size - offset)));
      let filled = 0;
      try {
        while (filled < buffer.length) {
          const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, offset + filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
      } catch (e) {
        throw fileError(e, file);
      }
      return filled === buffer.length ? buffer : buffer.subarray(0, filled);
    },
  };
}

function hdf5Access(path: string, file: string): Hdf5Access {
  return {
    read: async (options) => (await import('./hdf5File')).readHdf5(path, { ...options, fileName: file }),
    tableNames: async () => (await import('./hdf5File')).hdf5TableNames(path, file),
  };
}

async function withFile<T>(path: string, fileName: string, use: (source: ByteSource) => Promise<T>): Promise<T> {
  let handle: FileHandle;
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    // A named pipe or device has no size and no random access: it is read to its end first.
    if (!info.isFile()) return await use(bytesSource(await readFile(path)));
    size = info.size;
    handle = await open(path, 'r');
  } catch (e) {
    throw fileError(e, fileName);
  }
  try {
    return await use(fileSource(handle, size, fileName));
  } finally {
    await handle.close();
  }
}

/**
 * Reads and parses a file; the path is used as `fileName` unless one is given. CSV and TSV are read in
 * pieces, the binary formats by the parts they need; only JSON is read whole.
 */
export function loadFile(path: string, options: LoadOptions = {}): Promise<DataTable> {
  const fileName = options.fileName ?? path;
  return withFile(path, fileName, (source) => readSource(source, { ...options, fileName }, hdf5Access(path, fileName)));
}

/** The sheets or tables of a file that can hold several (xlsx, HDF5, FITS); [] for other files. */
export function listFileParts(path: string, options: Pick<LoadOptions, 'fileName' | 'format'> = {}): Promise<string[]> {
  const fileName = options.fileName ?? path;
  return withFile(path, fileName, (source) => listParts(source, { ...options, fileName }, hdf5Access(path, fileName)));
}

function fileError(e: unknown, file: string): DataError {
  if (e instanceof DataError) return e;
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
