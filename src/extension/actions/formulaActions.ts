import * as vscode from 'vscode';
import { formatExpression, formatSnippet } from '../../engine/expressions/formats';
import type { PlottedFormula } from '../../engine/front/plottedFormula';
import { COPY_FORMATS, type FormatChoice } from '../../shared/webviewProtocol';
import type { RunRecord } from '../runs/runStore';
import type { EditorTracker } from './editorTracker';
import { frontCsv, provenance } from './frontText';
import { notify } from '../report';

function rowAt(record: RunRecord, complexity: number): PlottedFormula {
  const row = record.front.find((f) => f.complexity === complexity);
  if (!row) throw new Error(`the front has no formula of complexity ${complexity}`);
  return row;
}

const PICKABLE_LANGUAGES: { label: string; languageId: string }[] = [
  { label: 'Python', languageId: 'python' },
  { label: 'JavaScript', languageId: 'javascript' },
  { label: 'TypeScript', languageId: 'typescript' },
  { label: 'C++', languageId: 'cpp' },
  { label: 'C', languageId: 'c' },
  { label: 'Julia', languageId: 'julia' },
  { label: 'Rust', languageId: 'rust' },
  { label: 'MATLAB / Octave', languageId: 'matlab' },
  { label: 'R', languageId: 'r' },
  { label: 'LaTeX', languageId: 'latex' },
  { label: 'Markdown', languageId: 'markdown' },
];

/**
 * Inserts the formula at the cursor of the last code editor, in that editor's language, with a comment
 * saying where it comes from. Without such an editor, opens a new document in a language the user picks.
 */
export async function insertFormula(record: RunRecord, complexity: number, editors: EditorTracker): Promise<void> {
  const row = rowAt(record, complexity);
  let editor = editors.lastCodeEditor();
  if (!editor) {
    const picked = await vscode.window.showQuickPick(PICKABLE_LANGUAGES, {
      title: 'Insert Formula',
      placeHolder: 'No code editor is open: choose the language of a new file',
    });
    if (!picked) return;
    const document = await vscode.workspace.openTextDocument({ language: picked.languageId, content: '' });
    editor = await vscode.window.showTextDocument(document);
  } else {
    editor = await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  }
  const snippet = formatSnippet(row.expr, editor.document.languageId, {
    names: record.features,
    outputName: record.target,
    commentLines: provenance(record, row),
  });
  const position = editor.selection.active;
  const lineText = editor.document.lineAt(position.line).text;
  // Keep the indentation of the line the cursor is on for every inserted line.
  const indent = /^\s*/.exec(lineText)?.[0] ?? '';
  const atLineStart = position.character <= indent.length;
  const text = snippet.split('\n').join(`\n${indent}`);
  const ok = await editor.edit((edit) => edit.insert(position, atLineStart ? `${text}\n${indent}` : `\n${indent}${text}\n`));
  if (!ok) throw new Error(`the editor of ${editor.document.fileName} did not accept the edit`);
}

export async function copyFormula(record: RunRecord, complexity: number, format: FormatChoice): Promise<void> {
  const row = rowAt(record, complexity);
  const text = formatExpression(row.expr, format, { names: record.features });
  await vscode.env.clipboard.writeText(text);
  const label = COPY_FORMATS.find((f) => f.format === format)?.label ?? format;
  vscode.window.setStatusBarMessage(`$(copy) Formula copied as ${label}`, 3000);
}

export async function exportFront(record: RunRecord): Promise<vscode.Uri | undefined> {
  if (record.front.length === 0) {
    notify('warning', 'Equation Discovery: this run has no formula to export yet.');
    return undefined;
  }
  const source = vscode.Uri.parse(record.sourceUri);
  const base = record.source.fileName.replace(/\.[^.]+$/, '');
  const defaultUri =
    source.scheme === 'untitled' ? undefined : vscode.Uri.joinPath(source, '..', `${base}.${record.target}.hall_of_fame.csv`);
  const uri = await vscode.window.showSaveDialog({
    ...(defaultUri ? { defaultUri } : {}),
    filters: { CSV: ['csv'] },
    title: 'Export Pareto Front',
    saveLabel: 'Export',
  });
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${frontCsv(record)}\n`));
  vscode.window.setStatusBarMessage(`$(export) Pareto front saved to ${uri.path.split('/').pop()}`, 4000);
  return uri;
}
