import { constantsOf, withConstants, type Expr } from '../expressions/expression';

/** Most significant digits of a double that can differ from its neighbours'. */
const FULL_DIGITS = 17;

/**
 * The formula with each constant written with as few significant digits as keep its loss where it was
 * (within a relative 1e-15, the noise of summing the loss itself, or at the rounding floor): `0.9999999999999999` becomes `1`, and a fitted
 * `475.29977262867563` keeps the digits the fit gave it but not the binary noise beyond them. Constants are
 * rounded one after the other, each by a binary search over the digits, so a formula costs a few loss
 * evaluations per constant.
 */
export function roundConstants(
  formula: { expr: Expr; loss: number },
  lossOf: (expr: Expr) => number,
  floor: number,
): { expr: Expr; loss: number } {
  const values = constantsOf(formula.expr);
  if (values.length === 0 || !Number.isFinite(formula.loss)) return formula;
  const limit = Math.max(formula.loss * (1 + 1e-15), floor);
  let loss = formula.loss;
  for (let i = 0; i < values.length; i++) {
    const original = values[i]!;
    if (!Number.isFinite(original) || original === 0) continue;
    // The fewest digits whose rounding keeps the loss within the limit; FULL_DIGITS always does.
    let low = 1;
    let high = FULL_DIGITS;
    let best = original;
    let bestLoss = loss;
    while (low < high) {
      const digits = (low + high) >> 1;
      values[i] = Number(original.toPrecision(digits));
      const trial = lossOf(withConstants(formula.expr, values));
      if (trial <= limit) {
        high = digits;
        best = values[i]!;
        bestLoss = trial;
      } else {
        low = digits + 1;
      }
    }
    values[i] = best;
    loss = bestLoss;
  }
  return { expr: withConstants(formula.expr, values), loss };
}
