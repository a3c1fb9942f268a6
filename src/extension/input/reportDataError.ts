import * as vscode from 'vscode';
import type { DataError } from '../../data';
import { ask } from '../report';

/**
 * Shows a data problem in one line, with a button that opens the document at the offending line and column
 * when the error has a location.
 */
export async function reportDataError(error: DataError, source: vscode.Uri | undefined): Promise<void> {
  const show = 'Show Location';
  const located = source !== undefined && error.line !== undefined;
  const choice = await ask('error', `Equation Discovery: ${error.message}`, ...(located ? [show] : []));
  if (choice !== show || !source || error.line === undefined) return;
  const document = await vscode.workspace.openTextDocument(source);
  const line = Math.min(error.line - 1, document.lineCount - 1);
  const column = Math.max((error.column ?? 1) - 1, 0);
  const position = new vscode.Position(line, column);
  const editor = await vscode.window.showTextDocument(document);
  editor.selection = new vscode.Selection(position, document.lineAt(line).range.end);
  editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
