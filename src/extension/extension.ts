import * as vscode from 'vscode';
import { EditorTracker } from './actions/editorTracker';
import { discover } from './commands/discover';
import {
  deleteRun,
  renameRun,
  describeDataset,
  exportFrontCommand,
  insertFormulaCommand,
  openPreviousRun,
  openResults,
  openSample,
  stopSearch,
} from './commands/runCommands';
import { DataFileMemory } from './input/dataFileMemory';
import { log, logChannel } from './log';
import { ResultsController } from './results/resultsController';
import { registerShowcase } from './showcase';
import { CurrentRunResolver } from './runs/currentRun';
import { RunLifecycle } from './runs/runLifecycle';
import { RunStore } from './runs/runStore';
import { parallelSearchStarter } from './runs/startSearch';
import { workspaceStoreFolder } from './runs/workspaceStoreFolder';
import type { RunView } from '../shared/webviewProtocol';
import type { Services } from './services';
import { ProgressNotifications } from './views/progressNotification';
import { RunMessages } from './views/runMessages';
import { RunsTreeProvider } from './views/runsTree';
import { SearchRunningContext } from './views/searchRunningContext';
import { SearchStatusBar } from './views/statusBar';

let lifecycle: RunLifecycle | undefined;

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
  const script = (name: string): string => vscode.Uri.joinPath(context.extensionUri, 'dist', name).fsPath;
  const runs = new RunLifecycle(store, parallelSearchStarter({ worker: script('worker.js'), presenter: script('presenter.js') }), log());
  lifecycle = runs;
  const editors = new EditorTracker();
  const results = new ResultsController(context.extensionUri, runs, editors);
  const currentRun = new CurrentRunResolver({
    shownRun: () => results.shownRun,
    runningRuns: () => runs.running.map((r) => r.id),
    savedRuns: async () => (await store.list()).map((s) => s.id),
    load: (id) => runs.get(id),
  });
  const memory = new DataFileMemory(context.workspaceState, log());
  const services: Services = { context, store, runs, currentRun, results, editors, memory };
  const runsTree = new RunsTreeProvider(store, runs);

  context.subscriptions.push(
    store,
    runs,
    editors,
    results,
    runsTree,
    new ProgressNotifications(runs, (runId) => results.shownRun === runId),
    new SearchStatusBar(runs),
    new SearchRunningContext(runs),
    new RunMessages(runs),
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
    vscode.commands.registerCommand('equationDiscovery.renameRun', (item?: unknown, title?: unknown) => renameRun(services, item, title)),
  );

  return {
    getRun: (id) => runs.get(id),
    whenDone: (id) => runs.whenEnded(id),
    shownRun: () => results.shownRun,
  };
}

/** Ends running searches and waits for their saves: no worker thread outlives the extension, no run is lost. */
export async function deactivate(): Promise<void> {
  try {
    await lifecycle?.shutdown();
  } finally {
    lifecycle = undefined;
    // Last, so that what the shutdown reports is still logged.
    logChannel.dispose();
  }
}
