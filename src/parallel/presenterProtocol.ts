/**
 * Messages between a run and its presenter thread, which turns the fronts a search reports into what the
 * results view shows (text, LaTeX, predictions on the plotted rows), so that the extension host's thread
 * never evaluates or formats a formula. The plotted rows are sent once, with `init`; each `present` then
 * carries only a front. `presenterProtocolChecks.ts` checks what arrives on each side.
 */

import type { PlottedFormula } from '../engine/front/plottedFormula';
import type { ScoredEntry } from '../engine/search/pareto';

export interface PresenterInit {
  /** Column names, by feature index. */
  names: string[];
  /** The plotted rows: one column per feature, `rows` values each. */
  columns: Float64Array[];
  rows: number;
}

export interface PresentRequest {
  /** A scored front in the user's units, as the search reports it. */
  front: ScoredEntry[];
}

/** Run -> presenter. */
export type PresenterRequest = ({ type: 'init' } & PresenterInit) | ({ type: 'present' } & PresentRequest);

/** Presenter -> run: the reply to each type of request. */
export interface PresenterReplies {
  init: void;
  present: PlottedFormula[];
}

export type PresenterRequestType = PresenterRequest['type'];
