import { leastSquares } from './linearAlgebra';
import { powerValue, type Power } from './powerTrees';
import type { PowerLawProblem } from './powerLawProblem';

/** Per feature of a problem: the exponent it is held at, or null when it is fitted. */
export type ExponentConstraints = readonly (Power | null)[];

export interface PowerLawFit {
  /** Exponent of each feature of the problem. */
  readonly exponents: Float64Array;
  /** Weighted mean squared error in linear space, with the best constant factor. */
  readonly loss: number;
}

const MAX_REFINEMENT_STEPS = 40;
const MAX_STEP_HALVINGS = 12;

/**
 * Exponents from the linear least-squares fit of log|y| on log|x_j| (with an intercept), the held ones fixed.
 * Feature columns are centred first so that the intercept does not make them look collinear.
 */
export function fitInLogSpace(problem: PowerLawProblem, constraints: ExponentConstraints): Float64Array | null {
  const n = problem.y.length;
  const exponents = new Float64Array(problem.features.length);
  const target = Float64Array.from(problem.logAbsY);
  const freeFeatures: number[] = [];
  constraints.forEach((held, j) => {
    if (held === null) {
      freeFeatures.push(j);
      return;
    }
    const p = powerValue(held);
    exponents[j] = p;
    const logs = problem.logs[j]!;
    if (p !== 0) for (let i = 0; i < n; i++) target[i] = target[i]! - p * logs[i]!;
  });
  if (freeFeatures.length === 0) return exponents;
  const columns = [new Float64Array(n).fill(1), ...freeFeatures.map((j) => centred(problem.logs[j]!, problem.weights))];
  const solution = leastSquares(columns, target, problem.weights);
  if (!solution) return null;
  freeFeatures.forEach((j, k) => (exponents[j] = solution[k + 1]!));
  return exponents;
}

/**
 * Gauss-Newton on the constant factor and the free exponents, minimising the squared error of
 * `c * prod_j x_j^p_j` itself, from `start` (the log-space fit). The log-space fit weighs relative errors;
 * with additive noise this one is the fit that the search's loss and the comparison of snapped exponents
 * need. A step is kept only when it lowers the error, halved until it does.
 */
export function refineInLinearSpace(
  problem: PowerLawProblem,
  start: Float64Array,
  constraints: ExponentConstraints,
  isPastDeadline: () => boolean,
): PowerLawFit | null {
  const freeFeatures = constraints.flatMap((held, j) => (held === null ? [j] : []));
  let exponents: Float64Array = Float64Array.from(start);
  constraints.forEach((held, j) => {
    if (held !== null) exponents[j] = powerValue(held);
  });
  // Factoring a typical magnitude out of the model keeps exp() in range; the fitted scale absorbs it.
  const shift = weightedMean(exponentSum(problem, exponents), problem.weights);
  const initial = powerBasis(problem, exponents, shift);
  if (!initial) return null;
  let basis = initial;
  let scale = bestScale(problem, basis);
  let loss = meanSquaredError(problem, basis, scale);
  if (freeFeatures.length === 0 || !Number.isFinite(loss)) return Number.isFinite(loss) ? { exponents, loss } : null;

  const n = problem.y.length;
  const residual = new Float64Array(n);
  for (let step = 0; step < MAX_REFINEMENT_STEPS && !isPastDeadline() && loss > 0; step++) {
    const current = basis;
    for (let i = 0; i < n; i++) residual[i] = problem.y[i]! - scale * current[i]!;
    const jacobian = [current, ...freeFeatures.map((j) => scaledProduct(scale, current, problem.logs[j]!))];
    const direction = leastSquares(jacobian, residual, problem.weights);
    if (!direction) break;
    let accepted: { exponents: Float64Array; basis: Float64Array; scale: number; loss: number } | null = null;
    for (let halving = 0, length = 1; halving < MAX_STEP_HALVINGS; halving++, length /= 2) {
      const trial = Float64Array.from(exponents);
      // Only the exponents take the step: the scale is solved exactly for each trial, which never does worse.
      freeFeatures.forEach((j, k) => (trial[j] = trial[j]! + length * direction[k + 1]!));
      const trialBasis = powerBasis(problem, trial, shift);
      if (!trialBasis) continue;
      const trialScale = bestScale(problem, trialBasis);
      const trialLoss = meanSquaredError(problem, trialBasis, trialScale);
      if (trialLoss < loss) {
        accepted = { exponents: trial, basis: trialBasis, scale: trialScale, loss: trialLoss };
        break;
      }
    }
    if (!accepted) break;
    const relativeGain = (loss - accepted.loss) / loss;
    ({ exponents, basis, scale, loss } = accepted);
    if (relativeGain < 1e-12) break;
  }
  return { exponents, loss };
}

/** sum_j p_j log|x_j| per row. */
function exponentSum(problem: PowerLawProblem, exponents: ArrayLike<number>): Float64Array {
  const out = new Float64Array(problem.y.length);
  problem.logs.forEach((logs, j) => {
    const p = exponents[j]!;
    if (p !== 0) for (let i = 0; i < out.length; i++) out[i] = out[i]! + p * logs[i]!;
  });
  return out;
}

/**
 * sign * exp(sum_j p_j log|x_j| - shift) per row, or null when a value is not finite. The sign is the
 * product of the signs of the features with negative values raised to odd exponents.
 */
function powerBasis(problem: PowerLawProblem, exponents: ArrayLike<number>, shift: number): Float64Array | null {
  const out = exponentSum(problem, exponents);
  for (let i = 0; i < out.length; i++) {
    const v = Math.exp(out[i]! - shift);
    if (!Number.isFinite(v)) return null;
    out[i] = v;
  }
  problem.signs.forEach((signs, j) => {
    if (signs && Math.abs(exponents[j]! % 2) === 1) for (let i = 0; i < out.length; i++) out[i] = out[i]! * signs[i]!;
  });
  return out;
}

/** The factor c minimising the weighted squared error of c * basis. */
function bestScale(problem: PowerLawProblem, basis: Float64Array): number {
  let numerator = 0;
  let denominator = 0;
  for (let i = 0; i < basis.length; i++) {
    const w = problem.weights ? problem.weights[i]! : 1;
    numerator += w * problem.y[i]! * basis[i]!;
    denominator += w * basis[i]! * basis[i]!;
  }
  return denominator > 0 ? numerator / denominator : 0;
}

function meanSquaredError(problem: PowerLawProblem, basis: Float64Array, scale: number): number {
  let total = 0;
  let weightTotal = 0;
  for (let i = 0; i < basis.length; i++) {
    const w = problem.weights ? problem.weights[i]! : 1;
    const r = problem.y[i]! - scale * basis[i]!;
    total += w * r * r;
    weightTotal += w;
  }
  const loss = total / weightTotal;
  return Number.isFinite(loss) ? loss : Number.POSITIVE_INFINITY;
}

function weightedMean(values: Float64Array, weights: Float64Array | undefined): number {
  let s = 0;
  let w = 0;
  for (let i = 0; i < values.length; i++) {
    const wi = weights ? weights[i]! : 1;
    s += wi * values[i]!;
    w += wi;
  }
  return w > 0 ? s / w : 0;
}

function centred(values: Float64Array, weights: Float64Array | undefined): Float64Array {
  const mean = weightedMean(values, weights);
  const out = new Float64Array(values.length);
  for (let i = 0; i < out.length; i++) out[i] = values[i]! - mean;
  return out;
}

/** s * a * b, row by row. */
function scaledProduct(s: number, a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < out.length; i++) out[i] = s * a[i]! * b[i]!;
  return out;
}
