import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import { fireAndLog } from '../report';
import type { RunLifecycle } from '../runs/runLifecycle';
import type { RunRecord } from '../runs/runRecord';
import { progressText } from './progressText';

/** What the notification needs of `vscode.window`. */
export type WithProgress = typeof vscode.window.withProgress;

/** An open notification: where its reports go, and how it is closed. */
interface OpenNotification {
  report(message: string): void;
  close(): void;
}

/**
 * A progress notification, with a Cancel button that stops the search, for each running search the results
 * view does not show: the view has its own progress and Stop button, and a notification over it would cover
 * the bottom of its table. The notification opens at a report of the run while the view shows another run or
 * is closed (not at the start: the view that a new run opens in is shown just after), closes once the view
 * shows the run, and closes when the run ends.
 */
export class ProgressNotifications extends Disposable {
  private readonly open = new Map<string, OpenNotification>();

  constructor(
    private readonly runs: RunLifecycle,
    private readonly shownInView: (runId: string) => boolean = () => false,
    private readonly withProgress: WithProgress = (options, task) => vscode.window.withProgress(options, task),
  ) {
    super();
    this.register(runs.onDidProgress((record) => this.update(record)));
    this.register(runs.onDidEnd((record) => this.open.get(record.id)?.close()));
    this.register({ dispose: () => [...this.open.values()].forEach((n) => n.close()) });
  }

  private update(record: RunRecord): void {
    const notification = this.open.get(record.id);
    if (this.shownInView(record.id)) notification?.close();
    else if (notification) notification.report(progressText(record));
    else if (this.runs.isRunning(record.id)) {
      this.show(record);
      this.open.get(record.id)?.report(progressText(record));
    }
  }

  private show(record: RunRecord): void {
    let report: ((message: string) => void) | undefined;
    let pending: string | undefined;
    let resolveClosed!: () => void;
    const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
    this.open.set(record.id, {
      report: (message) => (report ? report(message) : (pending = message)),
      close: () => {
        this.open.delete(record.id);
        resolveClosed();
      },
    });
    const shown = this.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Discovering ${record.target}`, cancellable: true },
      async (progress, token) => {
        report = (message) => progress.report({ message });
        if (pending !== undefined) report(pending);
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
