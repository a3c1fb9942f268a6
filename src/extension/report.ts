import * as vscode from 'vscode';
import { defuseLinks, errorText } from './literal';
import { log } from './log';

export type MessageKind = 'error' | 'warning' | 'info';

function show(kind: MessageKind, message: string, actions: string[]): Thenable<string | undefined> {
  if (kind === 'error') return vscode.window.showErrorMessage(message, ...actions);
  if (kind === 'warning') return vscode.window.showWarningMessage(message, ...actions);
  return vscode.window.showInformationMessage(message, ...actions);
}

/**
 * Shows a notification and resolves with the action the user picked, if any. The text is shown as written
 * (no links), and the promise never rejects: a notification that cannot be shown is logged.
 */
export function ask(kind: MessageKind, message: string, ...actions: string[]): Promise<string | undefined> {
  return Promise.resolve(show(kind, defuseLinks(message), actions)).catch((error: unknown) => {
    log().error(`could not show the message "${message}": ${errorText(error)}`);
    return undefined;
  });
}

/** Shows a notification without waiting for it to be dismissed. */
export function notify(kind: MessageKind, message: string): void {
  // `ask` never rejects, and nothing waits for the user to dismiss the message.
  void ask(kind, message);
}

/** Lets `promise` run on; if it rejects, the error is logged with what was being done. */
export function fireAndLog(promise: PromiseLike<unknown>, what: string): void {
  promise.then(undefined, (error: unknown) => log().error(`${what}: ${errorText(error)}`));
}

/** Lets `promise` run on; if it rejects, the user is told what failed and why, and the error is logged. */
export function fireAndReport(promise: PromiseLike<unknown>, what: string): void {
  promise.then(undefined, (error: unknown) => {
    log().error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    notify('error', `Equation Discovery: ${what} failed: ${errorText(error)}`);
  });
}
