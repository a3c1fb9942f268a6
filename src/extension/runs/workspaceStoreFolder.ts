import * as vscode from 'vscode';
import type { StoreFolder } from './storeFolder';

/** A plain file name: no separators, no `.` or `..`, so every file stays inside the folder. */
const FILE_NAME = /^(?!\.{1,2}$)[\w.-]+$/;

function isNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound');
}

/** A store folder on `vscode.workspace.fs` (the workspace's or the global storage of the extension). */
export function workspaceStoreFolder(folder: vscode.Uri): StoreFolder {
  const fs = vscode.workspace.fs;
  const file = (name: string): vscode.Uri => {
    if (!FILE_NAME.test(name)) throw new Error(`"${name}" is not a file name of the run store`);
    return vscode.Uri.joinPath(folder, name);
  };
  return {
    async read(name) {
      try {
        return await fs.readFile(file(name));
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async write(name, bytes) {
      await fs.createDirectory(folder);
      await fs.writeFile(file(name), bytes);
    },
    async rename(from, to) {
      await fs.rename(file(from), file(to), { overwrite: true });
    },
    async delete(name) {
      try {
        await fs.delete(file(name), { useTrash: false });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
    async list() {
      try {
        const entries = await fs.readDirectory(folder);
        return entries.filter(([, type]) => (type & vscode.FileType.File) !== 0).map(([name]) => name);
      } catch (error) {
        if (isNotFound(error)) return [];
        throw error;
      }
    },
  };
}
