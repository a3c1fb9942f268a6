import { randomUUID } from 'node:crypto';

/** The folder the run store keeps its files in, addressed by file name only. */
export interface StoreFolder {
  /** The file's bytes, or undefined when there is no such file. */
  read(name: string): Promise<Uint8Array | undefined>;
  /** Writes the file in place, creating the folder when needed. */
  write(name: string, bytes: Uint8Array): Promise<void>;
  /** Renames a file, replacing any file of the new name. */
  rename(from: string, to: string): Promise<void>;
  /** Deletes the file; nothing happens when there is none. */
  delete(name: string): Promise<void>;
  /** Names of the files in the folder; none when the folder does not exist. */
  list(): Promise<string[]>;
}

const TEMPORARY = /\.[0-9a-f]{12}\.tmp$/;

/** Whether a file name is one of `writeAtomically`'s temporary files. */
export function isTemporaryFile(name: string): boolean {
  return TEMPORARY.test(name);
}

/**
 * Replaces a file in one step: the bytes go to a temporary file of the same folder, which is then renamed over
 * the file. A crash or a failed write leaves the old file whole, never a truncated one.
 */
export async function writeAtomically(folder: StoreFolder, name: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${name}.${randomUUID().slice(-12)}.tmp`;
  try {
    await folder.write(temporary, bytes);
    await folder.rename(temporary, name);
  } catch (error) {
    await folder.delete(temporary).catch(() => undefined);
    throw error;
  }
}
