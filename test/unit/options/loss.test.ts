import assert from 'node:assert/strict';
import {
  baselineLoss,
  LOSS_NAMES,
  LOSSES,
  lossLabel,
  meanLoss,
  roundingFloor,
} from '../../../src/engine/evaluation/loss';
import { OPTION_SCHEMA } from '../../../src/engine/options';

function sample(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out[i] = (s / 2147483648) * 6 - 3;
  }
  return out;
}

const close = (a: number, b: number, what: string): void => assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

describe('Loss registry', () => {
  const predicted = sample(101, 1);
  const y = sample(101, 2);
  const weights = sample(101, 3).map((w) => Math.abs(w) + 0.1);

  it('averages each loss over the rows, weighted or not, as its loss per residual says', () => {
    for (const name of LOSS_NAMES) {
      const loss = LOSSES[name];
      let plain = 0;
      let weighted = 0;
      let weightSum = 0;
      for (let i = 0; i < y.length; i++) {
        const e = loss.element(predicted[i]! - y[i]!, 0.7);
        plain += e;
        weighted += weights[i]! * e;
        weightSum += weights[i]!;
      }
      close(meanLoss(name, predicted, y, undefined, 0.7), plain / y.length, `${name} unweighted`);
      close(meanLoss(name, predicted, y, weights, 0.7), weighted / weightSum, `${name} weighted`);
    }
  });

  it('has the usual loss per residual', () => {
    assert.equal(LOSSES.mse.element(-3, 1), 9);
    assert.equal(LOSSES.mae.element(-3, 1), 3);
    assert.equal(LOSSES.huber.element(0.5, 1), 0.125);
    assert.equal(LOSSES.huber.element(-3, 1), 2.5);
  });

  it('compares formulas with the best constant: the mean for squares, the median otherwise', () => {
    const values = Float64Array.from([1, 2, 3, 10]);
    assert.equal(baselineLoss('mse', values, undefined, 1), ((1 - 4) ** 2 + (2 - 4) ** 2 + (3 - 4) ** 2 + 36) / 4);
    assert.equal(baselineLoss('mae', values, undefined, 1), (1 + 0 + 1 + 8) / 4);
    const heavyLast = Float64Array.from([1, 1, 1, 10]);
    assert.equal(LOSSES.mae.bestConstant(values, heavyLast), 10);
  });

  it('reweights least squares so that a step descends the loss', () => {
    // Least squares weighted by w(r) moves a residual as the loss does when w(r)·r follows the loss's slope.
    const slope = (name: (typeof LOSS_NAMES)[number], r: number): number =>
      (LOSSES[name].element(r + 1e-7, 1) - LOSSES[name].element(r - 1e-7, 1)) / 2e-7;
    for (const name of LOSS_NAMES) {
      const ratios = [0.3, -0.8, -2, 5].map((r) => slope(name, r) / (LOSSES[name].irlsWeight(r, 1) * r));
      for (const ratio of ratios) assert.ok(Math.abs(ratio - ratios[0]!) < 1e-6, `${name}: ${ratios.join(', ')}`);
    }
  });

  it('counts as exact what is within rounding noise of the target', () => {
    const target = Float64Array.from([3, 4]);
    const rms = Math.sqrt((9 + 16) / 2);
    assert.equal(roundingFloor('mse', target, 1), (1e-13 * rms) ** 2);
    assert.equal(roundingFloor('mae', target, 1), 1e-13 * rms);
  });

  it('gives the loss option its choices and the results view its names', () => {
    assert.deepEqual(OPTION_SCHEMA.loss.choices.map((c) => c.value), [...LOSS_NAMES]);
    assert.deepEqual(OPTION_SCHEMA.loss.choices.map((c) => c.description), LOSS_NAMES.map((n) => LOSSES[n].description));
    assert.equal(lossLabel('mse'), 'MSE');
    assert.equal(lossLabel('huber'), 'Huber');
    assert.equal(lossLabel('quantile'), 'quantile');
  });
});
