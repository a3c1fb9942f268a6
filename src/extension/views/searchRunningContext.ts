import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import { fireAndLog } from '../report';
import type { RunLifecycle } from '../runs/runLifecycle';

const KEY = 'equationDiscovery.searchRunning';

/** Keeps the `equationDiscovery.searchRunning` context key (which enables Stop Search) true while a search runs. */
export class SearchRunningContext extends Disposable {
  constructor(private readonly runs: RunLifecycle) {
    super();
    this.register(runs.onDidStart(() => this.update()));
    this.register(runs.onDidEnd(() => this.update()));
  }

  private update(): void {
    fireAndLog(vscode.commands.executeCommand('setContext', KEY, this.runs.running.length > 0), `setting the ${KEY} context key`);
  }
}
