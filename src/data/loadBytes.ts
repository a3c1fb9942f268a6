import { bytesSource } from './byteSource';
import { listParts, readSource } from './readSource';
import type { DataTable, LoadOptions } from './table';

/** Reads a table from a file's bytes already in memory (a file of a virtual workspace); not HDF5. */
export function loadBytes(bytes: Uint8Array, options: LoadOptions = {}): Promise<DataTable> {
  return readSource(bytesSource(bytes), options);
}

/** The sheets or tables of a file's bytes, as `listFileParts`; [] for HDF5, which is read only from disk. */
export function listByteParts(bytes: Uint8Array, options: Pick<LoadOptions, 'fileName' | 'format'> = {}): Promise<string[]> {
  return listParts(bytesSource(bytes), options);
}
