import assert from 'node:assert/strict';
import { arrayOf, integerIn, isNumber, isString, nullable, object, oneOf, optional, tagged, text, tupleOf } from '../../../src/shared/schema';

describe('Schema checks', () => {
  it('checks objects field by field, with optional fields and extra fields allowed', () => {
    const point = object({ x: isNumber, label: optional(isString) });
    assert.ok(point({ x: 1 }));
    assert.ok(point({ x: 1, label: 'a' }));
    assert.ok(point({ x: 1, label: undefined, other: true }));
    assert.equal(point({ x: 1, label: 2 }), false);
    assert.equal(point({ label: 'a' }), false);
    assert.equal(point([1]), false);
    assert.equal(point(null), false);
  });

  it('checks numbers, text, lists, pairs and choices', () => {
    const small = integerIn(1, 3);
    assert.deepEqual([0, 1, 3, 4, 2.5, Number.NaN, '2'].map(small), [false, true, true, false, false, false, false]);
    assert.ok(text(3)('abc'));
    assert.equal(text(3)('abcd'), false);
    assert.equal(text(10, /^a+$/)('aab'), false);
    assert.ok(arrayOf(isNumber)([1, 2]));
    assert.equal(arrayOf(isNumber)([1, '2']), false);
    assert.equal(arrayOf(isNumber, 1)([1, 2]), false);
    assert.ok(tupleOf(isNumber, isString)([1, 'a']));
    assert.equal(tupleOf(isNumber, isString)([1, 'a', 2]), false);
    assert.ok(nullable(isNumber)(null));
    assert.ok(oneOf(['a', 'b'])('b'));
    assert.equal(oneOf(['a', 'b'])('c'), false);
  });

  it('tells tagged objects apart by their type, and knows no other type', () => {
    const message = tagged({ ping: {}, move: { x: isNumber } });
    assert.ok(message({ type: 'ping' }));
    assert.ok(message({ type: 'move', x: 2 }));
    assert.equal(message({ type: 'move' }), false);
    assert.equal(message({ type: 'jump' }), false);
    assert.equal(message({ type: 'toString' }), false);
    assert.equal(message({ x: 2 }), false);
  });
});
