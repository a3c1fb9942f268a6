import assert from 'node:assert/strict';
import { analyseStructure, type StructureAnalysisOptions } from '../../../../src/engine/analysis';
import { formKey } from '../../../../src/engine/analysis/formKey';
import { ColumnEvaluator } from '../../../../src/engine/evaluation/evaluate';
import { meanLoss } from '../../../../src/engine/evaluation/loss';
import { size, structureKey } from '../../../../src/engine/expressions/expression';
import { sampleData, vocabulary, withNoise } from './fixtures';

const OPERATORS = vocabulary('+', '-', '*', '/', '^', 'sqrt', 'exp', 'log', 'square');
const UNLIMITED: StructureAnalysisOptions = { loss: 'mse', huberDelta: 1, timeBudgetMs: 1000, clock: () => 0 };

describe('structure analysis: seeding candidates', () => {
  it('returns candidates of both analyses, one per form, by complexity then loss, with the search loss', () => {
    const data = withNoise(
      sampleData(300, [[1, 3], [0.5, 2], [1, 4]], ([a, b, c]) => 3 * a! - 2 * b! * c! + 0.5 / a!),
      0.01,
    );
    const candidates = analyseStructure(data, OPERATORS, UNLIMITED);
    assert.deepEqual([...new Set(candidates.map((c) => c.source))].sort(), ['power-law', 'sparse-regression']);
    assert.equal(new Set(candidates.map((c) => formKey(c.expr))).size, candidates.length);
    candidates.slice(1).forEach((c, k) => {
      const before = candidates[k]!;
      assert.ok(before.complexity < c.complexity || (before.complexity === c.complexity && before.loss <= c.loss));
    });
    for (const c of candidates) {
      assert.equal(c.complexity, size(c.expr));
      const predicted = new ColumnEvaluator(data.X, data.y.length).evaluate(c.expr)!;
      assert.equal(c.loss, meanLoss('mse', predicted, data.y, undefined, 1));
    }
    const best = candidates.reduce((a, b) => (b.loss < a.loss ? b : a));
    assert.equal(best.source, 'sparse-regression');
  });

  it('keeps one candidate when both analyses find the same form, the one of lower loss', () => {
    const data = sampleData(200, [[1, 3], [1, 3]], ([a, b]) => 2.5 * a! * b!);
    const candidates = analyseStructure(data, OPERATORS, UNLIMITED);
    const law = candidates.filter((c) => formKey(c.expr) === '((c*x0)*x1)');
    assert.equal(law.length, 1, candidates.map((c) => structureKey(c.expr)).join(', '));
    assert.ok(law[0]!.loss < 1e-25);
  });

  it('stays within the time budget of an injected clock, stopping within a few polls of its end', () => {
    const data = sampleData(300, [[1, 3], [0.5, 2], [1, 4]], ([a, b, c]) => 3 * a! - 2 * b! * c! + 0.5 / a!);
    let now = 0;
    // Every reading of the clock costs a millisecond: the budget is then a number of polls.
    const ticking = (): number => now++;
    const unlimited = analyseStructure(data, OPERATORS, { ...UNLIMITED, clock: ticking, timeBudgetMs: 1e9 });
    const pollsNeeded = now;
    for (const share of [0, 0.1, 0.5, 0.9]) {
      now = 0;
      const budget = Math.floor(share * pollsNeeded);
      const cut = analyseStructure(data, OPERATORS, { ...UNLIMITED, clock: ticking, timeBudgetMs: budget });
      assert.ok(now <= budget + 8, `${now} polls for a budget of ${budget}`);
      assert.ok(cut.length <= unlimited.length);
      if (budget === 0) assert.deepEqual(cut, []);
    }
    assert.ok(unlimited.length > 3);
  });

  it('returns nothing for data with nothing to fit, without throwing', () => {
    const constant = sampleData(50, [[1, 2], [3, 4]], () => 7);
    const empty = { X: [], y: new Float64Array(0) };
    const notFinite = { X: [Float64Array.from([1, 2, Number.NaN])], y: Float64Array.from([Number.NaN, 1, 2]) };
    for (const data of [constant, empty, notFinite]) assert.deepEqual(analyseStructure(data, OPERATORS, UNLIMITED), []);
  });
});
