import * as vscode from 'vscode';

export const SAMPLE_FILE = 'real-hubble-1929.csv';

async function readIfPresent(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Where the sample is opened from: a copy in the first workspace folder (the copy made before when it is
 * unchanged, else a fresh `real-hubble-1929-2.csv`...), so that edits and exports stay in the user's folder
 * and never change the installed extension. Undefined without a writable workspace folder.
 */
async function workspaceCopy(bytes: Uint8Array): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || vscode.workspace.fs.isWritableFileSystem(folder.uri.scheme) === false) return undefined;
  for (let n = 1; n <= 20; n++) {
    const name = n === 1 ? SAMPLE_FILE : SAMPLE_FILE.replace(/\.csv$/, `-${n}.csv`);
    const target = vscode.Uri.joinPath(folder.uri, name);
    const present = await readIfPresent(target);
    if (present && sameBytes(present, bytes)) return target;
    if (present) continue;
    try {
      await vscode.workspace.fs.writeFile(target, bytes);
      return target;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Opens Hubble's 1929 data for the user to try: copied into the workspace folder, or with no folder to write
 * to, as an untitled CSV document. Returns the document opened.
 */
export async function openSampleData(extensionUri: vscode.Uri): Promise<vscode.TextDocument> {
  const sample = vscode.Uri.joinPath(extensionUri, 'data', 'samples', SAMPLE_FILE);
  const bytes = await vscode.workspace.fs.readFile(sample);
  const copy = await workspaceCopy(bytes);
  const document = copy
    ? await vscode.workspace.openTextDocument(copy)
    : await vscode.workspace.openTextDocument({ language: 'csv', content: new TextDecoder().decode(bytes) });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}
