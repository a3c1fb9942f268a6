import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import { fireAndLog } from '../report';
import type { RunLifecycle } from '../runs/runLifecycle';
import type { RunRecord } from '../runs/runRecord';
import { progressText } from './progressText';

/** What the notification needs of `vscode.window`. */
export type WithProgress = typeof vscode.window.withProgress;

/** A progress notification per running search, with a Cancel button that stops it; it closes when the run ends. */
export class ProgressNotifications extends Disposable {
  /** Closes the notification of each run still shown. */
  private readonly open = new Set<() => void>();

  constructor(
    private readonly runs: RunLifecycle,
    private readonly withProgress: WithProgress = (options, task) => vscode.window.withProgress(options, task),
  ) {
    super();
    this.register(runs.onDidStart((record) => this.show(record)));
    this.register({ dispose: () => [...this.open].forEach((close) => close()) });
  }

  private show(record: RunRecord): void {
    let report: ((message: string) => void) | undefined;
    let close!: () => void;
    // Listening from the start, before the notification exists, so that no report nor the end is missed.
    const closed = new Promise<void>((resolve) => {
      const listeners = [
        this.runs.onDidProgress((r) => {
          if (r.id === record.id) report?.(progressText(r));
        }),
        this.runs.onDidEnd((r) => {
          if (r.id === record.id) close();
        }),
      ];
      close = () => {
        for (const listener of listeners) listener.dispose();
        this.open.delete(close);
        resolve();
      };
    });
    this.open.add(close);
    const shown = this.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Discovering ${record.target}`, cancellable: true },
      async (progress, token) => {
        report = (message) => progress.report({ message });
        const cancellation = token.onCancellationRequested(() => this.runs.stop(record.id));
        try {
          await closed;
        } finally {
          cancellation.dispose();
        }
      },
    );
    fireAndLog(shown, `showing the progress of ${record.title}`);
  }
}
