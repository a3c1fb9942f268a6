import { basename, extname } from 'node:path';
import * as vscode from 'vscode';
import { BINARY_EXTENSION_LIST, binaryFormatFromFileName, detectHeader, type LoadOptions } from '../../data';

interface InputBase {
  /** The data's file or document. */
  uri: vscode.Uri;
  /** Name shown to the user and used in messages (the file's base name). */
  fileName: string;
  loadOptions: LoadOptions;
}

/** Text of an open document (or its selection) that a discovery runs on. */
export interface TextInput extends InputBase {
  kind: 'text';
  text: string;
  /** 1-based first and last lines of the selection, when the input is a selection. */
  selection?: { startLine: number; endLine: number };
}

/** A file that is not open as text: read from the file itself (in pieces where the format allows). */
export interface FileInput extends InputBase {
  kind: 'file';
}

export type DataInput = TextInput | FileInput;

const DATA_EXTENSIONS = new Set(['.csv', '.tsv', '.tab', '.json', '.txt', '.dat']);
const DATA_LANGUAGES = new Set(['csv', 'tsv', 'json', 'jsonc', 'plaintext']);

function isDataDocument(document: vscode.TextDocument): boolean {
  return DATA_EXTENSIONS.has(extname(document.fileName).toLowerCase()) || DATA_LANGUAGES.has(document.languageId);
}

function displayName(uri: vscode.Uri): string {
  return basename(uri.path) || uri.toString();
}

function fromDocument(document: vscode.TextDocument, selection: vscode.Selection | undefined): TextInput {
  const fileName = displayName(document.uri);
  if (selection && !selection.isEmpty) {
    // A selection of rows in the middle of a file has no header of its own: offer the file's.
    const header = detectHeader(document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, 50), 0)), { fileName });
    return {
      kind: 'text',
      text: document.getText(selection),
      uri: document.uri,
      fileName,
      // A selection ending at the start of a line (whole lines selected) ends on the line before.
      selection: {
        startLine: selection.start.line + 1,
        endLine: selection.end.character === 0 && selection.end.line > selection.start.line ? selection.end.line : selection.end.line + 1,
      },
      loadOptions: {
        fileName,
        lineOffset: selection.start.line,
        ...(header ? { fallbackHeader: header } : {}),
      },
    };
  }
  return { kind: 'text', text: document.getText(), uri: document.uri, fileName, loadOptions: { fileName } };
}

function fromFile(uri: vscode.Uri): DataInput {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open && binaryFormatFromFileName(open.fileName) === undefined) return fromDocument(open, undefined);
  const fileName = displayName(uri);
  return { kind: 'file', uri, fileName, loadOptions: { fileName } };
}

/** The file of the active editor tab when it is a binary data file (which has no text editor). */
function activeBinaryFile(): vscode.Uri | undefined {
  const input: unknown = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri =
    input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputNotebook ? input.uri : undefined;
  return uri && binaryFormatFromFileName(uri.path) !== undefined ? uri : undefined;
}

async function pickFile(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Discover Equation',
    title: 'Choose a data file',
    filters: { 'Data files': ['csv', 'tsv', 'json', 'txt', 'dat', ...BINARY_EXTENSION_LIST], 'All files': ['*'] },
  });
  return picked?.[0];
}

/**
 * Where "Discover equation" reads its data: the file it was invoked on (Explorer), else the selection of the
 * active editor, else the whole active document when it holds data (or, with no active text editor, the
 * binary data file of the active tab, a visible data document, else the data document used last), else a file
 * the user picks.
 * Returns undefined when the user cancels the file picker.
 */
export async function resolveDataInput(
  target?: vscode.Uri,
  recentDocuments: readonly vscode.TextDocument[] = [],
): Promise<DataInput | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (target && (!editor || editor.document.uri.toString() !== target.toString())) return fromFile(target);
  if (editor) {
    const { document, selection } = editor;
    if (!selection.isEmpty || isDataDocument(document)) return fromDocument(document, selection);
  } else {
    const binary = activeBinaryFile();
    if (binary) return fromFile(binary);
    // Focus is elsewhere (a webview, the walkthrough): a data file open beside it is the natural choice.
    const visible = vscode.window.visibleTextEditors.find((e) => isDataDocument(e.document));
    if (visible) return fromDocument(visible.document, visible.selection);
    const recent = recentDocuments.find((d) => !d.isClosed && isDataDocument(d));
    if (recent) return fromDocument(recent, undefined);
  }
  const picked = await pickFile();
  return picked ? fromFile(picked) : undefined;
}
