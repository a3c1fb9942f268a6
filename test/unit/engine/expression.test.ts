import assert from 'node:assert/strict';
import { binary, constant, constantsOf, feature, nodeAt, preorder, replaceAt, size, unary, withConstants } from '../../../src/engine/expressions/expression';
import { ColumnEvaluator, evaluateRow } from '../../../src/engine/evaluation/evaluate';

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

describe('column evaluator on random trees', () => {
  it('gives exactly the row-by-row values, or null when some value is not finite', async () => {
    const { Random } = await import('../../../src/engine/random');
    const { randomTree } = await import('../../../src/engine/search/randomTree');
    const rng = new Random(9);
    const n = 37;
    const columns = [0, 1, 2].map(() => Float64Array.from({ length: n }, () => rng.uniform(-3, 3)));
    columns[0]![5] = 0;
    const evaluator = new ColumnEvaluator(columns);
    const vocabulary = {
      binaryOperators: ['+', '-', '*', '/', '^'] as ('+' | '-' | '*' | '/' | '^')[],
      unaryOperators: ['sqrt', 'exp', 'log', 'sin', 'tanh', 'neg', 'square'] as ('sqrt' | 'exp' | 'log' | 'sin' | 'tanh' | 'neg' | 'square')[],
      features: 3,
    };
    let valid = 0;
    for (let t = 0; t < 3000; t++) {
      const e = randomTree(rng, vocabulary, 1 + rng.int(25));
      const out = evaluator.evaluate(e);
      // Reference: any non-finite intermediate value makes the evaluation invalid.
      let finite = true;
      const rowValue = (node: Parameters<typeof evaluateRow>[0], row: number[]): number => {
        const v =
          node.kind === 'constant' || node.kind === 'feature'
            ? evaluateRow(node, row)
            : node.kind === 'unary'
              ? evaluateRow({ ...node, arg: constant(rowValue(node.arg, row)) }, row)
              : evaluateRow({ ...node, left: constant(rowValue(node.left, row)), right: constant(rowValue(node.right, row)) }, row);
        if (!Number.isFinite(v)) finite = false;
        return v;
      };
      const expected = Array.from({ length: n }, (_, i) => rowValue(e, [columns[0]![i]!, columns[1]![i]!, columns[2]![i]!]));
      if (!finite) {
        assert.equal(out, null);
        continue;
      }
      assert.ok(out, 'valid everywhere, so not null');
      valid++;
      for (let i = 0; i < n; i++) assert.ok(Object.is(out[i], expected[i]), `row ${i}: ${out[i]} vs ${expected[i]}`);
    }
    assert.ok(valid > 500, `${valid} valid trees`);
  });
});
