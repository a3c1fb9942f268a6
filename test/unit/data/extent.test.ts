import assert from 'node:assert/strict';
import { extent } from '../../../src/data/extent';

describe('data: extent', () => {
  it('spans every series together and passes over values that are not finite', () => {
    assert.deepEqual(extent(Float64Array.from([3, -1, 2])), [-1, 3]);
    assert.deepEqual(extent([1, Number.NaN, 4], [Number.POSITIVE_INFINITY, -2]), [-2, 4]);
  });

  it('is [Infinity, -Infinity] for series without a finite value', () => {
    assert.deepEqual(extent(new Float64Array(0)), [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    assert.deepEqual(extent([Number.NaN]), [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
  });
});
