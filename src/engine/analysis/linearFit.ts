import { meanLoss } from '../evaluation/loss';
import type { LossName } from '../options';
import { leastSquares } from './linearAlgebra';
import type { LossSpec } from './types';

const ROBUST_ITERATIONS = 30;

/**
 * Coefficients of the linear combination of `columns` that best explains `y` in the given loss, or null
 * when the columns are dependent. Squared error is solved directly; the absolute and Huber losses by
 * iteratively reweighted least squares from the least-squares solution, keeping the best iterate by the
 * true loss (each reweighted step is a least-squares problem that agrees with the loss's gradient there).
 */
export function fitLinearCombination(
  columns: readonly Float64Array[],
  y: Float64Array,
  weights: Float64Array | undefined,
  spec: LossSpec,
): Float64Array | null {
  let coefficients = leastSquares(columns, y, weights);
  if (!coefficients || spec.loss === 'mse') return coefficients;
  const n = y.length;
  const prediction = new Float64Array(n);
  const lossAt = (c: Float64Array): number => {
    combine(columns, c, prediction);
    return meanLoss(spec.loss, prediction, y, weights, spec.huberDelta);
  };
  let bestLoss = lossAt(coefficients);
  const reweighted = new Float64Array(n);
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(y[i]!));
  // Rows already fitted exactly must not take all the weight of the absolute loss.
  const residualFloor = 1e-10 * largest + 1e-300;
  for (let iteration = 0; iteration < ROBUST_ITERATIONS; iteration++) {
    combine(columns, coefficients, prediction);
    for (let i = 0; i < n; i++) {
      reweighted[i] = (weights ? weights[i]! : 1) * robustWeight(spec.loss, prediction[i]! - y[i]!, spec.huberDelta, residualFloor);
    }
    const next = leastSquares(columns, y, reweighted);
    if (!next) break;
    const nextLoss = lossAt(next);
    if (!(nextLoss < bestLoss)) break;
    const relative = (bestLoss - nextLoss) / Math.max(bestLoss, 1e-300);
    coefficients = next;
    bestLoss = nextLoss;
    if (relative < 1e-12) break;
  }
  return coefficients;
}

/** sum_j c_j columns[j], written into `out`. */
function combine(columns: readonly Float64Array[], c: ArrayLike<number>, out: Float64Array): Float64Array {
  out.fill(0);
  columns.forEach((column, j) => {
    const cj = c[j]!;
    for (let i = 0; i < out.length; i++) out[i] = out[i]! + cj * column[i]!;
  });
  return out;
}

function robustWeight(loss: LossName, residual: number, huberDelta: number, residualFloor: number): number {
  const a = Math.abs(residual);
  switch (loss) {
    case 'mse':
      return 1;
    case 'huber':
      return a <= huberDelta ? 1 : huberDelta / a;
    case 'mae':
      return 1 / Math.max(a, residualFloor);
  }
}
