import assert from 'node:assert/strict';
import {
  sparseRegressionCandidates,
  type SparseRegressionCandidate,
} from '../../../../src/engine/analysis/sparseRegression';
import { termLibrary } from '../../../../src/engine/analysis/termLibrary';
import { ColumnEvaluator } from '../../../../src/engine/evaluation/evaluate';
import { meanLoss } from '../../../../src/engine/evaluation/loss';
import { size, structureKey } from '../../../../src/engine/expressions/expression';
import type { SearchData } from '../../../../src/engine/problem/searchData';
import { MSE_SETTINGS, sampleData, vocabulary, withNoise } from './fixtures';

const ALL = vocabulary('+', '-', '*', '/', '^', 'sqrt', 'exp', 'log', 'sin', 'cos', 'square', 'cube');
const ARITHMETIC = vocabulary('+', '-', '*', '/');

/** y = 3*x1 - 2*x2*x3 + 0.5/x1, with features numbered from 0. */
function threeTermSum(rows: number, extraFeatures = 0): SearchData {
  const ranges: [number, number][] = [[1, 3], [-2, 2], [-2, 2]];
  for (let j = 0; j < extraFeatures; j++) ranges.push([0.5 + j, 2 + j]);
  return sampleData(rows, ranges, ([a, b, c]) => 3 * a! - 2 * b! * c! + 0.5 / a!);
}

function withTerms(candidates: readonly SparseRegressionCandidate[], count: number): SparseRegressionCandidate {
  const found = candidates.find((c) => c.terms.length === count);
  assert.ok(found, `no candidate with ${count} terms`);
  return found;
}

function coefficientOf(candidate: SparseRegressionCandidate, term: string): number {
  const k = candidate.terms.indexOf(term);
  assert.ok(k >= 0, `${term} is not among ${candidate.terms.join(', ')}`);
  return candidate.coefficients[k]!;
}

