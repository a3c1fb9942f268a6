import assert from 'node:assert/strict';
import { ConstantFitter } from '../../../src/engine/evaluation/constantOptimization';
import { binary, constant, constantsOf, feature, unary } from '../../../src/engine/expressions/expression';
import { Random } from '../../../src/engine/random';

function grid(n: number, low: number, high: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => low + ((high - low) * i) / (n - 1));
}

describe('constant optimization', () => {
  const x = grid(200, 0.5, 4);
  const rng = new Random(1);

  it('recovers the constants of a power law to full precision', () => {
    const y = x.map((v) => 2.998 * Math.pow(v, 1.5));
    const fitter = new ConstantFitter({ columns: [x], y, loss: 'mse', huberDelta: 1 });
    const shape = binary('*', constant(1), binary('^', feature(0), constant(1)));
    const fit = fitter.fit(shape, { iterations: 100, restarts: 0, rng });
    const [a, b] = constantsOf(fit.expr);
    assert.ok(Math.abs(a! - 2.998) < 1e-10, `a = ${a}`);
    assert.ok(Math.abs(b! - 1.5) < 1e-10, `b = ${b}`);
    assert.ok(fit.loss < 1e-20);
  });

  it('fits a nonlinear exponential decay from a poor start', () => {
    const y = x.map((v) => 3.2 * Math.exp(-0.7 * v) + 0.25);
    const fitter = new ConstantFitter({ columns: [x], y, loss: 'mse', huberDelta: 1 });
    const shape = binary('+', binary('*', constant(1), unary('exp', binary('*', constant(-0.1), feature(0)))), constant(0));
    const fit = fitter.fit(shape, { iterations: 200, restarts: 2, rng });
    const [a, k, c] = constantsOf(fit.expr);
    assert.ok(Math.abs(a! - 3.2) < 1e-8 && Math.abs(k! + 0.7) < 1e-8 && Math.abs(c! - 0.25) < 1e-8, `${a} ${k} ${c}`);
  });

  it('fits a sine frequency and phase', () => {
    const y = x.map((v) => Math.sin(1.3 * v + 0.4));
    const fitter = new ConstantFitter({ columns: [x], y, loss: 'mse', huberDelta: 1 });
    const shape = unary('sin', binary('+', binary('*', constant(1.2), feature(0)), constant(0.3)));
    const fit = fitter.fit(shape, { iterations: 100, restarts: 0, rng });
    const [w, p] = constantsOf(fit.expr);
    assert.ok(Math.abs(w! - 1.3) < 1e-9 && Math.abs(p! - 0.4) < 1e-9, `${w} ${p}`);
  });

  it('is robust to an outlier with the Huber and absolute losses', () => {
    const y = x.map((v) => 2 * v + 1);
    y[50] = 1000;
    for (const loss of ['huber', 'mae'] as const) {
      const fitter = new ConstantFitter({ columns: [x], y, loss, huberDelta: 0.1 });
      const fit = fitter.fit(binary('+', binary('*', constant(1), feature(0)), constant(0)), {
        iterations: 200,
        restarts: 0,
        rng,
      });
      const [a, b] = constantsOf(fit.expr);
      assert.ok(Math.abs(a! - 2) < 3e-3 && Math.abs(b! - 1) < 3e-3, `${loss}: ${a} ${b}`);
    }
  });

  it('keeps the start when the expression is invalid everywhere', () => {
    const y = x.map(() => 1);
    const fitter = new ConstantFitter({ columns: [x], y, loss: 'mse', huberDelta: 1 });
    const fit = fitter.fit(unary('log', binary('-', constant(-5), feature(0))), { iterations: 10, restarts: 1, rng });
    assert.equal(fit.loss, Number.POSITIVE_INFINITY);
  });

  it('honours row weights', () => {
    const y = x.map((v, i) => (i < 100 ? 2 * v : 5 * v));
    const weights = x.map((_, i) => (i < 100 ? 1 : 0));
    const fitter = new ConstantFitter({ columns: [x], y, weights, loss: 'mse', huberDelta: 1 });
    const fit = fitter.fit(binary('*', constant(1), feature(0)), { iterations: 50, restarts: 0, rng });
    assert.ok(Math.abs(constantsOf(fit.expr)[0]! - 2) < 1e-12);
  });
});
