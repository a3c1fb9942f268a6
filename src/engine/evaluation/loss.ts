import type { LossName } from '../options';

/** Weighted mean of an elementwise loss between predictions and targets. */
export function meanLoss(
  loss: LossName,
  predicted: Float64Array,
  y: Float64Array,
  weights: Float64Array | undefined,
  huberDelta: number,
): number {
  const n = y.length;
  let total = 0;
  if (loss === 'mse' && !weights) {
    // The search's usual case, once per candidate: a loop without the per-row branches below.
    for (let i = 0; i < n; i++) {
      const r = predicted[i]! - y[i]!;
      total += r * r;
    }
    return total / n;
  }
  let weightSum = 0;
  for (let i = 0; i < n; i++) {
    const r = predicted[i]! - y[i]!;
    const w = weights ? weights[i]! : 1;
    total += w * elementLoss(loss, r, huberDelta);
    weightSum += w;
  }
  return total / weightSum;
}

export function elementLoss(loss: LossName, residual: number, huberDelta: number): number {
  switch (loss) {
    case 'mse':
      return residual * residual;
    case 'mae':
      return Math.abs(residual);
    case 'huber': {
      const a = Math.abs(residual);
      return a <= huberDelta ? 0.5 * residual * residual : huberDelta * (a - 0.5 * huberDelta);
    }
  }
}

/** Loss of the best constant predictor, the scale against which formulas are compared. */
export function baselineLoss(loss: LossName, y: Float64Array, weights: Float64Array | undefined, huberDelta: number): number {
  const prediction = new Float64Array(y.length).fill(loss === 'mse' ? weightedMean(y, weights) : weightedMedian(y, weights));
  return meanLoss(loss, prediction, y, weights, huberDelta);
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
