import { ConstantFitter } from '../../src/engine/evaluation/constantOptimization';
import { ColumnEvaluator } from '../../src/engine/evaluation/evaluate';
import type { Expr } from '../../src/engine/expressions/expression';
import { Random } from '../../src/engine/random';
import { rSquared } from '../../src/engine/evaluation/rSquared';
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
 * (so a formula of the right form is not failed by constants fitted on other, perhaps noisy, data);
 * -Infinity where the formula is not finite or the targets are constant.
 */
export function freshR2(expr: Expr, fresh: GeneratedData): number {
  const fitter = new ConstantFitter({ columns: fresh.X, y: fresh.y, loss: 'mse', huberDelta: 1 });
  const fitted = fitter.fit(expr, { iterations: 200, restarts: 2, rng: new Random(7) }).expr;
  const predicted = new ColumnEvaluator(fresh.X).evaluate(fitted);
  return rSquared(fresh.y, predicted) ?? Number.NEGATIVE_INFINITY;
}
