import { ColumnEvaluator } from '../evaluation/evaluate';
import type { ScoredEntry } from '../search/pareto';
import { frontFormulas, type FrontFormula } from './frontFormula';

/** A front formula with its values on the rows a results view plots. */
export interface PlottedFormula extends FrontFormula {
  /** One per plotted row, or null where the formula is invalid on some row. */
  predictions: number[] | null;
}

/** The records of a scored front with their predictions on `columns` (one per feature, the plotted rows). */
export function plotFront(front: readonly ScoredEntry[], names: readonly string[], columns: readonly Float64Array[], rows: number): PlottedFormula[] {
  const evaluator = new ColumnEvaluator(columns, rows);
  return frontFormulas(front, names).map((formula) => {
    const predicted = evaluator.evaluate(formula.expr);
    return { ...formula, predictions: predicted ? Array.from(predicted) : null };
  });
}
