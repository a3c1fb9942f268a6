/**
 * Messages between the search coordinator and its worker threads. The coordinator sends requests and pulls
 * progress by sending `runSlice` repeatedly (no callbacks cross the thread boundary); each request gets the
 * reply `WorkerReplies` names for its type. Comlink carries the calls; `workerProtocolChecks.ts` checks what
 * arrives on each side.
 */

import type { ResolvedOptions } from '../engine/options';
import type { Formula } from '../engine/search/formula';
import type { ScoredEntry } from '../engine/search/pareto';

export interface WorkerInit {
  X: Float64Array[];
  y: Float64Array;
  weights?: Float64Array;
  options: ResolvedOptions;
  islands: number;
  seed: number;
  /** Int32 flag set to 1 by the coordinator to stop every worker at once. */
  stopFlag: SharedArrayBuffer;
  /** Seed this worker's islands from the structure analyses; one worker does, the others get the seeds by migration. */
  structureAnalysis?: boolean;
}

export interface SliceRequest {
  /** How long to evolve before reporting back, unless stopped earlier. */
  budgetMs: number;
  /** The best formulas of the other workers' islands. */
  migrants: Formula[];
  /** The global Pareto front. */
  fame: Formula[];
}

export interface SliceReport {
  /** The worker's whole hall of fame (best per complexity). */
  fame: Formula[];
  migrants: Formula[];
  /** Evaluations since the worker started, in full-data units. */
  evaluations: number;
  iterations: number;
}

export interface PolishRequest {
  entries: Formula[];
  floor: number;
  /** Polishing stops refitting after this long and returns what it has; Infinity without a time limit. */
  budgetMs: number;
}

/** Coordinator -> worker. */
export type WorkerRequest =
  | ({ type: 'init' } & WorkerInit)
  | ({ type: 'runSlice' } & SliceRequest)
  | ({ type: 'polish' } & PolishRequest);

/** Worker -> coordinator: the reply to each type of request. */
export interface WorkerReplies {
  init: void;
  runSlice: SliceReport;
  /** The polished share's front, scored. */
  polish: ScoredEntry[];
}

export type WorkerRequestType = WorkerRequest['type'];

/** What a worker thread exposes through comlink. The coordinator checks each reply before use. */
export interface WorkerEndpoint {
  request(message: WorkerRequest): WorkerReplies[WorkerRequestType];
}
