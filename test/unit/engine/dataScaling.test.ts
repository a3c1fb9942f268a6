import assert from 'node:assert/strict';
import { chooseScaling, log2RootMeanSquare, scaleData, scaleOptions, timesPowerOfTwo } from '../../../src/engine/problem/dataScaling';
import { evaluateRow } from '../../../src/engine/evaluation/evaluate';
import { binary, constant, feature, size, structureKey, unary, type Expr } from '../../../src/engine/expressions/expression';
import { resolveOptions } from '../../../src/engine/options';
import { Random } from '../../../src/engine/random';
import { randomTree } from '../../../src/engine/search/randomTree';
import { frontInUserUnits, toUserUnits } from '../../../src/engine/problem/userUnits';

const vocabulary = {
  binaryOperators: ['+', '-', '*', '/', '^'] as ('+' | '-' | '*' | '/' | '^')[],
  unaryOperators: ['neg', 'sqrt', 'exp', 'sin', 'square', 'cube'] as ('neg' | 'sqrt' | 'exp' | 'sin' | 'square' | 'cube')[],
};
const x = feature(0);
const z = feature(1);
const c = constant;

describe('data scaling', () => {
  it('multiplies by powers of two beyond the range of a single double factor', () => {
    assert.equal(timesPowerOfTwo(3, 10), 3072);
    assert.equal(timesPowerOfTwo(1.5 * 2 ** -1000, 2000), 1.5 * 2 ** 1000);
    assert.equal(timesPowerOfTwo(1.5 * 2 ** 1000, -2000), 1.5 * 2 ** -1000);
    assert.equal(timesPowerOfTwo(5e-324, 2000), 2 ** 926);
    assert.equal(timesPowerOfTwo(1e-300, -2000), 0);
    assert.equal(timesPowerOfTwo(1e300, 2000), Number.POSITIVE_INFINITY);
  });

  it('measures the size of a column without overflow or underflow', () => {
    assert.ok(Math.abs(log2RootMeanSquare(Float64Array.from([1e300, -1e300])) - Math.log2(1e300)) < 1e-9);
    assert.ok(Math.abs(log2RootMeanSquare(Float64Array.from([3e-320, 3e-320])) - Math.log2(3e-320)) < 1e-3);
    assert.equal(log2RootMeanSquare(new Float64Array(4)), Number.NEGATIVE_INFINITY);
  });

  it('leaves ordinary data as they are', () => {
    const data = { X: [Float64Array.from([1e-60, 2e-60]), Float64Array.from([0, 0])], y: Float64Array.from([3e70, 1]) };
    const scaling = chooseScaling(data);
    assert.deepEqual(scaling, { target: 0, features: [0, 0] });
    assert.equal(scaleData(data, scaling), data);
  });

  it('scales every column to a size near 1 when one is extreme, keeping every bit', () => {
    const a = Float64Array.from([1e200, 3.3e200, 7.1e199]);
    const b = Float64Array.from([0.5, 1.7, 2]);
    const y = Float64Array.from([1e-250, 2.5e-250, 1e-251]);
    const data = { X: [a, b, new Float64Array(3)], y, weights: Float64Array.from([1, 2, 3]) };
    const scaling = chooseScaling(data);
    assert.equal(scaling.features[2], 0, 'a column of zeros stays');
    const scaled = scaleData(data, scaling);
    assert.equal(scaled.weights, data.weights);
    const columns: [Float64Array, Float64Array, number][] = [
      [y, scaled.y, scaling.target],
      [a, scaled.X[0]!, scaling.features[0]!],
      [b, scaled.X[1]!, scaling.features[1]!],
    ];
    for (const [original, s, exponent] of columns) {
      const rms = Math.sqrt(s.reduce((t, v) => t + v * v, 0) / s.length);
      assert.ok(rms > 0.7 && rms < 1.42, `root mean square ${rms}`);
      s.forEach((v, i) => assert.equal(timesPowerOfTwo(v, exponent), original[i]));
    }
  });

  it('scales the Huber threshold with the target', () => {
    const options = resolveOptions({ loss: 'huber', huberDelta: 2 }, 10);
    assert.equal(scaleOptions(options, { target: 600, features: [0] }).huberDelta, 2 ** -599);
    assert.equal(scaleOptions(options, { target: 0, features: [5] }), options);
  });
});

