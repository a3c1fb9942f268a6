import assert from 'node:assert/strict';
import { rSquared } from '../../../src/engine/evaluation/rSquared';

describe('coefficient of determination', () => {
  const actual = Float64Array.from([1, 2, 3, 4]);

  it('is 1 for a perfect fit, 0 for the mean, negative for worse', () => {
    assert.equal(rSquared(actual, [1, 2, 3, 4]), 1);
    assert.equal(rSquared(actual, [2.5, 2.5, 2.5, 2.5]), 0);
    assert.ok(rSquared(actual, [4, 3, 2, 1])! < 0);
    // Residuals 0.1 each: 1 - 0.04 / 5.
    assert.ok(Math.abs(rSquared([1, 2, 3, 4], [1.1, 2.1, 3.1, 4.1])! - (1 - 0.04 / 5)) < 1e-12);
  });

  it('is undefined without predictions, for a constant target or for residuals that are not finite', () => {
    assert.equal(rSquared(actual, null), undefined);
    assert.equal(rSquared(actual, [1, 2, 3]), undefined);
    assert.equal(rSquared([1], [1]), undefined);
    assert.equal(rSquared([2, 2, 2], [1, 2, 3]), undefined);
    assert.equal(rSquared(actual, [1, 2, Number.POSITIVE_INFINITY, 4]), undefined);
  });
});
