/**
 * Messages exchanged between the extension and the results webview. Both sides import these types, so a
 * message that one side sends and the other does not understand is a compile error.
 */

/** One formula of a Pareto front, as the results view shows it. */
export interface FrontRow {
  complexity: number;
  loss: number;
  score: number;
  best: boolean;
  /** Canonical mathjs text over the column names. */
  expression: string;
  latex: string;
  /** Predictions on the plotted rows (`RunView.plotRows`), or null where the formula is invalid there. */
  predictions: number[] | null;
}

export type RunStatus = 'running' | 'finished' | 'cancelled' | 'failed';

export interface RunStats {
  evaluations: number;
  evaluationsPerSecond: number;
  seconds: number;
  stoppedBy?: string;
}

export interface RelatedPaper {
  title: string;
  link: string;
  year: number;
  score: number;
  reasons: string[];
}

/** Everything the results view shows about one run. */
export interface RunView {
  id: string;
  title: string;
  createdAt: string;
  status: RunStatus;
  error?: string;
  source: { fileName: string; rows: number; droppedRows: number };
  target: string;
  features: string[];
  /** A subsample of the data for plots: feature columns and the target, aligned by row. */
  plotRows: { features: number[][]; target: number[] };
  front: FrontRow[];
  stats: RunStats;
  related: RelatedPaper[];
}

export type FormatChoice = 'mathjs' | 'latex' | 'python' | 'javascript' | 'c' | 'julia' | 'rust' | 'matlab' | 'r';

/** Extension -> webview. */
export type ToWebview =
  | { type: 'showRun'; run: RunView; selectedComplexity?: number }
  | { type: 'updateRun'; id: string; status: RunStatus; front: FrontRow[]; stats: RunStats; error?: string }
  | { type: 'showEmpty' };

/** Webview -> extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'selected'; complexity: number }
  | { type: 'insert'; complexity: number }
  | { type: 'copy'; complexity: number; format: FormatChoice }
  | { type: 'export' }
  | { type: 'cancel' }
  | { type: 'openLink'; url: string }
  | { type: 'runCommand'; command: 'equationDiscovery.discover' | 'equationDiscovery.openSample' };

/** State the webview persists with `setState` so a hidden or reloaded panel comes back as it was. */
export interface WebviewPersistedState {
  runId?: string;
  selectedComplexity?: number;
}