describe('formulas back in the user units', () => {
  const scaling = { target: 600, features: [-300, 200] };
  const key = (e: Expr) => structureKey(toUserUnits(e, scaling, vocabulary)!);

  it('folds the scale factors into existing constants', () => {
    // 2^600 * 3 * (x / 2^-300) = 3 * 2^900 * x
    assert.equal(key(binary('*', c(3), x)), `(${3 * 2 ** 900}*x0)`);
    // 2^600 * (3 * (x / 2^-300) + 5) = 3 * 2^900 * x + 5 * 2^600
    assert.equal(key(binary('+', binary('*', c(3), x), c(5))), `((${3 * 2 ** 900}*x0)+${5 * 2 ** 600})`);
    // 2^600 * (x / 2^-300) / (z / 2^200) * 2^-700 = 2^400 * x / z
    assert.equal(key(binary('*', binary('/', x, z), c(2 ** -700))), `((${2 ** 400}*x0)/x1)`);
  });

  it('multiplies by a factor only where no constant can take it', () => {
    assert.equal(key(x), `(${2 ** 900}*x0)`);
    assert.equal(key(unary('sin', x)), `(${2 ** 600}*sin((${2 ** 300}*x0)))`);
    assert.equal(key(binary('*', c(2), unary('sin', binary('*', c(3), x)))), `(${2 ** 601}*sin((${3 * 2 ** 300}*x0)))`);
  });

  it('carries factors through powers, squares and roots', () => {
    // 2^600 * 4 * (z / 2^200)^3 = 4 * 2^0 * z^3
    assert.equal(key(binary('*', c(4), binary('^', z, c(3)))), '(4*(x1^3))');
    assert.equal(key(binary('*', c(4), unary('cube', z))), '(4*cube(x1))');
    // 2^600 * sqrt(x / 2^-300) = 2^750 * sqrt(x)
    assert.equal(key(binary('*', c(1), unary('sqrt', x))), `(${2 ** 750}*sqrt(x0))`);
  });

  it('keeps the factors apart where folding them would leave the range of doubles', () => {
    // 2^600 * (x / 2^-300)^3 would need the constant 2^1500.
    const user = toUserUnits(binary('*', c(1), binary('^', x, c(3))), scaling, vocabulary);
    assert.equal(structureKey(user), `(${2 ** 600}*((${2 ** 300}*x0)^3))`);
    assert.equal(evaluateRow(user, [1.5 * 2 ** -300]), 3.375 * 2 ** 600);
  });

  it('computes the same values as the scaled formula on scaled data', () => {
    const rng = new Random(5);
    const scaled = { target: 7, features: [-3, 12] };
    const treeVocabulary = { ...vocabulary, features: 2 };
    let checked = 0;
    for (let i = 0; i < 400; i++) {
      const e = randomTree(rng, treeVocabulary, 1 + rng.int(14));
      const user = toUserUnits(e, scaled, vocabulary);
      const row = [0.5 + rng.next(), 0.5 + rng.next()];
      const expected = timesPowerOfTwo(evaluateRow(e, [timesPowerOfTwo(row[0]!, 3), timesPowerOfTwo(row[1]!, -12)]), 7);
      const actual = evaluateRow(user, row);
      if (!Number.isFinite(expected) || Math.abs(expected) > 1e100 || Math.abs(expected) < 1e-100) continue;
      assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(expected), 2 ** 7), `${structureKey(e)} -> ${structureKey(user)}: ${actual} vs ${expected}`);
      checked++;
    }
    assert.ok(checked > 200, `only ${checked} trees checked`);
  });

  it('rebuilds the front by the complexity in the user units', () => {
    // a and b scaled by 2^-300 and 2^200, y by 2^-100: a' * b' and 1 * (a' * b') both come back as a * b,
    // and the one with the lower loss takes that complexity.
    const s = { target: -100, features: [-300, 200] };
    const entries = [
      { expr: binary('*', x, z), complexity: 3, loss: 0.5 },
      { expr: binary('*', c(1), binary('*', x, z)), complexity: 5, loss: 0 },
    ];
    const front = frontInUserUnits(entries, s, vocabulary, 0, 10);
    assert.deepEqual(
      front.map((e) => [e.complexity, structureKey(e.expr), e.loss, e.best]),
      [[3, '(x0*x1)', 0, true]],
    );
    assert.equal(front[0]!.complexity, size(front[0]!.expr));
  });
});
