import type { ResolvedOptions } from '../options';
import { TimeBudget } from './timeBudget';

export type StopReason = 'time' | 'evaluations' | 'iterations' | 'lossThreshold' | 'exact' | 'cancelled' | 'error';

/** Why a search ended, as people read it ("stopped: time limit reached"). */
export const STOP_REASON_TEXT: Readonly<Record<StopReason, string>> = {
  time: 'time limit reached',
  evaluations: 'evaluation budget used',
  iterations: 'all iterations done',
  lossThreshold: 'loss threshold reached',
  exact: 'exact fit found',
  cancelled: 'stopped by you',
  error: 'stopped by an error',
};

/** The text of a stop reason; one this version does not know (from a newer saved run) as it is. */
export function stopReasonText(reason: string): string {
  return (STOP_REASON_TEXT as Record<string, string>)[reason] ?? reason;
}

/** Least time a search goes on after its first exact fit, for a simpler exact form to turn up. */
const EXACT_GRACE_SECONDS = 1;

/**
 * Decides when evolution ends. The time limit covers polishing too: evolution ends `reserveSeconds` before
 * it. A search whose best loss is at the rounding floor (`exactLoss`) has an exact fit: it goes on for as long
 * again as it took to find it (at least a second), since a simpler exact form can still come, then stops.
 */
export class StopRule {
  readonly budget: TimeBudget;
  private exactSince: number | undefined;

  constructor(
    private readonly options: ResolvedOptions,
    private readonly cancelled: () => boolean = () => false,
    clock?: () => number,
    private readonly exactLoss = Number.NEGATIVE_INFINITY,
  ) {
    this.budget = new TimeBudget(options.timeLimitSeconds, clock);
  }

  get seconds(): number {
    return this.budget.elapsedSeconds;
  }

  check(evaluations: number, iterations: number, bestLoss: number, reserveSeconds = 0): StopReason | null {
    if (this.cancelled()) return 'cancelled';
    if (bestLoss < this.options.lossThreshold) return 'lossThreshold';
    if (bestLoss <= this.exactLoss) {
      const now = this.budget.elapsedSeconds;
      this.exactSince ??= now;
      if (now - this.exactSince >= Math.max(this.exactSince, EXACT_GRACE_SECONDS)) return 'exact';
    }
    if (evaluations >= this.options.maxEvaluations) return 'evaluations';
    if (iterations >= this.options.iterations) return 'iterations';
    if (this.budget.searchSecondsLeft(reserveSeconds) <= 0) return 'time';
    return null;
  }
}
