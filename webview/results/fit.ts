/**
 * Coefficient of determination of `predicted` against `actual`: 1 is a perfect fit, 0 is no better than the
 * mean, negative is worse. Undefined without predictions or when the target is constant.
 */
export function rSquared(actual: readonly number[], predicted: readonly number[] | null): number | undefined {
  if (!predicted || predicted.length !== actual.length || actual.length < 2) return undefined;
  let mean = 0;
  for (const a of actual) mean += a;
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

/** Smallest and largest finite value of several series together. */
export function extent(...series: readonly (readonly number[])[]): [number, number] | undefined {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const values of series) {
    for (const v of values) {
      if (!Number.isFinite(v)) continue;
      if (v < low) low = v;
      if (v > high) high = v;
    }
  }
  return low <= high ? [low, high] : undefined;
}

/**
 * The range a plot of the target shows: the actual values, widened to predictions that stay near them.
 * Predictions far outside (near a pole of the formula) would squash every other point into a corner, so they
 * are left out of the range and counted in the caption instead.
 */
export function sharedRange(actual: readonly number[], predicted: readonly number[]): [number, number] | undefined {
  const data = extent(actual);
  if (!data) return undefined;
  const span = data[1] - data[0] || Math.abs(data[0]) || 1;
  const near = predicted.filter((p) => p >= data[0] - span / 2 && p <= data[1] + span / 2);
  const [low, high] = extent(actual, near)!;
  const pad = (high - low || span) * 0.05;
  return [low - pad, high + pad];
}

/** How many values fall outside `range` (non-finite ones included). */
export function outside(values: readonly number[], range: [number, number]): number {
  return values.filter((v) => !(v >= range[0] && v <= range[1])).length;
}
