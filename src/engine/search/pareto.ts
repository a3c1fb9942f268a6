import type { FameEntry } from './hallOfFame';
import { SELECTION_CRITERIA, type SelectionCriterion } from './modelSelection';

export interface ScoredEntry extends FameEntry {
  /** -d log(loss) / d complexity against the previous, simpler front member (PySR's score). */
  readonly score: number;
  /** The formula marked as the best trade-off between error and complexity. */
  readonly best: boolean;
}

/**
 * Scores a Pareto front (sorted by increasing complexity, decreasing loss) and marks the formula the
 * criterion picks (by default the information criterion, see `SELECTION_CRITERIA`). Losses at or below
 * `floor` (the data's rounding noise) count as equal to it, which also keeps log(0) out of the scores.
 * `rows` is the number of data rows the losses were measured on.
 */
export function scoreFront(
  front: readonly FameEntry[],
  floor = 0,
  rows?: number,
  criterion: SelectionCriterion = SELECTION_CRITERIA.best,
): ScoredEntry[] {
  const effective = (loss: number): number => Math.max(loss, floor, 1e-300);
  const candidates = front.map((entry, i) => {
    const loss = effective(entry.loss);
    if (i === 0) return { complexity: entry.complexity, loss, score: 0 };
    const previous = front[i - 1]!;
    const dLogLoss = Math.log(loss) - Math.log(effective(previous.loss));
    return { complexity: entry.complexity, loss, score: -dLogLoss / (entry.complexity - previous.complexity) };
  });
  const bestIndex = criterion.pick(candidates, rows);
  return front.map((e, i) => ({ ...e, score: candidates[i]!.score, best: i === bestIndex }));
}
