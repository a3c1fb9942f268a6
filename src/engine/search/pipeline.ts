import { timesPowerOfTwo } from '../problem/dataScaling';
import { frontInUserUnits } from '../problem/userUnits';
import type { FameEntry, HallOfFame } from './hallOfFame';
import { SELECTION_CRITERIA } from './modelSelection';
import type { ScoredEntry } from './pareto';
import { PolishReserve, polishingShares } from './polish';
import type { PreparedSearch } from './prepare';
import { progressReport, ProgressThrottle, type SearchProgress } from './progress';
import { StopRule, type StopReason } from './stopRule';

/*
 * A search runs in four stages, as SymbolicRegression.jl stages one: prepare (check and scale the data,
 * resolve the options, then seed the islands and the hall of fame with the structure analyses of the scaled
 * data, see `structureSeeds`: on the calling thread, or on one worker in its first slice), evolve (islands, migration, the hall of fame, progress, the stop rule), polish
 * (refit and simplify the hall of fame in the time the limit has left) and report (the front in the
 * user's units, scored, with its best pick). The single-thread search (`runSearch`) and the parallel one
 * (`ParallelSearch`) run the same stages; they differ only in where evolution and polishing happen.
 */

export interface SearchResult extends SearchProgress {
  stoppedBy: StopReason;
}

/** What evolution has produced so far, wherever it runs: the pipeline's view of the evolve stage. */
export interface EvolutionState {
  /** Whole-data evaluations so far. */
  readonly evaluations: number;
  /** Iterations every island has completed. */
  readonly iterations: number;
  /** On the scaled data. */
  readonly hallOfFame: HallOfFame;
}

export interface PipelineHooks {
  /** Polled by the stop rule; true ends evolution with what was found. */
  cancelled?: () => boolean;
  /** Minimum time between progress reports; default 250 ms. */
  progressIntervalMs?: number;
  /** Milliseconds; `performance.now` by default. */
  clock?: () => number;
}

/** A polishing stage to run: the hall of fame dealt out in shares, and the time it may take. */
export interface PolishPlan {
  readonly shares: FameEntry[][];
  readonly budgetMs: number;
  /** True once `budgetMs` has passed since the plan was made. */
  readonly pastDeadline: () => boolean;
}

/**
 * The stages of one search around its evolution: the stop rule and progress of the evolve stage, the
 * planning of the polish stage, and the report. Callers run evolution and polishing where they like and
 * hand their state in.
 */
export class SearchPipeline {
  private readonly stopRule: StopRule;
  private readonly reserve: PolishReserve;
  private readonly throttle: ProgressThrottle;
  private readonly targetScale: number;
  private reason: StopReason | null = null;

  constructor(
    private readonly search: PreparedSearch,
    hooks: PipelineHooks = {},
  ) {
    const clock = hooks.clock ?? (() => performance.now());
    this.stopRule = new StopRule(search.options, hooks.cancelled, clock, search.floor);
    this.reserve = new PolishReserve(this.stopRule.budget, clock);
    this.throttle = new ProgressThrottle(hooks.progressIntervalMs ?? 250, clock);
    this.targetScale = timesPowerOfTwo(1, search.scaling.target);
  }

  /** Why evolution ended; null while it goes on. */
  get stoppedBy(): StopReason | null {
    return this.reason;
  }

  /** Ends evolution for `reason`, unless it has ended already. */
  stop(reason: StopReason): void {
    this.reason ??= reason;
  }

  /** The stop rule, checked against `state`: why evolution ended, once it has. */
  checkStop(state: EvolutionState): StopReason | null {
    this.reason ??= this.stopRule.check(
      state.evaluations,
      state.iterations,
      state.hallOfFame.bestLoss,
      this.reserve.seconds(state.evaluations, state.hallOfFame),
    );
    return this.reason;
  }

  /** Seconds evolution may still run, leaving the reserve for polishing (negative once past). */
  searchSecondsLeft(state: EvolutionState): number {
    return this.stopRule.budget.searchSecondsLeft(this.reserve.seconds(state.evaluations, state.hallOfFame));
  }

  /** A progress report when one is due (at most one per interval), else null. */
  progressIfDue(state: EvolutionState): SearchProgress | null {
    return this.throttle.due() ? this.progress(state, state.hallOfFame.all()) : null;
  }

  /**
   * The polish stage for `workers` polishers: the hall of fame in polishing order, dealt out, and what is
   * left of the time limit. Null when there is nothing to polish with, no time left, or the search was
   * cancelled (a cancel ends the search at once).
   */
  polishPlan(state: EvolutionState, workers: number): PolishPlan | null {
    const budgetMs = 1000 * this.stopRule.budget.polishSecondsLeft();
    if (workers < 1 || budgetMs <= 0 || this.reason === 'cancelled') return null;
    const { options, floor } = this.search;
    const pastDeadline = this.stopRule.budget.polishDeadline();
    return { shares: polishingShares(state.hallOfFame.all(), options.maxSize, floor, workers), budgetMs, pastDeadline };
  }

  /** The report stage: the hall of fame and what polishing made of it, as a front in the user's units. */
  result(state: EvolutionState, polished: readonly FameEntry[]): SearchResult {
    // Polished formulas first: one that ties with its unpolished self is kept.
    return { ...this.progress(state, [...polished, ...state.hallOfFame.all()]), stoppedBy: this.reason ?? 'error' };
  }

  private progress(state: EvolutionState, entries: readonly FameEntry[]): SearchProgress {
    return progressReport(this.userFront(entries), state.evaluations, this.stopRule.seconds, state.iterations, this.targetScale);
  }

  /** The scored front of `entries` (found on the scaled data) in the user's units. */
  private userFront(entries: readonly FameEntry[]): ScoredEntry[] {
    const { options, scaling, floor, data } = this.search;
    const vocabulary = { binaryOperators: options.binaryOperators, unaryOperators: options.unaryOperators };
    return frontInUserUnits(entries, scaling, vocabulary, floor, data.y.length, SELECTION_CRITERIA[options.modelSelection]);
  }
}
