/**
 * Messages exchanged between the extension and the results webview. Both sides import these types, so a
 * message that one side sends and the other does not understand is a compile error; the checks in
 * `webviewProtocolChecks.ts` make them hold at run time.
 */

import type { PlottedFormula } from '../engine/front/plottedFormula';
import type { RunOptions } from '../engine/options/runSummary';

/**
 * One formula of a Pareto front, as the results view shows it: the engine's record without its tree, which
 * only the extension uses (insert, copy, related research). `predictions` are on `RunView.plotRows`.
 */
export type FrontRow = Omit<PlottedFormula, 'expr'>;

export type RunStatus = 'running' | 'finished' | 'cancelled' | 'failed';

/** A run's status as every view names it. */
export const RUN_STATUS_LABELS: Readonly<Record<RunStatus, string>> = {
  running: 'Running',
  finished: 'Finished',
  cancelled: 'Stopped',
  failed: 'Failed',
};

export interface RunStats {
  evaluations: number;
  evaluationsPerSecond: number;
  seconds: number;
  stoppedBy?: string;
  /** Search workers that failed while the others went on: what each failure was. */
  workerFailures?: string[];
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
  /** Short name of the run, e.g. "v from D — real-hubble-1929.csv". */
  title: string;
  /** ISO date and time the run started. */
  createdAt: string;
  status: RunStatus;
  error?: string;
  /** Where the data came from; `selection` names the line range when the input was a selection. */
  source: { fileName: string; selection?: string; rows: number; droppedRows: number };
  target: string;
  features: string[];
  /**
   * Smallest and largest value of each feature over all rows used, aligned with `features`; empty for runs
   * saved before ranges were recorded.
   */
  featureRanges: [number, number][];
  /** The user's one-line description of the data, used to match related research. */
  description?: string;
  /** The options the run used; runs saved before `auto` was recorded say `0` workers for it. */
  options: RunOptions;
  /**
   * A subsample of the data for plots (at most a few thousand rows): one array per feature, and the target,
   * aligned by row. On wide data only some features are kept (those the front uses first); the others have
   * an empty array.
   */
  plotRows: { features: number[][]; target: number[] };
  front: FrontRow[];
  stats: RunStats;
  related: RelatedPaper[];
}

export type FormatChoice = 'mathjs' | 'latex' | 'python' | 'javascript' | 'c' | 'julia' | 'rust' | 'matlab' | 'r';

/** The formats offered by "Copy as", with their labels. */
export const COPY_FORMATS: readonly { format: FormatChoice; label: string }[] = [
  { format: 'python', label: 'Python (NumPy)' },
  { format: 'javascript', label: 'JavaScript / TypeScript' },
  { format: 'c', label: 'C / C++' },
  { format: 'julia', label: 'Julia' },
  { format: 'rust', label: 'Rust' },
  { format: 'matlab', label: 'MATLAB / Octave' },
  { format: 'r', label: 'R' },
  { format: 'latex', label: 'LaTeX' },
  { format: 'mathjs', label: 'Plain text (mathjs)' },
];

/** The commands the results page may ask the extension to run; no other command id is accepted from it. */
export const WEBVIEW_COMMANDS = [
  'equationDiscovery.discover',
  'equationDiscovery.openSample',
  'equationDiscovery.describeDataset',
] as const;

export type WebviewCommand = (typeof WEBVIEW_COMMANDS)[number];

/** Extension -> webview. */
export type ToWebview =
  /** Replaces the whole view with this run (on open, on reload, on switching runs). */
  | { type: 'showRun'; run: RunView; selectedComplexity?: number }
  /** Live update of the run being shown; the view keeps its selection and scroll position. */
  | { type: 'updateRun'; id: string; status: RunStatus; front: FrontRow[]; stats: RunStats; error?: string }
  /** New related research for the run being shown (after its description changed or the search ended). */
  | { type: 'updateRelated'; id: string; related: RelatedPaper[]; description?: string }
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
  | { type: 'runCommand'; command: WebviewCommand };

/** State the webview persists with `setState` so a hidden or reloaded panel comes back as it was. */
export interface WebviewPersistedState {
  runId?: string;
  /** Set only once the user has picked a formula; until then the view follows the run's best formula. */
  selectedComplexity?: number;
  /** The format last chosen in "Copy as". */
  copyFormat?: FormatChoice;
  /** The feature the data-against-feature plot shows, when the run has several. */
  plotFeature?: string;
}
