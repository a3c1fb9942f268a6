import { chooseScaling, scaleData, scaleOptions, timesPowerOfTwo } from '../problem/dataScaling';
import { countConstants, type Expr, size } from '../expressions/expression';
import { HallOfFame, type FameEntry } from './hallOfFame';
import { IslandGroup } from './islands';
import { elementLoss } from '../evaluation/loss';
import { resolveOptions, type ResolvedOptions, type SearchOptions } from '../options';
import { scoreFront, type ScoredEntry } from './pareto';
import type { Scorer } from '../evaluation/scorer';
import { checkSearchData, type SearchData } from '../problem/searchData';
import { simplify } from '../expressions/simplification';
import { polishReserveSeconds, TimeBudget } from './timeBudget';
import { frontInUserUnits } from '../problem/userUnits';

export type StopReason = 'time' | 'evaluations' | 'iterations' | 'lossThreshold' | 'cancelled' | 'error';

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

export interface SearchResult extends SearchProgress {
  stoppedBy: StopReason;
}

export interface SearchHooks {
  /** Polled between evolution cycles; true ends the search with what was found. */
  shouldStop?: () => boolean;
  onProgress?: (progress: SearchProgress) => void;
  /** Minimum time between progress reports. */
  progressIntervalMs?: number;
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

/** Residuals below this share of the target's root mean square are rounding noise. */
const ROUNDING_RESIDUAL = 1e-13;

/** Losses at or below the loss of a rounding-noise residual count as exact. */
export function lossFloor(data: SearchData, options: Pick<ResolvedOptions, 'loss' | 'huberDelta'>): number {
  let meanSquare = 0;
  for (const v of data.y) meanSquare += v * v;
  meanSquare /= data.y.length;
  return elementLoss(options.loss, ROUNDING_RESIDUAL * Math.sqrt(meanSquare), options.huberDelta);
}

/**
 * Decides when a search ends; shared by the single-threaded search and the worker coordinator. The time
 * limit covers polishing too: the search ends `reserveSeconds` before it.
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

/** Formulas whose polishing refits constants (the others cost one evaluation). */
export function fittedFormulaCount(entries: readonly FameEntry[]): number {
  let count = 0;
  for (const e of entries) if (countConstants(e.expr) > 0) count++;
  return count;
}

/** The entries with the members of their Pareto front first: the ones worth polishing first. */
export function polishingOrder(entries: readonly FameEntry[], maxSize: number, floor: number): FameEntry[] {
  const fame = new HallOfFame(maxSize);
  for (const e of entries) fame.consider(e);
  const front = new Set(fame.front(floor));
  return [...front, ...entries.filter((e) => !front.has(e))];
}

/**
 * Refits every hall-of-fame formula's constants thoroughly on all rows and simplifies it, so reported
 * formulas carry every digit the data supports; returns the scored Pareto front. The front's formulas go
 * first. Once `shouldStop` says so (it is polled between fitting steps too), the remaining entries are kept
 * as they are.
 */
export function polishFront(
  entries: readonly FameEntry[],
  scorer: Scorer,
  options: ResolvedOptions,
  floor: number,
  shouldStop: () => boolean = () => false,
): ScoredEntry[] {
  const polished = new HallOfFame(options.maxSize);
  for (const entry of entries) polished.consider(entry);
  const vocabulary = { binaryOperators: options.binaryOperators, unaryOperators: options.unaryOperators };
  for (const entry of polishingOrder(entries, options.maxSize, floor)) {
    if (shouldStop()) break;
    const expr: Expr = simplify(entry.expr, vocabulary);
    const fit = scorer.fitConstantsFull(expr, 100, 1, shouldStop);
    if (fit.loss <= entry.loss) polished.consider({ expr: fit.expr, complexity: size(fit.expr), loss: fit.loss });
  }
  return scoreFront(polished.front(floor), floor, scorer.rows);
}

/** How often the time held back for polishing is re-estimated. */
const RESERVE_UPDATE_MS = 200;

/**
 * Runs a whole search on the calling thread. Data beyond the safe range of doubles are scaled by powers of
 * two first (see `chooseScaling`); reported formulas are in the user's units.
 */
export function runSearch(data: SearchData, options: Partial<SearchOptions>, hooks: SearchHooks = {}): SearchResult {
  checkSearchData(data);
  const scaling = chooseScaling(data);
  const scaled = scaleData(data, scaling);
  const resolved = scaleOptions(resolveOptions(options, data.y.length), scaling);
  const group = new IslandGroup(scaled, resolved, resolved.populations, resolved.seed);
  const floor = lossFloor(scaled, resolved);
  const stopRule = new StopRule(resolved, hooks.shouldStop);
  const vocabulary = { binaryOperators: resolved.binaryOperators, unaryOperators: resolved.unaryOperators };
  const targetScale = timesPowerOfTwo(1, scaling.target);
  const interval = hooks.progressIntervalMs ?? 250;
  let lastReport = performance.now();
  let reserve = 0;
  let lastReserveUpdate = Number.NEGATIVE_INFINITY;
  let stoppedBy: StopReason | null = null;

  const userFront = (entries: readonly FameEntry[]): ScoredEntry[] =>
    frontInUserUnits(entries, scaling, vocabulary, floor, data.y.length);
  const progress = (front: ScoredEntry[]): SearchProgress =>
    progressReport(front, group.scorer.evaluations, stopRule.seconds, group.iterations, targetScale);

  const shouldStop = (): boolean => {
    const now = performance.now();
    if (now - lastReserveUpdate >= RESERVE_UPDATE_MS) {
      lastReserveUpdate = now;
      const speed = stopRule.seconds > 0 ? group.scorer.evaluations / stopRule.seconds : 0;
      reserve = polishReserveSeconds(resolved.timeLimitSeconds, fittedFormulaCount(group.hallOfFame.all()), speed);
    }
    stoppedBy ??= stopRule.check(group.scorer.evaluations, group.iterations, group.hallOfFame.bestLoss, reserve);
    if (stoppedBy) return true;
    if (hooks.onProgress && now - lastReport >= interval) {
      lastReport = now;
      hooks.onProgress(progress(userFront(group.hallOfFame.all())));
    }
    return false;
  };

  while (!stoppedBy) {
    group.iterate(shouldStop);
    shouldStop();
  }
  const polished = polishFront(group.hallOfFame.all(), group.scorer, resolved, floor, stopRule.budget.polishDeadline());
  return { ...progress(userFront(polished)), stoppedBy };
}
