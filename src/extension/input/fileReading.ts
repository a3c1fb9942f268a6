import * as vscode from 'vscode';
import type { DataTable, LoadOptions } from '../../data';
import { listByteParts, loadBytes } from '../../data/loadBytes';
import { listFileParts, loadFile } from '../../data/loadFile';
import type { FileInput } from './dataSource';

/** Files of the local disk are read in pieces by Node (and HDF5 only so); others through VS Code's file system. */
export async function readFileTable(input: FileInput, options: LoadOptions): Promise<DataTable> {
  const all = { ...input.loadOptions, ...options };
  if (input.uri.scheme === 'file') return loadFile(input.uri.fsPath, all);
  return loadBytes(await vscode.workspace.fs.readFile(input.uri), all);
}

/** The sheets or tables of a file that can hold several; [] for the others. */
export async function fileParts(input: FileInput): Promise<string[]> {
  if (input.uri.scheme === 'file') return listFileParts(input.uri.fsPath, input.loadOptions);
  return listByteParts(await vscode.workspace.fs.readFile(input.uri), input.loadOptions);
}

/**
 * Reads the file under a notification that shows the share read and has a Cancel button; cancelling ends the
 * reading with a `DataError` of code `cancelled`.
 */
export function readWithProgress(input: FileInput, options: LoadOptions): Promise<DataTable> {
  return Promise.resolve(
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Reading ${input.fileName}`, cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        const cancelled = token.onCancellationRequested(() => abort.abort());
        let shown = 0;
        try {
          return await readFileTable(input, {
            ...options,
            signal: abort.signal,
            onProgress: (fraction) => {
              const percent = Math.min(100, Math.floor(fraction * 100));
              if (percent <= shown) return;
              progress.report({ increment: percent - shown, message: `${percent}%` });
              shown = percent;
            },
          });
        } finally {
          cancelled.dispose();
        }
      },
    ),
  );
}
