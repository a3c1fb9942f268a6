import { constantsOf, type Expr } from '../expressions/expression';
import { formatExpression } from '../expressions/formats';
import type { ScoredEntry } from '../search/pareto';

/**
 * One formula of a Pareto front, as everything after the search takes it: the command line's table and JSON,
 * the results view, saved runs, insert and copy.
 */
export interface FrontFormula {
  expr: Expr;
  complexity: number;
  loss: number;
  /** -d log(loss) / d complexity against the previous, simpler formula of the front (PySR's score). */
  score: number;
  best: boolean;
  /**
   * The tree's numeric constants in pre-order (`constantsOf`): what was fitted, in the order anything said
   * about each constant (its standard error, unit, domain) follows.
   */
  constants: number[];
  /** Canonical mathjs text over the column names, full precision. */
  text: string;
  latex: string;
}

/** The records of a scored front, with text and LaTeX over `names` (the column of each feature index). */
export function frontFormulas(front: readonly ScoredEntry[], names: readonly string[]): FrontFormula[] {
  return front.map((entry) => ({
    expr: entry.expr,
    complexity: entry.complexity,
    loss: entry.loss,
    score: entry.score,
    best: entry.best,
    constants: constantsOf(entry.expr),
    text: formatExpression(entry.expr, 'mathjs', { names }),
    latex: formatExpression(entry.expr, 'latex', { names }),
  }));
}
