import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import { fireAndLog } from '../report';
import type { RunLifecycle } from '../runs/runLifecycle';

export const SEARCH_RUNNING_KEY = 'equationDiscovery.searchRunning';

export type SetContext = (key: string, value: boolean) => Thenable<unknown>;

/** Keeps the `equationDiscovery.searchRunning` context key (which enables Stop Search) true while a search runs. */
export class SearchRunningContext extends Disposable {
  constructor(
    private readonly runs: RunLifecycle,
    private readonly setContext: SetContext = (key, value) => vscode.commands.executeCommand('setContext', key, value),
  ) {
    super();
    this.register(runs.onDidStart(() => this.update()));
    this.register(runs.onDidEnd(() => this.update()));
  }

  private update(): void {
    fireAndLog(this.setContext(SEARCH_RUNNING_KEY, this.runs.running.length > 0), `setting the ${SEARCH_RUNNING_KEY} context key`);
  }
}
