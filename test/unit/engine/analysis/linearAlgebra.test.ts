import assert from 'node:assert/strict';
import { cholesky, forwardSubstitute, leastSquares } from '../../../../src/engine/analysis/linearAlgebra';
import { fitLinearCombination } from '../../../../src/engine/analysis/linearFit';
import { relativeError } from './fixtures';

function grid(n: number, low: number, high: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => low + ((high - low) * i) / (n - 1));
}

describe('structure analysis: least squares', () => {
  const x = grid(200, 1, 1.5);
  const ones = new Float64Array(x.length).fill(1);
  const inverse = x.map((v) => 1 / v);

  it('recovers the coefficients of correlated columns to near machine precision', () => {
    // 1, x and 1/x on [1, 1.5] are nearly collinear: the normal equations would lose about half the digits.
    const y = x.map((v) => 2 - 3 * v + 0.25 / v);
    const c = leastSquares([ones, x, inverse], y)!;
    assert.ok(relativeError(c[0]!, 2) < 1e-10, `${c[0]}`);
    assert.ok(relativeError(c[1]!, -3) < 1e-10, `${c[1]}`);
    assert.ok(relativeError(c[2]!, 0.25) < 1e-10, `${c[2]}`);
  });

  it('minimises the weighted squared error', () => {
    const y = Float64Array.from([1, 2, 10]);
    const column = Float64Array.from([1, 1, 1]);
    assert.ok(Math.abs(leastSquares([column], y)![0]! - 13 / 3) < 1e-12);
    assert.ok(Math.abs(leastSquares([column], y, Float64Array.from([1, 1, 0]))![0]! - 1.5) < 1e-12);
  });

  it('refuses dependent columns, too few rows and non-finite values', () => {
    const y = x.map((v) => v * v);
    assert.equal(leastSquares([x, x.map((v) => 2 * v)], y), null);
    assert.equal(leastSquares([x, new Float64Array(x.length)], y), null);
    assert.equal(leastSquares([Float64Array.from([1]), Float64Array.from([2])], Float64Array.from([3])), null);
    const broken = Float64Array.from(y);
    broken[3] = Number.NaN;
    assert.equal(leastSquares([x], broken), null);
  });

  it('factors a positive definite matrix and refuses a singular one', () => {
    const m = Float64Array.from([4, 2, 2, 3]);
    const L = cholesky(m, 2, 0)!;
    // L = [2 0; 1 sqrt(2)], and L z = [2 1] has z = [1, 0].
    assert.deepEqual(Array.from(L), [2, 0, 1, Math.SQRT2]);
    assert.deepEqual(Array.from(forwardSubstitute(L, 2, [2, 1])), [1, 0]);
    assert.equal(cholesky(Float64Array.from([1, 1, 1, 1]), 2, 0), null);
    assert.ok(cholesky(Float64Array.from([1, 1, 1, 1]), 2, 1e-3));
  });

  it('fits in the absolute loss without being pulled by an outlier', () => {
    const y = x.map((v) => 3 * v);
    y[10] = 1000;
    const mse = fitLinearCombination([x], y, undefined, { loss: 'mse', huberDelta: 1 })![0]!;
    const mae = fitLinearCombination([x], y, undefined, { loss: 'mae', huberDelta: 1 })![0]!;
    assert.ok(Math.abs(mse - 3) > 0.5, `least squares is pulled: ${mse}`);
    assert.ok(Math.abs(mae - 3) < 1e-6, `absolute loss is not: ${mae}`);
  });
});
