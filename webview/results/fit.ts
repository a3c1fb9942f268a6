import { extent } from '../../src/data/extent';

/**
 * The range a plot of the target shows: the actual values, widened to predictions that stay near them.
 * Predictions far outside (near a pole of the formula) would squash every other point into a corner, so they
 * are left out of the range and counted in the caption instead.
 */
export function sharedRange(actual: readonly number[], predicted: readonly number[]): [number, number] | undefined {
  const data = extent(actual);
  if (!(data[0] <= data[1])) return undefined;
  const span = data[1] - data[0] || Math.abs(data[0]) || 1;
  const near = predicted.filter((p) => p >= data[0] - span / 2 && p <= data[1] + span / 2);
  const [low, high] = extent(actual, near);
  const pad = (high - low || span) * 0.05;
  return [low - pad, high + pad];
}

/** How many values fall outside `range` (non-finite ones included). */
export function outside(values: readonly number[], range: [number, number]): number {
  return values.filter((v) => !(v >= range[0] && v <= range[1])).length;
}
