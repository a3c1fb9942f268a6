import * as vscode from 'vscode';
import { dispatch, type Each, type Handlers } from '../../shared/messages';
import type { FromWebview, FrontRow, RunView } from '../../shared/webviewProtocol';
import { copyFormula, exportFront, insertFormula } from '../actions/formulaActions';
import type { EditorTracker } from '../actions/editorTracker';
import { Disposable } from '../disposable';
import { fireAndReport } from '../report';
import type { RunLifecycle } from '../runs/runLifecycle';
import type { RunRecord } from '../runs/runStore';
import { ResultsPanel, RESULTS_VIEW_TYPE } from './resultsPanel';
import { restoredView } from './restoredState';

/** What each request of the page is, for the message shown when it fails. */
const ACTIVITIES: Record<FromWebview['type'], string> = {
  ready: 'showing the run',
  selected: 'selecting the formula',
  insert: 'inserting the formula',
  copy: 'copying the formula',
  export: 'exporting the front',
  cancel: 'stopping the search',
  openLink: 'opening the link',
  runCommand: 'running the command',
};

/** A front as the webview gets it: without the trees, which only the extension uses. */
function frontRowsOf(front: RunRecord['front']): FrontRow[] {
  return front.map(({ expr: _expr, ...row }) => row);
}

/** Strips what only the extension needs from a record before it goes to the webview. */
function viewOf(record: RunRecord): RunView {
  const { sourceUri: _sourceUri, front, ...view } = record;
  return { ...view, front: frontRowsOf(front) };
}

/**
 * Decides what the results panel shows and carries out what the user asks there (insert, copy, export,
 * stop, open a paper). One panel shows one run at a time; a live run updates it as the search goes on.
 */
export class ResultsController extends Disposable {
  private shownRunId: string | undefined;
  private selected = new Map<string, number>();
  /** The plotted rows the page last got in full: new ones (wider data) need a whole `showRun`. */
  private sentPlotRows: RunView['plotRows'] | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly runs: RunLifecycle,
    private readonly editors: EditorTracker,
  ) {
    super();
    this.register(
      vscode.window.registerWebviewPanelSerializer(RESULTS_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
          const restored = restoredView(state);
          this.shownRunId = restored.runId;
          if (restored.runId && restored.selectedComplexity !== undefined) {
            this.selected.set(restored.runId, restored.selectedComplexity);
          }
          ResultsPanel.adopt(panel, this.extensionUri, (p) => this.wire(p));
        },
      }),
    );
    for (const event of [runs.onDidProgress, runs.onDidEnd, runs.onDidDescribe]) {
      this.register(event((record) => this.onRunUpdated(record)));
    }
    this.register(
      runs.onDidRename((record) => {
        const panel = ResultsPanel.active;
        if (panel && record.id === this.shownRunId) fireAndReport(this.sendWholeState(panel), 'showing the run');
      }),
    );
    this.register({ dispose: () => ResultsPanel.active?.dispose() });
  }

  get shownRun(): string | undefined {
    return ResultsPanel.active ? this.shownRunId : undefined;
  }

  /** The complexity of the formula the user last selected in the view for this run. */
  selectedComplexity(runId: string): number | undefined {
    return this.selected.get(runId);
  }

  /** Opens the panel on a run (or on the empty state when there is none). */
  show(runId: string | undefined): void {
    const switching = runId !== this.shownRunId;
    this.shownRunId = runId;
    const panel = ResultsPanel.show(this.extensionUri, (p) => this.wire(p));
    if (switching) fireAndReport(this.sendWholeState(panel), 'showing the run');
  }

  private wire(panel: ResultsPanel): void {
    const handlers = this.requestHandlers(panel);
    panel.onMessage((message) => fireAndReport(dispatch(handlers, message), ACTIVITIES[message.type]));
  }

  private async sendWholeState(panel: ResultsPanel): Promise<void> {
    const record = this.shownRunId ? await this.runs.get(this.shownRunId) : undefined;
    if (!record) {
      panel.post({ type: 'showEmpty' });
      return;
    }
    const selectedComplexity = this.selected.get(record.id);
    this.sentPlotRows = record.plotRows;
    panel.post({ type: 'showRun', run: viewOf(record), ...(selectedComplexity !== undefined ? { selectedComplexity } : {}) });
  }

  private onRunUpdated(record: RunRecord): void {
    const panel = ResultsPanel.active;
    if (!panel || record.id !== this.shownRunId) return;
    if (record.plotRows !== this.sentPlotRows) {
      // The front started using features whose values the page does not have yet.
      fireAndReport(this.sendWholeState(panel), 'showing the run');
      return;
    }
    panel.post({
      type: 'updateRun',
      id: record.id,
      status: record.status,
      front: frontRowsOf(record.front),
      stats: record.stats,
      ...(record.error ? { error: record.error } : {}),
    });
    if (record.status !== 'running') {
      panel.post({
        type: 'updateRelated',
        id: record.id,
        related: record.related,
        ...(record.description ? { description: record.description } : {}),
      });
    }
  }

  private async shownRecord(): Promise<RunRecord> {
    const record = this.shownRunId ? await this.runs.get(this.shownRunId) : undefined;
    if (!record) throw new Error('the run shown in the results view is no longer available');
    return record;
  }

  /** What the controller does on each request of the page in `panel`. */
  private requestHandlers(panel: ResultsPanel): Handlers<FromWebview, Each<FromWebview, Promise<void>>> {
    return {
      ready: () => this.sendWholeState(panel),
      selected: async ({ complexity }) => {
        if (this.shownRunId) this.selected.set(this.shownRunId, complexity);
      },
      insert: async ({ complexity }) => insertFormula(await this.shownRecord(), complexity, this.editors),
      copy: async ({ complexity, format }) => copyFormula(await this.shownRecord(), complexity, format),
      export: async () => {
        await exportFront(await this.shownRecord());
      },
      cancel: async () => {
        if (this.shownRunId) this.runs.stop(this.shownRunId);
      },
      openLink: async ({ url }) => {
        const uri = vscode.Uri.parse(url);
        if (uri.scheme === 'https' || uri.scheme === 'http') await vscode.env.openExternal(uri);
      },
      runCommand: async ({ command }) => {
        await vscode.commands.executeCommand(command);
      },
    };
  }
}
