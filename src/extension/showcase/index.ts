import * as vscode from 'vscode';
import { registerShowcaseCommands } from './commands';
import { ShowcaseState } from './state';
import { ShowcaseView } from './view';

/**
 * Sets up the Showcase view of the side bar: its tree, its commands and its context keys; grouping and filter are
 * remembered in the workspace state. Dispose the result (or let `context.subscriptions` do it) to remove it all.
 */
export function registerShowcase(context: vscode.ExtensionContext): vscode.Disposable {
  const state = new ShowcaseState(context.workspaceState);
  const view = new ShowcaseView(state);
  const commands = registerShowcaseCommands(state, view);
  return new vscode.Disposable(() => {
    commands.dispose();
    view.dispose();
  });
}

