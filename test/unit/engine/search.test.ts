import assert from 'node:assert/strict';
import { evaluateRow } from '../../../src/engine/evaluation/evaluate';
import { structureKey } from '../../../src/engine/expressions/expression';
import { OptionsError, resolveOptions } from '../../../src/engine/options';
import { runSearch } from '../../../src/engine/search/search';

function data(rows: number, f: (a: number, b: number) => number) {
  const a = Float64Array.from({ length: rows }, (_, i) => 0.5 + (3 * ((i * 37) % rows)) / rows);
  const b = Float64Array.from({ length: rows }, (_, i) => 1 + (2 * ((i * 91) % rows)) / rows);
  return { X: [a, b], y: a.map((v, i) => f(v, b[i]!)) };
}

describe('search', function () {
  this.timeout(20_000);

  it('finds an exact law with its constants to full precision', () => {
    const d = data(200, (a, b) => 2.5 * a * b - 1.25);
    const result = runSearch(d, { iterations: 10, populations: 6, seed: 1 });
    const exact = result.front.find((e) => e.loss < 1e-24);
    assert.ok(exact, `not found: ${result.front.map((e) => structureKey(e.expr)).join(' | ')}`);
    assert.ok(Math.abs(evaluateRow(exact.expr, [2, 3]) - 13.75) < 1e-12);
    assert.ok(result.stoppedBy === 'iterations' || result.stoppedBy === 'exact', result.stoppedBy);
  });

  it('gives the same result for the same seed on one thread', () => {
    const d = data(100, (a, b) => a / b + Math.sin(a));
    const options = { iterations: 3, populations: 4, seed: 42, operators: ['+', '-', '*', '/', 'sin'] };
    const first = runSearch(d, options).front.map((e) => [e.complexity, e.loss, structureKey(e.expr)]);
    const second = runSearch(d, options).front.map((e) => [e.complexity, e.loss, structureKey(e.expr)]);
    assert.deepEqual(second, first);
    const other = runSearch(d, { ...options, seed: 43 }).front.map((e) => [e.complexity, e.loss, structureKey(e.expr)]);
    assert.notDeepEqual(other, first);
  });

  it('stops at an evaluation budget and reports progress', () => {
    // A law the default operators cannot write exactly, so that only the budget ends the search.
    const d = data(100, (a, b) => Math.sin(a) + b);
    let reports = 0;
    const result = runSearch(d, { maxEvaluations: 20_000, seed: 3 }, { onProgress: () => reports++, progressIntervalMs: 0 });
    assert.equal(result.stoppedBy, 'evaluations');
    assert.ok(result.evaluations >= 20_000 && result.evaluations < 40_000, `${result.evaluations}`);
    assert.ok(reports > 0);
  });

  it('stops when asked and keeps what it found', () => {
    const d = data(100, (a, b) => a * b);
    let polls = 0;
    const result = runSearch(d, { seed: 4 }, { shouldStop: () => ++polls > 200 });
    assert.equal(result.stoppedBy, 'cancelled');
    assert.ok(result.front.length > 0);
  });

  it('stops early below a loss threshold', () => {
    const d = data(100, (a) => 3 * a);
    const result = runSearch(d, { lossThreshold: 1e-10, seed: 5 });
    assert.equal(result.stoppedBy, 'lossThreshold');
    assert.ok(result.seconds < 30);
  });

  it('searches mini-batches on large data and reports losses on all rows', () => {
    const d = data(5000, (a, b) => a * b + 1);
    const result = runSearch(d, { iterations: 4, populations: 4, seed: 6 });
    const best = result.front[result.front.length - 1]!;
    let sse = 0;
    for (let i = 0; i < 5000; i++) sse += (evaluateRow(best.expr, [d.X[0]![i]!, d.X[1]![i]!]) - d.y[i]!) ** 2;
    assert.ok(Math.abs(sse / 5000 - best.loss) <= 1e-9 * Math.max(1, best.loss));
  });

  it('fits with row weights and other losses', () => {
    const d = data(100, (a) => 2 * a);
    const weights = new Float64Array(100).fill(1);
    for (const loss of ['mae', 'huber'] as const) {
      const result = runSearch({ ...d, weights }, { iterations: 5, populations: 4, seed: 7, loss });
      assert.ok(result.front.some((e) => e.loss < 1e-8), loss);
    }
  });

  it('rejects invalid options with a clear message', () => {
    assert.throws(() => resolveOptions({ operators: ['+', 'sinh'] }, 10), /unknown operator "sinh"/);
    assert.throws(() => resolveOptions({ operators: ['sin'] }, 10), /at least one binary operator/);
    assert.throws(() => resolveOptions({ maxSize: 2 }, 10), OptionsError);
    assert.throws(() => resolveOptions({ populationSize: 0 }, 10), /populationSize must be a positive integer/);
    assert.throws(() => resolveOptions({ timeLimitSeconds: -1 }, 10), /timeLimitSeconds must be positive/);
    assert.throws(() => resolveOptions({ tournamentProbability: 2 }, 10), /between 0 and 1/);
    assert.throws(() => resolveOptions({ loss: 'l2' as 'mse' }, 10), /loss must be/);
  });

  it('rejects data with NaN or mismatched columns', () => {
    assert.throws(() => runSearch({ X: [Float64Array.from([1, NaN])], y: Float64Array.from([1, 2]) }, {}), /row 2 is not a finite number/);
    assert.throws(() => runSearch({ X: [Float64Array.from([1, 2])], y: Float64Array.from([1]) }, {}), /feature 0 has 2 rows/);
  });
});
