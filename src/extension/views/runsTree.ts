import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import type { RunLifecycle } from '../runs/runLifecycle';
import { runDate, type RunSummary } from '../runs/runRecord';
import type { RunStore } from '../runs/runStore';
import { runTooltip } from './runTooltip';

const STATUS_ICONS: Record<RunSummary['status'], vscode.ThemeIcon> = {
  running: new vscode.ThemeIcon('loading~spin'),
  finished: new vscode.ThemeIcon('pass'),
  cancelled: new vscode.ThemeIcon('debug-stop'),
  failed: new vscode.ThemeIcon('error'),
};

/** The Runs view: running and saved runs of this workspace, newest first; a click opens the results. */
export class RunsTreeProvider extends Disposable implements vscode.TreeDataProvider<RunSummary> {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly store: RunStore,
    private readonly runs: RunLifecycle,
  ) {
    super();
    this.register(store.onDidChange(() => this.changed.fire()));
    this.register(runs.onDidStart(() => this.changed.fire()));
    this.register(runs.onDidEnd(() => this.changed.fire()));
    this.register(runs.onDidRename(() => this.changed.fire()));
  }

  async getChildren(element?: RunSummary): Promise<RunSummary[]> {
    if (element) return [];
    const saved = await this.store.list();
    const running: RunSummary[] = this.runs.running.map((r) => ({ id: r.id, title: r.title, createdAt: r.createdAt, status: 'running' }));
    return [...running, ...saved.filter((s) => !running.some((r) => r.id === s.id))];
  }

  getTreeItem(run: RunSummary): vscode.TreeItem {
    const item = new vscode.TreeItem(run.title, vscode.TreeItemCollapsibleState.None);
    item.id = run.id;
    item.description = `${run.status === 'running' ? 'running' : runDate(run.createdAt)}`;
    item.iconPath = STATUS_ICONS[run.status];
    const tooltip = new vscode.MarkdownString(runTooltip(run));
    tooltip.supportHtml = false;
    tooltip.supportThemeIcons = false;
    tooltip.isTrusted = false;
    item.tooltip = tooltip;
    item.contextValue = run.status === 'running' ? 'runActive' : 'run';
    item.command = { command: 'equationDiscovery.openResults', title: 'Open Results', arguments: [run.id] };
    return item;
  }
}
