import type { FameEntry } from './hallOfFame';

export interface ScoredEntry extends FameEntry {
  /** -d log(loss) / d complexity against the previous, simpler front member (PySR's score). */
  readonly score: number;
  /** The formula PySR's "best" model selection picks. */
  readonly best: boolean;
}

/**
 * Scores a Pareto front (sorted by increasing complexity, decreasing loss) and marks the best formula: the
 * highest score among those whose loss is at most 1.5 times the lowest loss on the front. Losses at or below
 * `floor` (the data's rounding noise) count as equal to it, which also keeps log(0) out of the scores.
 */
export function scoreFront(front: readonly FameEntry[], floor = 0): ScoredEntry[] {
  const effective = (loss: number): number => Math.max(loss, floor, 1e-300);
  const scores = front.map((entry, i) => {
    if (i === 0) return 0;
    const previous = front[i - 1]!;
    const dLogLoss = Math.log(effective(entry.loss)) - Math.log(effective(previous.loss));
    return -dLogLoss / (entry.complexity - previous.complexity);
  });
  let minLoss = Number.POSITIVE_INFINITY;
  for (const e of front) minLoss = Math.min(minLoss, effective(e.loss));
  let bestIndex = -1;
  front.forEach((e, i) => {
    if (effective(e.loss) <= 1.5 * minLoss && (bestIndex < 0 || scores[i]! > scores[bestIndex]!)) bestIndex = i;
  });
  return front.map((e, i) => ({ ...e, score: scores[i]!, best: i === bestIndex }));
}
