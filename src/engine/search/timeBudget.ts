/** Most of a time limit that is held back from the search for polishing the front at the end. */
export const MAX_POLISH_SHARE = 0.25;

/**
 * Whole-data evaluations that polishing one formula with constants takes, counting a Jacobian pass as the
 * value passes it costs: a Levenberg-Marquardt run from the search's constants and one from a perturbed
 * start, a few steps each.
 */
const POLISH_EVALUATIONS_PER_FITTED_FORMULA = 60;

/** Time kept after polishing for the final work: scoring the front, rewriting it, stopping the threads. */
export const FINISH_MARGIN_SECONDS = 0.05;

/**
 * Seconds to hold back from the search for polishing: the expected cost of refitting `fittedFormulas`
 * formulas at `evaluationsPerSecond` (whole-data evaluations per second of the thread that polishes), at
 * most `MAX_POLISH_SHARE` of the limit, and all of that share while the speed is not measured yet.
 */
export function polishReserveSeconds(limitSeconds: number, fittedFormulas: number, evaluationsPerSecond: number): number {
  const most = MAX_POLISH_SHARE * limitSeconds;
  if (!(evaluationsPerSecond > 0)) return most;
  return Math.min(most, (fittedFormulas * POLISH_EVALUATIONS_PER_FITTED_FORMULA) / evaluationsPerSecond);
}

/**
 * A time limit that covers the search and the work after it. The search ends early enough to leave a
 * reserve; polishing gets what is left, less a margin for the final work.
 */
export class TimeBudget {
  private readonly started: number;

  constructor(
    readonly limitSeconds: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.started = clock();
  }

  get elapsedSeconds(): number {
    return (this.clock() - this.started) / 1000;
  }

  /** Seconds the search may still run while leaving `reserveSeconds` of the limit (negative once past). */
  searchSecondsLeft(reserveSeconds: number): number {
    return this.limitSeconds - reserveSeconds - this.elapsedSeconds;
  }

  /** Seconds polishing may take from now: what is left of the limit, less the final margin, never negative. */
  polishSecondsLeft(): number {
    return Math.max(0, this.limitSeconds - FINISH_MARGIN_SECONDS - this.elapsedSeconds);
  }

  /** A check that becomes true once the polishing time left now has been spent. */
  polishDeadline(): () => boolean {
    const end = this.clock() + 1000 * this.polishSecondsLeft();
    return () => this.clock() >= end;
  }
}
