import type * as vscode from 'vscode';
import type { EditorTracker } from './actions/editorTracker';
import type { DataFileMemory } from './input/dataFileMemory';
import type { ResultsController } from './results/resultsController';
import type { CurrentRunResolver } from './runs/currentRun';
import type { RunLifecycle } from './runs/runLifecycle';
import type { RunStore } from './runs/runStore';

/** The long-lived parts of the extension that commands work with. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly store: RunStore;
  readonly runs: RunLifecycle;
  /** The run a command acts on when it is not told which. */
  readonly currentRun: CurrentRunResolver;
  readonly results: ResultsController;
  readonly editors: EditorTracker;
  /** What is remembered per data file: columns chosen, description. */
  readonly memory: DataFileMemory;
}
