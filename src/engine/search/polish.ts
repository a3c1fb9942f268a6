import { countConstants, size } from '../expressions/expression';
import type { ResolvedOptions } from '../options';
import type { Scorer } from '../evaluation/scorer';
import { simplify } from '../expressions/simplification';
import { HallOfFame, type FameEntry } from './hallOfFame';
import { SELECTION_CRITERIA } from './modelSelection';
import { scoreFront, type ScoredEntry } from './pareto';
import { roundConstants } from './roundConstants';
import { polishReserveSeconds, type TimeBudget } from './timeBudget';

/** Formulas whose polishing refits constants (the others cost one evaluation). */
function fittedFormulaCount(entries: readonly FameEntry[]): number {
  let count = 0;
  for (const e of entries) if (countConstants(e.expr) > 0) count++;
  return count;
}

/** The entries with the members of their Pareto front first: the ones worth polishing first. */
function polishingOrder(entries: readonly FameEntry[], maxSize: number, floor: number): FameEntry[] {
  const fame = new HallOfFame(maxSize);
  for (const e of entries) fame.consider(e);
  const front = new Set(fame.front(floor));
  return [...front, ...entries.filter((e) => !front.has(e))];
}

/** The entries in polishing order, dealt out in turn into `count` shares, so each share starts with front members. */
export function polishingShares(entries: readonly FameEntry[], maxSize: number, floor: number, count: number): FameEntry[][] {
  const shares = Array.from({ length: count }, () => [] as FameEntry[]);
  polishingOrder(entries, maxSize, floor).forEach((entry, i) => shares[i % count]!.push(entry));
  return shares;
}

/**
 * Refits every hall-of-fame formula's constants thoroughly on all rows and simplifies it, so reported
 * formulas carry every digit the data supports and no float noise beyond (`roundConstants`); returns the scored Pareto front. The front's formulas go
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
  const vocabulary = { binaryOperators: options.binaryOperators, unaryOperators: options.unaryOperators };
  const fits: FameEntry[] = [];
  for (const entry of polishingOrder(entries, options.maxSize, floor)) {
    if (shouldStop()) break;
    const fit = roundConstants(scorer.fitConstantsFull(simplify(entry.expr, vocabulary), 100, 1, shouldStop), (e) => scorer.fullLoss(e), floor);
    if (fit.loss <= entry.loss) fits.push({ expr: fit.expr, complexity: size(fit.expr), loss: fit.loss });
  }
  // Refitted formulas first: where one ties with the entry it came from, the refitted one is kept.
  const polished = new HallOfFame(options.maxSize);
  for (const entry of [...fits, ...entries]) polished.consider(entry);
  return scoreFront(polished.front(floor), floor, scorer.rows, SELECTION_CRITERIA[options.modelSelection]);
}

/** How often the reserve is re-estimated: counting the formulas to refit walks the whole hall of fame. */
const RESERVE_UPDATE_MS = 200;

/**
 * The seconds evolution leaves of the time limit for polishing: the expected cost of refitting the hall of
 * fame at the speed evolution has had so far, re-estimated every `RESERVE_UPDATE_MS`.
 */
export class PolishReserve {
  private estimate = 0;
  private estimatedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly budget: TimeBudget,
    private readonly clock: () => number,
  ) {}

  /** The reserve for a hall of fame reached after `evaluations` (in whole-data evaluations). */
  seconds(evaluations: number, fame: HallOfFame): number {
    const now = this.clock();
    if (now - this.estimatedAt >= RESERVE_UPDATE_MS) {
      this.estimatedAt = now;
      const elapsed = this.budget.elapsedSeconds;
      const speed = elapsed > 0 ? evaluations / elapsed : 0;
      this.estimate = polishReserveSeconds(this.budget.limitSeconds, fittedFormulaCount(fame.all()), speed);
    }
    return this.estimate;
  }
}
