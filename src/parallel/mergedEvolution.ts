import { size } from '../engine/expressions/expression';
import type { Formula } from '../engine/search/formula';
import { HallOfFame } from '../engine/search/hallOfFame';
import type { EvolutionState } from '../engine/search/pipeline';
import type { WorkerHandle } from './workerHandle';
import type { SliceReport } from './workerProtocol';

/** Most migrants sent to one worker per slice. */
const MAX_MIGRANTS = 64;

/**
 * What the workers have evolved, merged from their slice reports: one hall of fame, the evaluations of all,
 * the iterations of the slowest live one. The pipeline's view of an evolve stage spread over workers.
 */
export class MergedEvolution implements EvolutionState {
  readonly hallOfFame: HallOfFame;
  private readonly reports = new Map<number, SliceReport>();

  constructor(
    maxSize: number,
    private readonly handles: readonly WorkerHandle[],
  ) {
    this.hallOfFame = new HallOfFame(maxSize);
  }

  get evaluations(): number {
    let total = 0;
    for (const r of this.reports.values()) total += r.evaluations;
    return total;
  }

  get iterations(): number {
    let least = Number.POSITIVE_INFINITY;
    for (const h of this.handles) if (h.alive) least = Math.min(least, this.reports.get(h.id)?.iterations ?? 0);
    return Number.isFinite(least) ? least : 0;
  }

  /** Takes in a worker's latest slice report: its counts, and its hall of fame into the merged one. */
  record(worker: number, report: SliceReport): void {
    this.reports.set(worker, report);
    for (const f of report.fame) this.hallOfFame.consider({ expr: f.expr, loss: f.loss, complexity: size(f.expr) });
  }

  /** The best formulas the other workers last offered, for `worker`'s next slice. */
  migrantsFor(worker: number): Formula[] {
    const pool: Formula[] = [];
    for (const [id, report] of this.reports) if (id !== worker) pool.push(...report.migrants);
    if (pool.length <= MAX_MIGRANTS) return pool;
    return pool.sort((a, b) => a.loss - b.loss).slice(0, MAX_MIGRANTS);
  }
}
