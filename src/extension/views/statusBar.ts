import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import type { RunLifecycle } from '../runs/runLifecycle';

/** A status bar item while a search runs; clicking it opens the run's results. */
export class SearchStatusBar extends Disposable {
  constructor(
    private readonly runs: RunLifecycle,
    private readonly item: vscode.StatusBarItem = vscode.window.createStatusBarItem(
      'equationDiscovery.search',
      vscode.StatusBarAlignment.Left,
      10,
    ),
  ) {
    super();
    this.register(item);
    item.name = 'Equation Discovery';
    this.register(runs.onDidStart(() => this.refresh()));
    this.register(runs.onDidProgress(() => this.refresh()));
    this.register(runs.onDidEnd(() => this.refresh()));
  }

  private refresh(): void {
    const running = this.runs.running;
    if (running.length === 0) {
      this.item.hide();
      return;
    }
    const run = running[0]!;
    const more = running.length > 1 ? ` (+${running.length - 1})` : '';
    const seconds = run.stats.seconds.toFixed(0);
    this.item.text = `$(loading~spin) ${run.target}: ${seconds} s${more}`;
    const others = running.length > 1 ? `, and ${running.length - 1} more search${running.length > 2 ? 'es' : ''}` : '';
    // Screen readers would read the icon's name ("loading~spin"): they get a sentence instead.
    this.item.accessibilityInformation = {
      label: `Equation Discovery: searching for ${run.target}, ${seconds} seconds${others}`,
      role: 'button',
    };
    this.item.tooltip = `Equation Discovery is searching for ${run.title} in ${run.source.fileName}. Click to show its results.`;
    this.item.command = { command: 'equationDiscovery.openResults', title: 'Show Results', arguments: [run.id] };
    this.item.show();
  }
}
