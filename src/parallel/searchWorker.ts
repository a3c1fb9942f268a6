import { size } from '../engine/expressions/expression';
import { formulaOf } from '../engine/search/formula';
import { IslandGroup } from '../engine/search/islands';
import type { ScoredEntry } from '../engine/search/pareto';
import { polishFront } from '../engine/search/polish';
import { structureSeeds } from '../engine/search/structureSeeds';
import type { Handlers } from '../shared/messages';
import type {
  PolishRequest,
  SliceReport,
  SliceRequest,
  WorkerInit,
  WorkerReplies,
  WorkerRequest,
} from './workerProtocol';

/**
 * What a search worker thread does, as a plain object: evolve its islands in time slices, and polish a
 * front at the end. The thread entry serves it through `searchWorkerHandlers`; tests can also call it directly.
 */
export class SearchWorker {
  private group: IslandGroup | null = null;
  private stop: Int32Array | null = null;
  /** Whether the first slice starts with the structure analyses. */
  private seedsPending = false;

  init(init: WorkerInit): void {
    this.group = new IslandGroup(
      { X: init.X, y: init.y, ...(init.weights ? { weights: init.weights } : {}) },
      init.options,
      init.islands,
      init.seed,
    );
    this.stop = new Int32Array(init.stopFlag);
    this.seedsPending = init.structureAnalysis === true;
  }

  runSlice(request: SliceRequest): SliceReport {
    const group = this.requireGroup();
    group.receiveMigrants(request.migrants, request.fame);
    const deadline = performance.now() + request.budgetMs;
    const stop = this.stop!;
    const shouldStop = (): boolean => Atomics.load(stop, 0) !== 0 || performance.now() >= deadline;
    if (this.seedsPending) {
      // In the first slice rather than in init, so the other workers evolve while this one analyses.
      this.seedsPending = false;
      group.seed(structureSeeds(group.scorer.data, group.options));
    }
    while (!shouldStop()) group.iterate(shouldStop);
    return {
      fame: group.hallOfFame.all().map(formulaOf),
      migrants: group.bestMigrants(),
      evaluations: group.scorer.evaluations,
      iterations: group.iterations,
    };
  }

  polish(request: PolishRequest): ScoredEntry[] {
    const group = this.requireGroup();
    const entries = request.entries.map((e) => ({ expr: e.expr, loss: e.loss, complexity: size(e.expr) }));
    const deadline = performance.now() + request.budgetMs;
    const front = polishFront(entries, group.scorer, group.options, request.floor, () => performance.now() >= deadline);
    return front.map((e) => ({ expr: e.expr, loss: e.loss, complexity: e.complexity, score: e.score, best: e.best }));
  }

  private requireGroup(): IslandGroup {
    if (!this.group) throw new Error('search worker used before init');
    return this.group;
  }
}

export type SearchWorkerHandlers = Handlers<WorkerRequest, WorkerReplies>;

/** A worker's handler of each request type. */
export function searchWorkerHandlers(worker: SearchWorker): SearchWorkerHandlers {
  return {
    init: (request) => worker.init(request),
    runSlice: (request) => worker.runSlice(request),
    polish: (request) => worker.polish(request),
  };
}
