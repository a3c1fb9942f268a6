import assert from 'node:assert/strict';
import { powerLawCandidates, type PowerLawCandidate } from '../../../../src/engine/analysis/powerLaw';
import { ColumnEvaluator } from '../../../../src/engine/evaluation/evaluate';
import { meanLoss } from '../../../../src/engine/evaluation/loss';
import { preorder, size, structureKey } from '../../../../src/engine/expressions/expression';
import type { SearchData } from '../../../../src/engine/problem/searchData';
import { MSE_SETTINGS, relativeError, sampleData, vocabulary, withNoise } from './fixtures';

const POWERS = vocabulary('+', '-', '*', '/', '^', 'sqrt', 'square', 'cube');

function snappedLaw(data: SearchData, vocab = POWERS): PowerLawCandidate {
  const candidates = powerLawCandidates(data, vocab, MSE_SETTINGS);
  const snapped = candidates.find((c) => c.snapped);
  assert.ok(snapped, `no snapped law among ${candidates.map((c) => structureKey(c.expr)).join(', ')}`);
  return snapped;
}

function assertExact(law: PowerLawCandidate, exponents: number[], coefficient: number): void {
  assert.deepEqual(law.exponents, exponents);
  assert.ok(relativeError(law.coefficient, coefficient) < 1e-12, `c = ${law.coefficient}, expected ${coefficient}`);
}

