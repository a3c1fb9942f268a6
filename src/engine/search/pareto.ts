import type { FameEntry } from './hallOfFame';

export interface ScoredEntry extends FameEntry {
  /** -d log(loss) / d complexity against the previous, simpler front member (PySR's score). */
  readonly score: number;
  /** The formula marked as the best trade-off between error and complexity. */
  readonly best: boolean;
}

/**
 * Scores a Pareto front (sorted by increasing complexity, decreasing loss) and marks the best formula.
 * Losses at or below `floor` (the data's rounding noise) count as equal to it, which also keeps log(0) out
 * of the scores.
 *
 * With the number of data `rows`, the best formula is the one with the lowest
 * rows * log(loss) + complexity * log(rows): the Bayesian information criterion with the complexity
 * standing for the parameter count. Without it, PySR's rule applies: the highest score among the formulas
 * whose loss is at most 1.5 times the lowest. PySR's rule favours the lowest losses; on a few dozen noisy
 * rows that marks formulas that bend through the noise (poles placed between data points), where the
 * criterion keeps the simple law. On exact data both pick the simplest formula that reaches the floor.
 */
export function scoreFront(front: readonly FameEntry[], floor = 0, rows?: number): ScoredEntry[] {
  const effective = (loss: number): number => Math.max(loss, floor, 1e-300);
  const scores = front.map((entry, i) => {
    if (i === 0) return 0;
    const previous = front[i - 1]!;
    const dLogLoss = Math.log(effective(entry.loss)) - Math.log(effective(previous.loss));
    return -dLogLoss / (entry.complexity - previous.complexity);
  });
  const bestIndex = rows !== undefined && rows > 1 ? lowestInformationCriterion(front, effective, rows) : pysrBest(front, effective, scores);
  return front.map((e, i) => ({ ...e, score: scores[i]!, best: i === bestIndex }));
}

function lowestInformationCriterion(front: readonly FameEntry[], effective: (loss: number) => number, rows: number): number {
  let bestIndex = -1;
  let lowest = Number.POSITIVE_INFINITY;
  front.forEach((e, i) => {
    const criterion = rows * Math.log(effective(e.loss)) + e.complexity * Math.log(rows);
    if (criterion < lowest) {
      lowest = criterion;
      bestIndex = i;
    }
  });
  return bestIndex;
}

function pysrBest(front: readonly FameEntry[], effective: (loss: number) => number, scores: readonly number[]): number {
  let minLoss = Number.POSITIVE_INFINITY;
  for (const e of front) minLoss = Math.min(minLoss, effective(e.loss));
  let bestIndex = -1;
  front.forEach((e, i) => {
    if (effective(e.loss) <= 1.5 * minLoss && (bestIndex < 0 || scores[i]! > scores[bestIndex]!)) bestIndex = i;
  });
  return bestIndex;
}
