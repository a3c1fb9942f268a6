import type { ScoredEntry } from './pareto';

export interface SearchProgress {
  /** Formulas in the user's units; losses in those of the scaled target (see `targetScale`). */
  front: ScoredEntry[];
  evaluations: number;
  evaluationsPerSecond: number;
  seconds: number;
  iterations: number;
  /**
   * The power of two the search divided the target by: 1 unless the target's magnitude is beyond about
   * 1e-77 .. 1e77. Losses are those of y / targetScale: times targetScale squared (mse, huber) or times
   * targetScale (mae) they are in the user's units, where that product fits in a double.
   */
  targetScale: number;
}

/** A progress report; evaluations are rounded to whole ones. */
export function progressReport(
  front: ScoredEntry[],
  evaluations: number,
  seconds: number,
  iterations: number,
  targetScale: number,
): SearchProgress {
  const whole = Math.round(evaluations);
  return { front, evaluations: whole, evaluationsPerSecond: seconds > 0 ? whole / seconds : 0, seconds, iterations, targetScale };
}

/** Progress reports at most one per interval: the first at once, the next once the interval has passed. */
export class ProgressThrottle {
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly intervalMs: number,
    private readonly clock: () => number,
  ) {}

  /** Whether a report is due now; if so, it counts as made. */
  due(): boolean {
    const now = this.clock();
    if (now - this.last < this.intervalMs) return false;
    this.last = now;
    return true;
  }
}
