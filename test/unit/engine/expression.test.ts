import assert from 'node:assert/strict';
import { binary, constant, constantsOf, feature, nodeAt, preorder, replaceAt, size, unary, withConstants } from '../../../src/engine/expression';
import { ColumnEvaluator, evaluateRow } from '../../../src/engine/evaluate';

describe('expression trees', () => {
  const e = binary('+', binary('*', constant(2), feature(0)), unary('sin', feature(1)));

  it('counts nodes and lists them in pre-order', () => {
    assert.equal(size(e), 6);
    assert.deepEqual(
      preorder(e).map((n) => n.kind),
      ['binary', 'binary', 'constant', 'feature', 'unary', 'feature'],
    );
  });

  it('replaces a node by pre-order index, sharing the rest', () => {
    const r = replaceAt(e, 4, feature(0));
    assert.equal(size(r), 5);
    assert.equal(nodeAt(r, 4).kind, 'feature');
    assert.equal((r as { left: unknown }).left, (e as { left: unknown }).left);
    assert.throws(() => replaceAt(e, 6, feature(0)), RangeError);
  });

  it('reads and writes constants in pre-order', () => {
    assert.deepEqual(constantsOf(e), [2]);
    assert.deepEqual(constantsOf(withConstants(e, [5])), [5]);
    assert.throws(() => withConstants(e, [1, 2]), RangeError);
  });
});

describe('column evaluator', () => {
  const x0 = Float64Array.from([1, 2, 3, -4]);
  const x1 = Float64Array.from([0.5, 1, 2, 3]);
  const ev = new ColumnEvaluator([x0, x1]);

  it('matches the row-by-row reference', () => {
    const e = binary('-', binary('*', constant(2.5), binary('^', feature(0), constant(2))), unary('cos', binary('/', feature(1), feature(0))));
    const out = ev.evaluate(e)!;
    for (let i = 0; i < 4; i++) assert.equal(out[i], evaluateRow(e, [x0[i]!, x1[i]!]));
  });

  it('never overwrites the input columns', () => {
    ev.evaluate(unary('neg', binary('+', feature(0), feature(1))));
    assert.deepEqual([...x0], [1, 2, 3, -4]);
    assert.deepEqual([...x1], [0.5, 1, 2, 3]);
  });

  it('returns null when any value is not finite', () => {
    assert.equal(ev.evaluate(unary('sqrt', feature(0))), null);
    assert.equal(ev.evaluate(unary('log', binary('-', feature(0), constant(1)))), null);
    assert.equal(ev.evaluate(binary('/', constant(1), constant(0))), null);
  });

  it('broadcasts constant expressions', () => {
    assert.deepEqual([...ev.evaluate(binary('+', constant(1), constant(2)))!], [3, 3, 3, 3]);
  });
});
