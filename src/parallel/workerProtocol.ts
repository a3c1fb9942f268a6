/**
 * Messages between the search coordinator and its worker threads. Workers expose `SearchWorkerApi` through
 * comlink; the coordinator pulls progress by calling `runSlice` repeatedly (a pull API: no callbacks cross
 * the thread boundary).
 */

import type { Expr } from '../engine/expressions/expression';
import type { ResolvedOptions } from '../engine/options';

/** A formula and its loss on all rows, as it travels between threads. */
export interface WireFormula {
  expr: Expr;
  loss: number;
}

/** Test-only fault injection: makes a worker fail on its n-th slice, to exercise the pool's recovery. */
export interface WorkerFault {
  failOnSlice: number;
  mode: 'throw' | 'exit';
}

export interface WorkerInit {
  X: Float64Array[];
  y: Float64Array;
  weights?: Float64Array;
  options: ResolvedOptions;
  islands: number;
  seed: number;
  /** Int32 flag set to 1 by the coordinator to stop every worker at once. */
  stopFlag: SharedArrayBuffer;
  fault?: WorkerFault;
}

export interface SliceRequest {
  /** How long to evolve before reporting back, unless stopped earlier. */
  budgetMs: number;
  /** The best formulas of the other workers' islands. */
  migrants: WireFormula[];
  /** The global Pareto front. */
  fame: WireFormula[];
}

export interface SliceReport {
  /** The worker's whole hall of fame (best per complexity). */
  fame: WireFormula[];
  migrants: WireFormula[];
  /** Evaluations since the worker started, in full-data units. */
  evaluations: number;
  iterations: number;
}

export interface PolishRequest {
  entries: WireFormula[];
  floor: number;
  /** Polishing stops refitting after this long and returns what it has. */
  budgetMs: number;
}

export interface PolishedFormula extends WireFormula {
  complexity: number;
  score: number;
  best: boolean;
}

export interface SearchWorkerApi {
  init(init: WorkerInit): void;
  runSlice(request: SliceRequest): SliceReport;
  polish(request: PolishRequest): PolishedFormula[];
}
