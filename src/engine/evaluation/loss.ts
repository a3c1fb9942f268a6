/**
 * The losses a search can minimise, in one table: what each is called and how it is described, its loss per
 * residual, its mean over the rows (a loop of its own per loss: it runs once per candidate), the constant
 * that predicts best under it, and how a least-squares step is reweighted to descend it.
 */

export const LOSS_NAMES = ['mse', 'mae', 'huber'] as const;

export type LossName = (typeof LOSS_NAMES)[number];

export interface LossDefinition {
  readonly name: LossName;
  /** Short name shown next to loss values: MSE. */
  readonly label: string;
  /** One line for choosing it: "Mean squared error". */
  readonly description: string;
  /** The same loss in PySR's `elementwise_loss`. */
  readonly pysr: string;
  /** Loss of one residual (prediction minus target). */
  element(residual: number, huberDelta: number): number;
  /** Mean of `element` over the rows; with weights, the weighted mean. */
  mean(predicted: Float64Array, y: Float64Array, weights: Float64Array | undefined, huberDelta: number): number;
  /** The constant prediction of least loss, whose loss is the baseline formulas are compared against. */
  bestConstant(y: Float64Array, weights: Float64Array | undefined): number;
  /** Weight of a row in a reweighted least-squares step, so that the step descends this loss. */
  irlsWeight(residual: number, huberDelta: number): number;
  /**
   * Whether candidates are scored after their best affine map `a + b * f` (see `Scorer`): only where that
   * map has a closed form.
   */
  readonly linearScaling: boolean;
}

function huberElement(residual: number, huberDelta: number): number {
  const a = Math.abs(residual);
  return a <= huberDelta ? 0.5 * residual * residual : huberDelta * (a - 0.5 * huberDelta);
}

function meanSquaredError(predicted: Float64Array, y: Float64Array, weights: Float64Array | undefined): number {
  const n = y.length;
  let total = 0;
  if (!weights) {
    // The search's usual case, once per candidate: a loop without the per-row weight.
    for (let i = 0; i < n; i++) {
      const r = predicted[i]! - y[i]!;
      total += r * r;
    }
    return total / n;
  }
  let weightSum = 0;
  for (let i = 0; i < n; i++) {
    const r = predicted[i]! - y[i]!;
    const w = weights[i]!;
    total += w * (r * r);
    weightSum += w;
  }
  return total / weightSum;
}

function meanAbsoluteError(predicted: Float64Array, y: Float64Array, weights: Float64Array | undefined): number {
  const n = y.length;
  let total = 0;
  let weightSum = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    total += w * Math.abs(predicted[i]! - y[i]!);
    weightSum += w;
  }
  return total / weightSum;
}

function meanHuberLoss(predicted: Float64Array, y: Float64Array, weights: Float64Array | undefined, huberDelta: number): number {
  const n = y.length;
  let total = 0;
  let weightSum = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    total += w * huberElement(predicted[i]! - y[i]!, huberDelta);
    weightSum += w;
  }
  return total / weightSum;
}

export const LOSSES: Readonly<Record<LossName, LossDefinition>> = {
  mse: {
    name: 'mse',
    label: 'MSE',
    description: 'Mean squared error',
    pysr: 'L2DistLoss()',
    element: (residual) => residual * residual,
    mean: meanSquaredError,
    bestConstant: weightedMean,
    irlsWeight: () => 1,
    linearScaling: true,
  },
  mae: {
    name: 'mae',
    label: 'MAE',
    description: 'Mean absolute error (robust to outliers)',
    pysr: 'L1DistLoss()',
    element: (residual) => Math.abs(residual),
    mean: meanAbsoluteError,
    bestConstant: weightedMedian,
    irlsWeight: (residual) => 1 / Math.max(Math.abs(residual), 1e-12),
    linearScaling: false,
  },
  huber: {
    name: 'huber',
    label: 'Huber',
    description: 'Huber loss (squared near zero, absolute beyond 1)',
    pysr: 'HuberLoss(1)',
    element: huberElement,
    mean: meanHuberLoss,
    bestConstant: weightedMedian,
    irlsWeight: (residual, huberDelta) => {
      const a = Math.abs(residual);
      return a <= huberDelta ? 1 : huberDelta / a;
    },
    linearScaling: false,
  },
};

export function isLossName(value: unknown): value is LossName {
  return (LOSS_NAMES as readonly unknown[]).includes(value);
}

/** The short name of a loss (MSE); names this version does not know are shown as they are. */
export function lossLabel(name: string): string {
  return isLossName(name) ? LOSSES[name].label : name;
}

/** Weighted mean of an elementwise loss between predictions and targets. */
export function meanLoss(
  loss: LossName,
  predicted: Float64Array,
  y: Float64Array,
  weights: Float64Array | undefined,
  huberDelta: number,
): number {
  return LOSSES[loss].mean(predicted, y, weights, huberDelta);
}

export function elementLoss(loss: LossName, residual: number, huberDelta: number): number {
  return LOSSES[loss].element(residual, huberDelta);
}

/** Loss of the best constant predictor, the scale against which formulas are compared. */
export function baselineLoss(loss: LossName, y: Float64Array, weights: Float64Array | undefined, huberDelta: number): number {
  const prediction = new Float64Array(y.length).fill(LOSSES[loss].bestConstant(y, weights));
  return meanLoss(loss, prediction, y, weights, huberDelta);
}

/** Residuals below this share of the target's root mean square are rounding noise. */
const ROUNDING_RESIDUAL = 1e-13;

/** The loss of a rounding-noise residual: losses at or below it count as exact. */
export function roundingFloor(loss: LossName, y: Float64Array, huberDelta: number): number {
  let meanSquare = 0;
  for (const v of y) meanSquare += v * v;
  meanSquare /= y.length;
  return elementLoss(loss, ROUNDING_RESIDUAL * Math.sqrt(meanSquare), huberDelta);
}

export function weightedMean(values: Float64Array, weights: Float64Array | undefined): number {
  let s = 0;
  let w = 0;
  for (let i = 0; i < values.length; i++) {
    const wi = weights ? weights[i]! : 1;
    s += wi * values[i]!;
    w += wi;
  }
  return s / w;
}

function weightedMedian(values: Float64Array, weights: Float64Array | undefined): number {
  const order = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]!);
  let total = 0;
  for (let i = 0; i < values.length; i++) total += weights ? weights[i]! : 1;
  let acc = 0;
  for (const i of order) {
    acc += weights ? weights[i]! : 1;
    if (acc >= total / 2) return values[i]!;
  }
  return values[order[order.length - 1]!]!;
}
