import assert from 'node:assert/strict';
import { DataError, formatRowRange, parseRowRange } from '../../../src/data/index';

describe('data: row ranges', () => {
  it('reads first:last with either side left out', () => {
    assert.deepEqual(parseRowRange('100:5000'), { first: 100, last: 5000 });
    assert.deepEqual(parseRowRange(' 100 : '), { first: 100 });
    assert.deepEqual(parseRowRange(':5000'), { first: 1, last: 5000 });
    assert.deepEqual(parseRowRange('7-7'), { first: 7, last: 7 });
    assert.equal(formatRowRange({ first: 100 }), '100:');
  });

  it('says what is wrong with a range it cannot read', () => {
    for (const [text, why] of [
      ['', /is not FIRST:LAST/],
      [':', /is not FIRST:LAST/],
      ['ten:20', /is not FIRST:LAST/],
      ['0:5', /must start at row 1/],
      ['9:3', /ends before it starts/],
    ] as const) {
      assert.throws(() => parseRowRange(text), (e: unknown) => e instanceof DataError && e.code === 'invalid-option' && why.test(e.message), text);
    }
  });
});
