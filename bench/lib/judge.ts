import { ConstantFitter } from '../../src/engine/evaluation/constantOptimization';
import { ColumnEvaluator } from '../../src/engine/evaluation/evaluate';
import type { Expr } from '../../src/engine/expressions/expression';
import { Random } from '../../src/engine/random';
import type { GeneratedData } from './problems';

/** R^2 a formula must exceed on fresh points to count as the true law. */
export const SOLVED_R2 = 1 - 1e-9;

/**
 * A stricter level: the law reproduced to rounding error. Smooth approximations can pass SOLVED_R2 in a
 * small box; they rarely get within 1e-15.
 */
export const EXACT_R2 = 1 - 1e-15;

/**
 * R^2 of `expr` against the true targets of fresh points, after refitting its constants on those points
 * (so a formula of the right form is not failed by constants fitted on other, perhaps noisy, data).
 */
export function freshR2(expr: Expr, fresh: GeneratedData): number {
  const fitter = new ConstantFitter({ columns: fresh.X, y: fresh.y, loss: 'mse', huberDelta: 1 });
  const fitted = fitter.fit(expr, { iterations: 200, restarts: 2, rng: new Random(7) }).expr;
  const predicted = new ColumnEvaluator(fresh.X).evaluate(fitted);
  if (!predicted) return Number.NEGATIVE_INFINITY;
  let mean = 0;
  for (const v of fresh.y) mean += v;
  mean /= fresh.y.length;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < fresh.y.length; i++) {
    ssRes += (fresh.y[i]! - predicted[i]!) ** 2;
    ssTot += (fresh.y[i]! - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : Number.NEGATIVE_INFINITY;
  return 1 - ssRes / ssTot;
}
