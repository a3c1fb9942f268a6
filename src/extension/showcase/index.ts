import * as vscode from 'vscode';
import { registerShowcaseCommands } from './commands';
import { ShowcaseState } from './state';
import { ShowcaseView } from './view';

export { COMMANDS as SHOWCASE_COMMANDS, CONTEXT_KEYS as SHOWCASE_CONTEXT_KEYS, VIEW_ID as SHOWCASE_VIEW_ID } from './ids';
export type { ShowcaseSummary } from './summary';

let active: ShowcaseView | undefined;

/**
 * Sets up the Showcase view of the side bar: its tree, its commands and its context keys; grouping and filter are
 * remembered in the workspace state. Dispose the result (or let `context.subscriptions` do it) to remove it all.
 */
export function registerShowcase(context: vscode.ExtensionContext): vscode.Disposable {
  const state = new ShowcaseState(context.workspaceState);
  const view = new ShowcaseView(state);
  const commands = registerShowcaseCommands(state, view);
  active = view;
  return new vscode.Disposable(() => {
    commands.dispose();
    view.dispose();
    if (active === view) active = undefined;
  });
}

/**
 * Shows a showcase paper, given by id or link, in the Showcase view and selects it (clearing a filter that hides
 * it). Resolves with false when the view is not set up or the showcase has no such paper.
 */
export function revealPaper(ref: string, options: { focus?: boolean } = {}): Promise<boolean> {
  return active ? active.reveal(ref, options) : Promise.resolve(false);
}
