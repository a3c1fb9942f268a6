import * as vscode from 'vscode';
import { formatForLanguageId } from '../../engine/expressions/formats';
import { Disposable } from '../disposable';

/**
 * Remembers the text editors the user worked in, most recent first. Clicking into a webview leaves no active
 * text editor, so "Insert into editor" needs to know which one was active before.
 */
export class EditorTracker extends Disposable {
  private recent: vscode.TextEditor[] = [];

  constructor() {
    super();
    this.note(vscode.window.activeTextEditor);
    this.register(vscode.window.onDidChangeActiveTextEditor((e) => this.note(e)));
    this.register(
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.recent = this.recent.filter((e) => e.document !== d);
      }),
    );
  }

  private note(editor: vscode.TextEditor | undefined): void {
    if (!editor || editor.document.uri.scheme === 'output') return;
    this.recent = [editor, ...this.recent.filter((e) => e !== editor)].slice(0, 20);
  }

  /** Documents of the editors used, most recent first. */
  recentDocuments(): vscode.TextDocument[] {
    return this.recent.map((e) => e.document).filter((d) => !d.isClosed);
  }

  /** The most recent editor whose language a formula can be written in (data files are skipped). */
  lastCodeEditor(): vscode.TextEditor | undefined {
    const visible = new Set(vscode.window.visibleTextEditors);
    const candidates = this.recent.filter((e) => !e.document.isClosed && formatForLanguageId(e.document.languageId));
    // Prefer an editor that is still on screen: the one the user is looking at.
    return candidates.find((e) => visible.has(e)) ?? candidates[0];
  }
}
