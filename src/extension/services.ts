import type * as vscode from 'vscode';
import type { EditorTracker } from './actions/editorTracker';
import type { ColumnMemory } from './input/columnChooser';
import type { ResultsController } from './results/resultsController';
import type { RunManager } from './runs/runManager';
import type { RunStore } from './runs/runStore';

/** The long-lived parts of the extension that commands work with. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly store: RunStore;
  readonly runs: RunManager;
  readonly results: ResultsController;
  readonly editors: EditorTracker;
  readonly columns: ColumnMemory;
}
