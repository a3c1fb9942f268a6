import assert from 'node:assert/strict';
import { binary, constant, feature, unary, withConstants } from '../../../src/engine/expressions/expression';
import { parseExpression } from '../../../src/engine/expressions/formats';
import { frontFormulas } from '../../../src/engine/front/frontFormula';
import { plotFront } from '../../../src/engine/front/plottedFormula';
import type { ScoredEntry } from '../../../src/engine/search/pareto';

const names = ['T (K)', 'V'];
/** 8.314 * T / V + 0.5 - sqrt(V): constants 8.314 then 0.5, in pre-order. */
const gas = binary('-', binary('+', binary('/', binary('*', constant(8.314), feature(0)), feature(1)), constant(0.5)), unary('sqrt', feature(1)));
const front: ScoredEntry[] = [
  { expr: constant(3), complexity: 1, loss: 40, score: 0, best: false },
  { expr: gas, complexity: 10, loss: 0.25, score: 0.55, best: true },
];

describe('front formula records', () => {
  it('carry the tree, the numbers of the scored front, text and LaTeX over the column names', () => {
    const [flat, law] = frontFormulas(front, names);
    assert.deepEqual(
      { complexity: law!.complexity, loss: law!.loss, score: law!.score, best: law!.best },
      { complexity: 10, loss: 0.25, score: 0.55, best: true },
    );
    assert.equal(law!.expr, gas);
    assert.equal(law!.text, '8.314 * T_K / V + 0.5 - sqrt(V)');
    assert.equal(law!.latex, '\\frac{8.314 \\cdot \\text{T (K)}}{V} + 0.5 - \\sqrt{V}');
    assert.deepEqual(parseExpression(law!.text, names), gas, 'the text reads back as the tree');
    assert.equal(flat!.text, '3');
  });

  it('list the fitted constants in pre-order, the order withConstants sets them in', () => {
    const [flat, law] = frontFormulas(front, names);
    assert.deepEqual(flat!.constants, [3]);
    assert.deepEqual(law!.constants, [8.314, 0.5]);
    assert.deepEqual(withConstants(law!.expr, law!.constants), gas);
    const [none] = frontFormulas([{ expr: feature(1), complexity: 1, loss: 1, score: 0, best: true }], names);
    assert.deepEqual(none!.constants, []);
  });

  it('come with their predictions on the plotted rows, or null where a formula is invalid there', () => {
    const T = Float64Array.of(300, 400);
    const V = Float64Array.of(4, 16);
    const withLog = { expr: unary('log', binary('-', feature(1), constant(10))), complexity: 4, loss: 1, score: 0, best: false };
    const [flat, law, invalid] = plotFront([...front, withLog], names, [T, V], 2);
    assert.deepEqual(flat!.predictions, [3, 3]);
    assert.deepEqual(law!.predictions, [(8.314 * 300) / 4 + 0.5 - 2, (8.314 * 400) / 16 + 0.5 - 4]);
    assert.equal(invalid!.predictions, null, 'log of a negative number on the first row');
    assert.equal(law!.text, frontFormulas(front, names)[1]!.text);
  });
});