describe('structure analysis: power law', () => {
  it('recovers the kinetic energy of rotation 0.5*m*r^2*w^2 exactly', () => {
    const data = sampleData(300, [[1, 5], [0.5, 3], [0.1, 10]], ([m, r, w]) => 0.5 * m! * r! * r! * w! * w!);
    const law = snappedLaw(data);
    assertExact(law, [1, 2, 2], 0.5);
    assert.equal(structureKey(law.expr), `(((${law.coefficient}*x0)*square(x1))*square(x2))`);
  });

  it("recovers Poiseuille's law pi*r^4*dP/(8*mu*L) exactly, with the divisors in a denominator", () => {
    const data = sampleData(
      300,
      [[0.1, 2], [1, 10], [0.5, 4], [1, 3]],
      ([r, dP, mu, L]) => (Math.PI * r! ** 4 * dP!) / (8 * mu! * L!),
    );
    const law = snappedLaw(data);
    assertExact(law, [4, 1, -1, -1], Math.PI / 8);
    assert.equal(structureKey(law.expr), `(((${law.coefficient}*square(square(x0)))*x1)/(x2*x3))`);
  });

  it('recovers the radiated power 4*pi*R^2*T^4 exactly, on targets of order 1e16', () => {
    const data = sampleData(300, [[1, 10], [100, 1000]], ([R, T]) => 4 * Math.PI * R! ** 2 * T! ** 4);
    assertExact(snappedLaw(data), [2, 4], 4 * Math.PI);
  });

  it("recovers Kepler's third law 365.25*a^1.5 exactly, as sqrt(cube(a)) or a^1.5 as the operators allow", () => {
    const data = sampleData(100, [[0.3, 40]], ([a]) => 365.25 * a! ** 1.5);
    const withUnary = snappedLaw(data);
    assertExact(withUnary, [1.5], 365.25);
    assert.equal(structureKey(withUnary.expr), `(${withUnary.coefficient}*sqrt(cube(x0)))`);
    const withPower = snappedLaw(data, vocabulary('*', '/', '^'));
    assertExact(withPower, [1.5], 365.25);
    assert.equal(structureKey(withPower.expr), `(${withPower.coefficient}*(x0^1.5))`);
    assert.deepEqual(powerLawCandidates(data, vocabulary('+', '*', '/', 'square'), MSE_SETTINGS), []);
  });

  it('leaves out the features the law does not use, among ten on 1,000 rows', () => {
    const ranges = Array.from({ length: 10 }, (_, j): [number, number] => [1 + j / 10, 3 + j]);
    const data = sampleData(1000, ranges, (x) => (2 * x[0]!) / Math.sqrt(x[3]!));
    const law = snappedLaw(data);
    assertExact(law, [1, 0, 0, -0.5, 0, 0, 0, 0, 0, 0], 2);
    assert.equal(size(law.expr), 6);
  });

  it('gives a feature with negative values an integer exponent and its sign', () => {
    const data = sampleData(200, [[1, 3], [-2, 2]], ([a, b]) => -3 * a! * a! * b!);
    assertExact(snappedLaw(data), [2, 1], -3);
    const even = sampleData(200, [[1, 3], [-2, 2]], ([a, b]) => 1.5 * a! * b! * b!);
    assertExact(snappedLaw(even), [1, 2], 1.5);
  });

  it('builds integer powers as products when neither ^ nor square is allowed', () => {
    const data = sampleData(200, [[1, 5], [0.5, 3], [0.1, 10]], ([m, r, w]) => 0.5 * m! * r! * r! * w! * w!);
    const law = snappedLaw(data, vocabulary('+', '*'));
    assertExact(law, [1, 2, 2], 0.5);
    assert.ok(preorder(law.expr).every((n) => n.kind !== 'unary' && (n.kind !== 'binary' || n.op === '*')));
  });

  it('still snaps the exponents with 1% noise, and offers the free-exponent law beside it', () => {
    const clean = sampleData(500, [[1, 5], [0.5, 3], [0.1, 10]], ([m, r, w]) => 0.5 * m! * r! * r! * w! * w!);
    const candidates = powerLawCandidates(withNoise(clean, 0.01), POWERS, MSE_SETTINGS);
    const snapped = candidates.find((c) => c.snapped)!;
    const free = candidates.find((c) => !c.snapped)!;
    assert.deepEqual(snapped.exponents, [1, 2, 2]);
    assert.ok(relativeError(snapped.coefficient, 0.5) < 0.01, `c = ${snapped.coefficient}`);
    assert.ok(free.exponents.every((p, j) => p !== snapped.exponents[j] && Math.abs(p - snapped.exponents[j]!) < 0.01));
    assert.ok(free.loss <= snapped.loss);
  });

  it('keeps a free exponent that is not a simple fraction', () => {
    const data = sampleData(200, [[1, 10], [1, 4]], ([a, b]) => 2 * a! ** 1.37 * b!);
    const [law] = powerLawCandidates(data, POWERS, MSE_SETTINGS);
    assert.ok(law && !law.snapped);
    assert.equal(law.exponents[1], 1);
    assert.ok(Math.abs(law.exponents[0]! - 1.37) < 1e-9, `${law.exponents[0]}`);
  });

  it('reports the loss the search computes, in the chosen loss', () => {
    const data = withNoise(sampleData(200, [[1, 4], [1, 4]], ([a, b]) => (3 * a!) / b!), 0.05);
    for (const loss of ['mse', 'mae', 'huber'] as const) {
      for (const c of powerLawCandidates(data, POWERS, { ...MSE_SETTINGS, loss })) {
        const predicted = new ColumnEvaluator(data.X, data.y.length).evaluate(c.expr)!;
        assert.equal(c.loss, meanLoss(loss, predicted, data.y, undefined, 1));
      }
    }
  });

  it('fits on the rows it can use and returns nothing when no power law can be fitted', () => {
    const law = sampleData(100, [[1, 4], [1, 4]], ([a, b]) => 2 * a! * b!);
    law.X[0]![5] = Number.NaN;
    law.y[7] = Number.POSITIVE_INFINITY;
    law.y[9] = 0;
    assert.deepEqual(snappedLaw(law).exponents, [1, 1]);

    const constantTarget = sampleData(50, [[1, 4]], () => 3);
    const zeroTarget = sampleData(50, [[1, 4]], () => 0);
    const constantFeature = sampleData(50, [[2, 2]], () => 1);
    const mismatched: SearchData = { X: [new Float64Array(5)], y: new Float64Array(6) };
    const tooFew = sampleData(3, [[1, 4]], ([a]) => a!);
    for (const data of [constantTarget, zeroTarget, constantFeature, mismatched, tooFew]) {
      assert.deepEqual(powerLawCandidates(data, POWERS, MSE_SETTINGS), []);
    }
  });

  it('fits exponents on a sample of a large data set and the constant on every row, honouring weights', () => {
    const data = sampleData(12000, [[1, 5], [0.5, 3]], ([a, b]) => 7 * a! * Math.sqrt(b!));
    const weights = new Float64Array(data.y.length).fill(1);
    for (let i = 0; i < data.y.length; i += 97) {
      data.y[i] = data.y[i]! * 3;
      weights[i] = 0;
    }
    assertExact(snappedLaw({ ...data, weights }), [1, 0.5], 7);
    const unweighted = snappedLaw(data).coefficient;
    assert.ok(relativeError(unweighted, 7) > 1e-3, `the corrupted rows should pull c without weights: ${unweighted}`);
  });

  it('drops a law larger than the largest complexity allowed', () => {
    const data = sampleData(200, [[1, 5], [0.5, 3], [0.1, 10]], ([m, r, w]) => 0.5 * m! * r! * r! * w! * w!);
    assert.deepEqual(powerLawCandidates(data, POWERS, { ...MSE_SETTINGS, maxSize: 8 }), []);
    assert.equal(powerLawCandidates(data, POWERS, { ...MSE_SETTINGS, maxSize: 9 }).length, 1);
  });

  it('returns nothing once the deadline has passed', () => {
    const data = sampleData(100, [[1, 4]], ([a]) => 2 * a!);
    assert.deepEqual(powerLawCandidates(data, POWERS, { ...MSE_SETTINGS, isPastDeadline: () => true }), []);
  });
});
