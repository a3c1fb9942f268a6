/**
 * Coefficient of determination of `predicted` against `actual`: 1 is a perfect fit, 0 is no better than the
 * mean, negative is worse. Undefined without predictions, for fewer than two rows, when the target is
 * constant, or when the residuals are not finite.
 */
export function rSquared(actual: ArrayLike<number>, predicted: ArrayLike<number> | null): number | undefined {
  if (!predicted || predicted.length !== actual.length || actual.length < 2) return undefined;
  let mean = 0;
  for (let i = 0; i < actual.length; i++) mean += actual[i]!;
  mean /= actual.length;
  let residual = 0;
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    residual += (actual[i]! - predicted[i]!) ** 2;
    total += (actual[i]! - mean) ** 2;
  }
  if (total === 0 || !Number.isFinite(residual)) return undefined;
  return 1 - residual / total;
}
