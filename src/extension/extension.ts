import * as vscode from 'vscode';
import { EditorTracker } from './actions/editorTracker';
import { discover } from './commands/discover';
import {
  deleteRun,
  describeDataset,
  exportFrontCommand,
  insertFormulaCommand,
  openPreviousRun,
  openResults,
  openSample,
  stopSearch,
} from './commands/runCommands';
import { ColumnMemory } from './input/columnChooser';
import { ResultsController } from './results/resultsController';
import { registerShowcase } from './showcase';
import { RunManager } from './runs/runManager';
import { RunStore } from './runs/runStore';
import type { RunView } from '../shared/protocol';
import type { Services } from './services';
import { SearchStatusBar } from './views/statusBar';
import { RunsTreeProvider } from './views/runsTree';

let runManager: RunManager | undefined;

/** What the extension offers other extensions (and its tests) through `activate`'s return value. */
export interface EquationDiscoveryApi {
  /** A run by id, running or saved. */
  getRun(id: string): Promise<RunView | undefined>;
  /** Resolves with the run once its search has ended, however it ended. */
  whenDone(id: string): Promise<RunView>;
  /** The id of the run the results panel shows, if it is open. */
  shownRun(): string | undefined;
}

export function activate(context: vscode.ExtensionContext): EquationDiscoveryApi {
  const store = new RunStore(vscode.Uri.joinPath(context.storageUri ?? context.globalStorageUri, 'runs'));
  const runs = new RunManager(store, vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath);
  runManager = runs;
  const editors = new EditorTracker();
  const results = new ResultsController(context.extensionUri, runs, editors);
  const services: Services = { context, store, runs, results, editors, columns: new ColumnMemory(context.workspaceState) };
  const runsTree = new RunsTreeProvider(store, runs);

  context.subscriptions.push(
    store,
    runs,
    editors,
    results,
    runsTree,
    new SearchStatusBar(runs),
    registerShowcase(context),
    vscode.window.registerTreeDataProvider('equationDiscovery.runs', runsTree),
    vscode.commands.registerCommand('equationDiscovery.discover', (first?: unknown, second?: unknown) =>
      discover(services, first, second),
    ),
    vscode.commands.registerCommand('equationDiscovery.openResults', (runId?: unknown) => openResults(services, runId)),
    vscode.commands.registerCommand('equationDiscovery.openPreviousRun', () => openPreviousRun(services)),
    vscode.commands.registerCommand('equationDiscovery.openSample', () => openSample(context)),
    vscode.commands.registerCommand('equationDiscovery.stopSearch', () => stopSearch(services)),
    vscode.commands.registerCommand('equationDiscovery.insertFormula', (args?: { runId?: string; complexity?: number }) =>
      insertFormulaCommand(services, args),
    ),
    vscode.commands.registerCommand('equationDiscovery.exportFront', () => exportFrontCommand(services)),
    vscode.commands.registerCommand('equationDiscovery.describeDataset', (text?: unknown) => describeDataset(services, text)),
    vscode.commands.registerCommand('equationDiscovery.deleteRun', (item?: { id: string }) =>
      deleteRun(services, item as Parameters<typeof deleteRun>[1]),
    ),
  );

  return {
    getRun: (id) => runs.get(id),
    whenDone: (id) =>
      new Promise<RunView>((resolve, reject) => {
        const check = async (): Promise<boolean> => {
          const record = await runs.get(id);
          if (!record) {
            reject(new Error(`no run ${id}`));
            return true;
          }
          if (record.status === 'running') return false;
          resolve(record);
          return true;
        };
        const listener = runs.onDidUpdateRun((r) => {
          if (r.id === id && r.status !== 'running') void check().then((done) => done && listener.dispose());
        });
        void check().then((done) => done && listener.dispose());
      }),
    shownRun: () => results.shownRun,
  };
}

/** Ends running searches: no worker thread outlives the extension. */
export async function deactivate(): Promise<void> {
  await runManager?.shutdown();
  runManager = undefined;
}
