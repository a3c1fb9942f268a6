/**
 * Small dense least squares, written by hand: the systems here have at most a few dozen unknowns, and a
 * linear-algebra package would be a dependency for a hundred lines of well-known numerics.
 */

/**
 * Relative size below which a pivot counts as zero: the columns are then too close to dependent for their
 * coefficients to mean anything, and the fit is refused rather than returned with huge, cancelling values.
 */
const RANK_TOLERANCE = 1e-11;

/** Euclidean norm without overflow or underflow for columns of extreme magnitude. */
export function stableNorm(values: ArrayLike<number>, from = 0): number {
  let largest = 0;
  for (let i = from; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i]!));
  if (largest === 0 || !Number.isFinite(largest)) return largest;
  let s = 0;
  for (let i = from; i < values.length; i++) {
    const v = values[i]! / largest;
    s += v * v;
  }
  return largest * Math.sqrt(s);
}

/**
 * Coefficients `c` minimising sum_i w_i (y_i - sum_j c_j columns[j]_i)^2, or null when the columns are
 * (nearly) dependent, fewer rows than columns are given, or a value is not finite.
 *
 * Householder QR on the columns themselves rather than Cholesky on the normal equations: forming A'A squares
 * the condition number, and terms such as x, 1/x and 1 over a narrow range are correlated enough that the
 * normal equations would lose the digits the fitted constants need. Columns are scaled to unit norm first,
 * which makes the rank test relative and costs nothing in accuracy.
 */
export function leastSquares(
  columns: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  weights?: ArrayLike<number>,
): Float64Array | null {
  const k = columns.length;
  const n = y.length;
  if (k === 0 || n < k) return null;
  const a: Float64Array[] = [];
  const scales = new Float64Array(k);
  const root = weights ? new Float64Array(n) : null;
  if (root && weights) for (let i = 0; i < n; i++) root[i] = Math.sqrt(weights[i]!);
  for (let j = 0; j < k; j++) {
    const column = columns[j]!;
    if (column.length !== n) return null;
    const weighted = rowsTimes(column, root);
    const norm = stableNorm(weighted);
    if (!(norm > 0) || !Number.isFinite(norm)) return null;
    for (let i = 0; i < n; i++) weighted[i]! /= norm;
    scales[j] = norm;
    a.push(weighted);
  }
  const b = rowsTimes(y, root);
  for (let i = 0; i < n; i++) if (!Number.isFinite(b[i]!)) return null;

  const diagonal = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const column = a[j]!;
    const alpha = stableNorm(column, j);
    if (!(alpha > RANK_TOLERANCE)) return null;
    // Reflect column j onto -sign(a_jj) * alpha * e_j; v = column[j..] with v_j shifted, stored in place.
    const beta = column[j]! >= 0 ? -alpha : alpha;
    column[j] = column[j]! - beta;
    const vNormSquared = squaredNorm(column, j);
    diagonal[j] = beta;
    if (vNormSquared === 0) continue;
    for (let l = j + 1; l < k; l++) reflect(column, a[l]!, j, vNormSquared);
    reflect(column, b, j, vNormSquared);
  }

  const x = new Float64Array(k);
  for (let j = k - 1; j >= 0; j--) {
    let s = b[j]!;
    for (let l = j + 1; l < k; l++) s -= a[l]![j]! * x[l]!;
    x[j] = s / diagonal[j]!;
  }
  for (let j = 0; j < k; j++) {
    x[j] = x[j]! / scales[j]!;
    if (!Number.isFinite(x[j]!)) return null;
  }
  return x;
}

/** A copy of `values`, each row multiplied by `factors` when given. */
function rowsTimes(values: ArrayLike<number>, factors: Float64Array | null): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < out.length; i++) out[i] = factors ? factors[i]! * values[i]! : values[i]!;
  return out;
}

function squaredNorm(v: Float64Array, from: number): number {
  let s = 0;
  for (let i = from; i < v.length; i++) s += v[i]! * v[i]!;
  return s;
}

/** Applies the reflection I - 2 v v' / (v'v) (v = `v[from..]`) to `target[from..]`. */
function reflect(v: Float64Array, target: Float64Array, from: number, vNormSquared: number): void {
  let dot = 0;
  for (let i = from; i < v.length; i++) dot += v[i]! * target[i]!;
  const factor = (2 * dot) / vNormSquared;
  for (let i = from; i < v.length; i++) target[i] = target[i]! - factor * v[i]!;
}

/**
 * Lower-triangular L with L L' = M + ridge * I for a symmetric k x k matrix (row-major), or null when a pivot
 * is not clearly positive (relative to the diagonal), i.e. the matrix is singular for practical purposes.
 */
export function cholesky(matrix: ArrayLike<number>, k: number, ridge: number): Float64Array | null {
  const L = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = matrix[i * k + j]!;
      if (i === j) s += ridge;
      for (let m = 0; m < j; m++) s -= L[i * k + m]! * L[j * k + m]!;
      if (i === j) {
        const scale = matrix[i * k + i]! + ridge;
        if (!(s > RANK_TOLERANCE * scale) || !Number.isFinite(s)) return null;
        L[i * k + i] = Math.sqrt(s);
      } else {
        L[i * k + j] = s / L[j * k + j]!;
      }
    }
  }
  return L;
}

/** Solves L z = b for lower-triangular L (k x k, row-major). */
export function forwardSubstitute(L: Float64Array, k: number, b: ArrayLike<number>): Float64Array {
  const z = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = b[i]!;
    for (let m = 0; m < i; m++) s -= L[i * k + m]! * z[m]!;
    z[i] = s / L[i * k + i]!;
  }
  return z;
}
