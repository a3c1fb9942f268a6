import { size } from '../engine/expressions/expression';
import { IslandGroup } from '../engine/search/islands';
import { polishFront } from '../engine/search/search';
import type {
  PolishedFormula,
  PolishRequest,
  SearchWorkerApi,
  SliceReport,
  SliceRequest,
  WorkerFault,
  WorkerInit,
} from './workerProtocol';

/**
 * What a search worker thread does, as a plain object: evolve its islands in time slices, and polish a
 * front at the end. The thread entry exposes it through comlink; tests can also call it directly.
 */
export class SearchWorker implements SearchWorkerApi {
  private group: IslandGroup | null = null;
  private stop: Int32Array | null = null;
  private fault: WorkerFault | undefined;
  private slices = 0;

  init(init: WorkerInit): void {
    this.group = new IslandGroup(
      { X: init.X, y: init.y, ...(init.weights ? { weights: init.weights } : {}) },
      init.options,
      init.islands,
      init.seed,
    );
    this.stop = new Int32Array(init.stopFlag);
    this.fault = init.fault;
  }

  runSlice(request: SliceRequest): SliceReport {
    const group = this.requireGroup();
    this.slices++;
    if (this.fault && this.slices === this.fault.failOnSlice) {
      if (this.fault.mode === 'exit') process.exit(3);
      throw new Error(`injected failure on slice ${this.slices}`);
    }
    group.receiveMigrants(request.migrants, request.fame);
    const deadline = performance.now() + request.budgetMs;
    const stop = this.stop!;
    const shouldStop = (): boolean => Atomics.load(stop, 0) !== 0 || performance.now() >= deadline;
    while (!shouldStop()) group.iterate(shouldStop);
    return {
      fame: group.hallOfFame.all().map(({ expr, loss }) => ({ expr, loss })),
      migrants: group.bestMigrants(),
      evaluations: group.scorer.evaluations,
      iterations: group.iterations,
    };
  }

  polish(request: PolishRequest): PolishedFormula[] {
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
