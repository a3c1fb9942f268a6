/** A front formula as a selection criterion sees it. */
export interface SelectionCandidate {
  readonly complexity: number;
  /** The loss, raised to the floor: losses at or below the data's rounding noise count as equal. */
  readonly loss: number;
  /** -d log(loss) / d complexity against the previous, simpler formula (0 for the first). */
  readonly score: number;
}

/** Picks the "best" formula of a Pareto front: the one marked as the best trade-off. */
export interface SelectionCriterion {
  /**
   * The index of the pick in `front` (sorted by increasing complexity), -1 for an empty front. `rows` is the
   * number of data rows the losses were measured on, when known.
   */
  pick(front: readonly SelectionCandidate[], rows: number | undefined): number;
}

/** The index of the highest `value` of the eligible candidates; the first of equal ones, -1 if none is eligible. */
function highest(
  front: readonly SelectionCandidate[],
  value: (c: SelectionCandidate) => number,
  eligible: (c: SelectionCandidate) => boolean = () => true,
): number {
  let index = -1;
  let top = Number.NEGATIVE_INFINITY;
  front.forEach((c, i) => {
    if (!eligible(c)) return;
    const v = value(c);
    if (index < 0 || v > top) {
      index = i;
      top = v;
    }
  });
  return index;
}

/** PySR's `accuracy`: the lowest loss. */
const lowestLoss: SelectionCriterion = {
  pick: (front) => highest(front, (c) => -c.loss),
};

/** PySR's `score`: the highest score, the steepest drop of log(loss) per added node. */
const highestScore: SelectionCriterion = {
  pick: (front) => highest(front, (c) => c.score),
};

/** PySR's `best`: the highest score among the formulas whose loss is at most 1.5 times the lowest. */
const pysrBest: SelectionCriterion = {
  pick(front) {
    let lowest = Number.POSITIVE_INFINITY;
    for (const c of front) lowest = Math.min(lowest, c.loss);
    return highest(front, (c) => c.score, (c) => c.loss <= 1.5 * lowest);
  },
};

/**
 * The lowest rows * log(loss) + complexity * log(rows): the Bayesian information criterion with the
 * complexity standing for the parameter count. PySR's `best` rule favours the lowest losses; on a few dozen
 * noisy rows that marks formulas that bend through the noise (poles placed between data points), where the
 * criterion keeps the simple law. On exact data both pick the simplest formula that reaches the floor.
 * Without a known number of rows (more than one), PySR's rule applies.
 */
const informationCriterion: SelectionCriterion = {
  pick(front, rows) {
    if (rows === undefined || rows <= 1) return pysrBest.pick(front, rows);
    return highest(front, (c) => -(rows * Math.log(c.loss) + c.complexity * Math.log(rows)));
  },
};

/** The criteria the `modelSelection` option names, after PySR's `model_selection`. */
export const SELECTION_CRITERIA = {
  best: informationCriterion,
  accuracy: lowestLoss,
  score: highestScore,
} satisfies Record<string, SelectionCriterion>;

export type ModelSelection = keyof typeof SELECTION_CRITERIA;

export const MODEL_SELECTIONS = Object.keys(SELECTION_CRITERIA) as ModelSelection[];

export function isModelSelection(name: string): name is ModelSelection {
  return (MODEL_SELECTIONS as readonly string[]).includes(name);
}
