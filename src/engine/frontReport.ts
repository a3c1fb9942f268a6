import { formatExpression } from './expressions/formats';
import type { ScoredEntry } from './search/pareto';

/** A front formula as people and programs read it: numbers plus its canonical text and LaTeX. */
export interface FrontReportRow {
  complexity: number;
  loss: number;
  score: number;
  /** Canonical mathjs text over the column names (full precision). */
  expression: string;
  latex: string;
  best: boolean;
}

export function reportFront(front: readonly ScoredEntry[], names: readonly string[]): FrontReportRow[] {
  return front.map((e) => ({
    complexity: e.complexity,
    loss: e.loss,
    score: e.score,
    expression: formatExpression(e.expr, 'mathjs', { names }),
    latex: formatExpression(e.expr, 'latex', { names }),
    best: e.best,
  }));
}
