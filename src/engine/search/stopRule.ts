import type { ResolvedOptions } from '../options';
import { TimeBudget } from './timeBudget';

export type StopReason = 'time' | 'evaluations' | 'iterations' | 'lossThreshold' | 'cancelled' | 'error';

/**
 * Decides when evolution ends. The time limit covers polishing too: evolution ends `reserveSeconds` before
 * it.
 */
export class StopRule {
  readonly budget: TimeBudget;

  constructor(
    private readonly options: ResolvedOptions,
    private readonly cancelled: () => boolean = () => false,
    clock?: () => number,
  ) {
    this.budget = new TimeBudget(options.timeLimitSeconds, clock);
  }

  get seconds(): number {
    return this.budget.elapsedSeconds;
  }

  check(evaluations: number, iterations: number, bestLoss: number, reserveSeconds = 0): StopReason | null {
    if (this.cancelled()) return 'cancelled';
    if (bestLoss < this.options.lossThreshold) return 'lossThreshold';
    if (evaluations >= this.options.maxEvaluations) return 'evaluations';
    if (iterations >= this.options.iterations) return 'iterations';
    if (this.budget.searchSecondsLeft(reserveSeconds) <= 0) return 'time';
    return null;
  }
}
