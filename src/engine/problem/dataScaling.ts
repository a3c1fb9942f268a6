import type { ResolvedOptions } from '../options';
import type { SearchData } from './searchData';

/**
 * Powers of two that the search divides the data by, as base-2 exponents: the search sees
 * y' = y / 2^target and x_j' = x_j / 2^features[j]. Dividing by a power of two keeps every mantissa bit, so
 * nothing is lost unless a value leaves the range of doubles, which is what the scaling prevents.
 */
export interface DataScaling {
  readonly target: number;
  readonly features: readonly number[];
}

/**
 * Data whose columns all have a root mean square within 2^-256 .. 2^256 (about 1e-77 .. 1e77) are searched
 * as they are: there squares, cubes, products of columns and squared residuals at rounding level all stay
 * normal doubles, and laws without constants (a * b, a + b) keep their form. Beyond, every column is scaled
 * to a root mean square near 1, not only the extreme ones, so that the constants of the scaled law stay of
 * order one (y = a * b with a, b ~ 1e80 becomes y' = c * a' * b' with c a small power of two, not 1e-160).
 */
const SAFE_EXPONENT = 256;
const MAX_EXPONENT = 1022;

/** The largest power of two a single multiplication uses; products stay exact within the range of doubles. */
const STEP_EXPONENT = 1000;

/** x * 2^exponent, for exponents beyond the range of doubles too (2^2000 * 2^-1990). */
export function timesPowerOfTwo(x: number, exponent: number): number {
  let e = exponent;
  let out = x;
  while (e > STEP_EXPONENT) {
    out *= 2 ** STEP_EXPONENT;
    e -= STEP_EXPONENT;
  }
  while (e < -STEP_EXPONENT) {
    out *= 2 ** -STEP_EXPONENT;
    e += STEP_EXPONENT;
  }
  return out * 2 ** e;
}

/** log2 of a column's root mean square, computed without overflow or underflow; -Infinity for all zeros. */
export function log2RootMeanSquare(column: Float64Array): number {
  let max = 0;
  for (const v of column) max = Math.max(max, Math.abs(v));
  if (max === 0) return Number.NEGATIVE_INFINITY;
  const top = Math.floor(Math.log2(max));
  let sum = 0;
  for (const v of column) {
    const scaled = timesPowerOfTwo(v, -top);
    sum += scaled * scaled;
  }
  return top + 0.5 * Math.log2(sum / column.length);
}

export function chooseScaling(data: SearchData): DataScaling {
  const columns = [data.y, ...data.X].map(log2RootMeanSquare);
  if (columns.every((e) => !Number.isFinite(e) || Math.abs(e) <= SAFE_EXPONENT)) {
    return { target: 0, features: data.X.map(() => 0) };
  }
  // Within +-1022, each scale factor is itself a double, so a formula can always be written with it.
  const exponent = (e: number): number => (Number.isFinite(e) ? Math.max(-MAX_EXPONENT, Math.min(MAX_EXPONENT, Math.round(e))) : 0);
  const [target, ...features] = columns.map(exponent);
  return { target: target!, features };
}

export function isIdentityScaling(scaling: DataScaling): boolean {
  return scaling.target === 0 && scaling.features.every((e) => e === 0);
}

function scaleColumn(column: Float64Array, exponent: number): Float64Array {
  if (exponent === 0) return column;
  const out = new Float64Array(column.length);
  for (let i = 0; i < column.length; i++) out[i] = timesPowerOfTwo(column[i]!, -exponent);
  return out;
}

/** The data as the search sees it; the same object when no column needs scaling. Weights are unchanged. */
export function scaleData(data: SearchData, scaling: DataScaling): SearchData {
  if (isIdentityScaling(scaling)) return data;
  return {
    X: data.X.map((column, j) => scaleColumn(column, scaling.features[j]!)),
    y: scaleColumn(data.y, scaling.target),
    ...(data.weights ? { weights: data.weights } : {}),
  };
}

/**
 * Options for the search on scaled data. The Huber threshold is a residual size in the target's units, so it
 * scales with the target. The loss threshold is compared with losses as they are reported, which are in the
 * scaled units (see `SearchProgress.targetScale`), so it stays.
 */
export function scaleOptions(options: ResolvedOptions, scaling: DataScaling): ResolvedOptions {
  if (scaling.target === 0) return options;
  return { ...options, huberDelta: timesPowerOfTwo(options.huberDelta, -scaling.target) };
}