describe('structure analysis: sparse regression', () => {
  it('recovers a three-term sum exactly and stops there', () => {
    const candidates = sparseRegressionCandidates(threeTermSum(300), ALL, MSE_SETTINGS);
    const law = withTerms(candidates, 3);
    assert.deepEqual([...law.terms].sort(), ['1/x0', 'x0', 'x1*x2']);
    assert.ok(Math.abs(coefficientOf(law, 'x0') - 3) < 1e-9);
    assert.ok(Math.abs(coefficientOf(law, 'x1*x2') + 2) < 1e-9);
    assert.ok(Math.abs(coefficientOf(law, '1/x0') - 0.5) < 1e-9);
    assert.ok(law.loss < 1e-20, `loss ${law.loss}`);
    assert.equal(
      structureKey(law.expr),
      `(((${law.coefficients[0]}*x0)+(${law.coefficients[1]}/x0))-((${-law.coefficients[2]!}*x1)*x2))`,
    );
    assert.deepEqual(
      candidates.map((c) => c.terms.length),
      [1, 2, 3],
    );
  });

  it('selects the same terms with 1% noise, the information criterion preferring three', () => {
    const candidates = sparseRegressionCandidates(withNoise(threeTermSum(1000, 4), 0.01), ALL, MSE_SETTINGS);
    const law = withTerms(candidates, 3);
    assert.deepEqual([...law.terms].sort(), ['1/x0', 'x0', 'x1*x2']);
    assert.ok(Math.abs(coefficientOf(law, 'x0') - 3) < 0.05);
    const preferred = candidates.reduce((a, b) => (b.criterion < a.criterion ? b : a));
    assert.equal(preferred.terms.length, 3);
  });

  it('selects on a sample of a large data set and fits on every row, honouring weights', () => {
    const data = threeTermSum(3000);
    const weights = new Float64Array(data.y.length).fill(1);
    for (let i = 0; i < data.y.length; i += 101) {
      data.y[i] = data.y[i]! + 50;
      weights[i] = 0;
    }
    const law = withTerms(sparseRegressionCandidates({ ...data, weights }, ARITHMETIC, MSE_SETTINGS), 3);
    assert.deepEqual([...law.terms].sort(), ['1/x0', 'x0', 'x1*x2']);
    assert.ok(Math.abs(coefficientOf(law, '1/x0') - 0.5) < 1e-9);
    assert.ok(law.loss < 1e-20, `loss ${law.loss}`);
  });

  it('finds terms made of the enabled functions, and an intercept', () => {
    const data = sampleData(300, [[0, 2], [0.5, 3]], ([t, r]) => 2 * Math.exp(-t!) + 0.7 * Math.sqrt(r!) - 1.25);
    const law = withTerms(sparseRegressionCandidates(data, ALL, MSE_SETTINGS), 3);
    assert.deepEqual([...law.terms].sort(), ['1', 'exp(-x0)', 'sqrt(x1)']);
    assert.ok(Math.abs(coefficientOf(law, '1') + 1.25) < 1e-9);
    assert.ok(Math.abs(coefficientOf(law, 'exp(-x0)') - 2) < 1e-9);
  });

  it('builds its library from the allowed operators and the features the functions accept', () => {
    const data = sampleData(50, [[-1, 1], [0.5, 2]], ([a, b]) => a! + b!);
    const labels = termLibrary(data, ALL, () => false).map((t) => t.label);
    for (const present of ['x0', 'x1', 'sqrt(x1)', 'log(x1)', 'exp(-x0)', 'sin(x0)', 'x0^2', 'x0*x1', 'x1^3', '1/x1', 'x0/x1', '1']) {
      assert.ok(labels.includes(present), `${present} missing from ${labels.join(' ')}`);
    }
    for (const absent of ['sqrt(x0)', 'log(x0)']) assert.ok(!labels.includes(absent), `${absent} in the library`);
    const arithmetic = termLibrary(data, vocabulary('+', '*'), () => false).map((t) => t.label);
    assert.deepEqual(arithmetic, ['x0', 'x1', 'x0^2', 'x0*x1', 'x1^2', '1']);
  });

  it('uses only the allowed operators: one term when nothing can add them', () => {
    const data = threeTermSum(200);
    for (const c of sparseRegressionCandidates(data, vocabulary('*', '/'), MSE_SETTINGS)) assert.equal(c.terms.length, 1);
    const withoutDivision = sparseRegressionCandidates(data, vocabulary('+', '*'), MSE_SETTINGS);
    assert.ok(withoutDivision.length > 0);
    for (const c of withoutDivision) assert.ok(!structureKey(c.expr).includes('/'));
  });

  it('keeps every candidate within the largest complexity', () => {
    const candidates = sparseRegressionCandidates(withNoise(threeTermSum(300, 2), 0.05), ALL, { ...MSE_SETTINGS, maxSize: 9 });
    assert.ok(candidates.length > 0);
    for (const c of candidates) assert.ok(size(c.expr) <= 9, structureKey(c.expr));
  });

  it('reports the loss the search computes, in the chosen loss', () => {
    const data = withNoise(threeTermSum(200), 0.05);
    for (const loss of ['mse', 'mae', 'huber'] as const) {
      const candidates = sparseRegressionCandidates(data, ARITHMETIC, { ...MSE_SETTINGS, loss });
      assert.ok(candidates.length > 0);
      for (const c of candidates) {
        const predicted = new ColumnEvaluator(data.X, data.y.length).evaluate(c.expr)!;
        assert.equal(c.loss, meanLoss(loss, predicted, data.y, undefined, 1));
      }
    }
  });

  it('copes with constant and duplicate columns, odd rows and a constant target', () => {
    const data = threeTermSum(200);
    const odd: SearchData = {
      X: [...data.X, new Float64Array(200).fill(4), Float64Array.from(data.X[0]!)],
      y: Float64Array.from(data.y),
    };
    odd.y[3] = Number.NaN;
    odd.X[1]![8] = Number.NEGATIVE_INFINITY;
    const law = withTerms(sparseRegressionCandidates(odd, ARITHMETIC, MSE_SETTINGS), 3);
    assert.ok(law.loss < 1e-20, `loss ${law.loss}`);
    const constantTarget = sampleData(50, [[1, 4]], () => 3);
    assert.deepEqual(sparseRegressionCandidates(constantTarget, ARITHMETIC, MSE_SETTINGS), []);
    const empty: SearchData = { X: [], y: new Float64Array(0) };
    assert.deepEqual(sparseRegressionCandidates(empty, ARITHMETIC, MSE_SETTINGS), []);
  });

  it('returns the levels finished when the deadline passes, and stops within a few polls of it', () => {
    const data = withNoise(threeTermSum(300), 0.01);
    let polls = 0;
    const all = sparseRegressionCandidates(data, ARITHMETIC, { ...MSE_SETTINGS, isPastDeadline: () => (polls++, false) });
    const total = polls;
    assert.ok(all.length >= 3, `${all.length} candidates`);
    const counts: number[] = [];
    for (const fraction of [0, 0.25, 0.5, 0.75, 1]) {
      const cutoff = Math.floor(fraction * total);
      let count = 0;
      let pollsAfter = 0;
      const cut = sparseRegressionCandidates(data, ARITHMETIC, {
        ...MSE_SETTINGS,
        isPastDeadline: () => (++count > cutoff ? (pollsAfter++, true) : false),
      });
      assert.ok(pollsAfter <= 4, `${pollsAfter} polls after the deadline`);
      cut.forEach((c, k) => assert.equal(structureKey(c.expr), structureKey(all[k]!.expr)));
      counts.push(cut.length);
    }
    // Nothing before the first poll, more levels the later the deadline, some but not all part of the way.
    assert.equal(counts[0], 0);
    assert.equal(counts[4], all.length);
    counts.slice(1).forEach((count, k) => assert.ok(count >= counts[k]!, `${counts}`));
    assert.ok(counts.some((count) => count > 0 && count < all.length), `${counts}`);
  });
});
