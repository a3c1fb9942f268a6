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
import { log, logChannel } from './log';
import { ResultsController } from './results/resultsController';
import { registerShowcase } from './showcase';
import { RunManager } from './runs/runManager';
import { RunStore } from './runs/runStore';
import { workspaceStoreFolder } from './runs/workspaceStoreFolder';
import type { RunView } from '../shared/webviewProtocol';
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
  const folder = vscode.Uri.joinPath(context.storageUri ?? context.globalStorageUri, 'runs');
  const store = new RunStore(workspaceStoreFolder(folder), log());
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
    vscode.commands.registerCommand('equationDiscovery.insertFormula', (args?: unknown) => insertFormulaCommand(services, args)),
    vscode.commands.registerCommand('equationDiscovery.exportFront', () => exportFrontCommand(services)),
    vscode.commands.registerCommand('equationDiscovery.describeDataset', (text?: unknown) => describeDataset(services, text)),
    vscode.commands.registerCommand('equationDiscovery.deleteRun', (item?: unknown) => deleteRun(services, item)),
  );

  return {
    getRun: (id) => runs.get(id),
    whenDone: (id) => whenDone(runs, id),
    shownRun: () => results.shownRun,
  };
}

async function whenDone(runs: RunManager, id: string): Promise<RunView> {
  let listener: vscode.Disposable | undefined;
  // Listening before looking, so that an end between the two is not missed.
  const ended = new Promise<void>((resolve) => {
    listener = runs.onDidUpdateRun((r) => {
      if (r.id === id && r.status !== 'running') resolve();
    });
  });
  try {
    const record = await runs.get(id);
    if (!record) throw new Error(`no run ${id}`);
    if (runs.isRunning(id)) await ended;
    return record;
  } finally {
    listener?.dispose();
  }
}

/** Ends running searches and waits for their saves: no worker thread outlives the extension, no run is lost. */
export async function deactivate(): Promise<void> {
  try {
    await runManager?.shutdown();
  } finally {
    runManager = undefined;
    // Last, so that what the shutdown reports is still logged.
    logChannel.dispose();
  }
}
