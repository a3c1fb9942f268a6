import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import type { RunManager } from '../runs/runManager';

/** A status bar item while a search runs; clicking it opens the run's results. */
export class SearchStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('equationDiscovery.search', vscode.StatusBarAlignment.Left, 10));

  constructor(private readonly runs: RunManager) {
    super();
    this.item.name = 'Equation Discovery';
    this.register(runs.onDidUpdateRun(() => this.refresh()));
  }

  private refresh(): void {
    const running = this.runs.running;
    if (running.length === 0) {
      this.item.hide();
      return;
    }
    const run = running[0]!;
    const more = running.length > 1 ? ` (+${running.length - 1})` : '';
    this.item.text = `$(loading~spin) ${run.target}: ${run.stats.seconds.toFixed(0)} s${more}`;
    this.item.tooltip = `Equation Discovery is searching for ${run.title} in ${run.source.fileName}. Click to show its results.`;
    this.item.command = { command: 'equationDiscovery.openResults', title: 'Show Results', arguments: [run.id] };
    this.item.show();
  }
}
