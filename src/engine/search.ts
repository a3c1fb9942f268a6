import { type Expr, size } from './expression';
import { HallOfFame, type FameEntry } from './hallOfFame';
import { IslandGroup } from './islands';
import { resolveOptions, type ResolvedOptions, type SearchOptions } from './options';
import { scoreFront, type ScoredEntry } from './pareto';
import type { Scorer } from './scorer';
import { checkSearchData, type SearchData } from './searchData';
import { simplify } from './simplification';

export type StopReason = 'time' | 'evaluations' | 'iterations' | 'lossThreshold' | 'cancelled' | 'error';

export interface SearchProgress {
  front: ScoredEntry[];
  evaluations: number;
  evaluationsPerSecond: number;
  seconds: number;
  iterations: number;
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
export function progressReport(front: ScoredEntry[], evaluations: number, seconds: number, iterations: number): SearchProgress {
  const whole = Math.round(evaluations);
  return { front, evaluations: whole, evaluationsPerSecond: seconds > 0 ? whole / seconds : 0, seconds, iterations };
}

/** Losses below this share of the data's scale are rounding noise: they count as exact. */
export function lossFloor(data: SearchData): number {
  let meanSquare = 0;
  for (const v of data.y) meanSquare += v * v;
  meanSquare /= data.y.length;
  return 1e-26 * meanSquare;
}

/** Decides when a search ends; shared by the single-threaded search and the worker coordinator. */
export class StopRule {
  private readonly started = performance.now();

  constructor(
    private readonly options: ResolvedOptions,
    private readonly cancelled: () => boolean = () => false,
  ) {}

  get seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  check(evaluations: number, iterations: number, bestLoss: number): StopReason | null {
    if (this.cancelled()) return 'cancelled';
    if (bestLoss < this.options.lossThreshold) return 'lossThreshold';
    if (evaluations >= this.options.maxEvaluations) return 'evaluations';
    if (iterations >= this.options.iterations) return 'iterations';
    if (this.seconds >= this.options.timeLimitSeconds) return 'time';
    return null;
  }
}

/**
 * Refits every hall-of-fame formula's constants thoroughly on all rows and simplifies it, so reported
 * formulas carry every digit the data supports; returns the scored Pareto front. Once `shouldStop` says so,
 * the remaining entries are kept as they are.
 */
export function polishFront(
  entries: readonly FameEntry[],
  scorer: Scorer,
  options: ResolvedOptions,
  floor: number,
  shouldStop: () => boolean = () => false,
): ScoredEntry[] {
  const polished = new HallOfFame(options.maxSize);
  const vocabulary = { binaryOperators: options.binaryOperators, unaryOperators: options.unaryOperators };
  for (const entry of entries) {
    polished.consider(entry);
    if (shouldStop()) continue;
    let expr: Expr = simplify(entry.expr, vocabulary);
    const fit = scorer.fitConstantsFull(expr, 100, 1);
    expr = fit.expr;
    if (fit.loss <= entry.loss) polished.consider({ expr, complexity: size(expr), loss: fit.loss });
  }
  return scoreFront(polished.front(floor), floor, scorer.rows);
}

/** Runs a whole search on the calling thread. */
export function runSearch(data: SearchData, options: Partial<SearchOptions>, hooks: SearchHooks = {}): SearchResult {
  checkSearchData(data);
  const resolved = resolveOptions(options, data.y.length);
  const group = new IslandGroup(data, resolved, resolved.populations, resolved.seed);
  const floor = lossFloor(data);
  const stopRule = new StopRule(resolved, hooks.shouldStop);
  const interval = hooks.progressIntervalMs ?? 250;
  let lastReport = performance.now();
  let stoppedBy: StopReason | null = null;

  const progress = (front: ScoredEntry[]): SearchProgress =>
    progressReport(front, group.scorer.evaluations, stopRule.seconds, group.iterations);

  const shouldStop = (): boolean => {
    stoppedBy ??= stopRule.check(group.scorer.evaluations, group.iterations, group.hallOfFame.bestLoss);
    if (stoppedBy) return true;
    if (hooks.onProgress && performance.now() - lastReport >= interval) {
      lastReport = performance.now();
      hooks.onProgress(progress(scoreFront(group.hallOfFame.front(floor), floor, data.y.length)));
    }
    return false;
  };

  while (!stoppedBy) {
    group.iterate(shouldStop);
    shouldStop();
  }
  const front = polishFront(group.hallOfFame.all(), group.scorer, resolved, floor);
  return { ...progress(front), stoppedBy };
}
