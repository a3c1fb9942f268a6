import * as vscode from 'vscode';

/** What the parts of the extension that run without VS Code (the run store) need to report problems. */
export interface Logger {
  warn(message: string): void;
  error(error: string | Error): void;
}

let channel: vscode.LogOutputChannel | undefined;

/** The extension's log (Output view > Equation Discovery), created when first written to. */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Equation Discovery', { log: true });
  return channel;
}

/** Closes the log; a later write opens a new one. */
export const logChannel: vscode.Disposable = {
  dispose: () => {
    channel?.dispose();
    channel = undefined;
  },
};
