import assert from 'node:assert/strict';
import { constant, feature } from '../../../src/engine/expressions/expression';
import { HallOfFame } from '../../../src/engine/search/hallOfFame';
import { scoreFront, type ScoredEntry } from '../../../src/engine/search/pareto';

const e = constant(1);
const entry = (complexity: number, loss: number) => ({ expr: e, complexity, loss });

describe('hall of fame and Pareto front', () => {
  it('keeps the best formula per complexity', () => {
    const hof = new HallOfFame(10);
    assert.ok(hof.consider(entry(3, 2)));
    assert.ok(!hof.consider(entry(3, 2.5)));
    assert.ok(hof.consider(entry(3, 1)));
    assert.ok(!hof.consider(entry(11, 0.1)), 'beyond the size limit');
    assert.ok(!hof.consider(entry(4, Number.POSITIVE_INFINITY)));
    assert.deepEqual(hof.all().map((x) => [x.complexity, x.loss]), [[3, 1]]);
  });

  it('keeps only formulas that beat every simpler one', () => {
    const hof = new HallOfFame(10);
    for (const [c, l] of [[1, 10], [2, 12], [3, 5], [5, 5], [6, 1], [9, 0.5]] as const) hof.consider(entry(c, l));
    assert.deepEqual(hof.front().map((x) => x.complexity), [1, 3, 6, 9]);
  });

  it('treats losses under the floor as equal', () => {
    const hof = new HallOfFame(10);
    for (const [c, l] of [[1, 10], [5, 1e-28], [7, 1e-31]] as const) hof.consider(entry(c, l));
    assert.deepEqual(hof.front(1e-26).map((x) => x.complexity), [1, 5]);
    assert.deepEqual(hof.front().map((x) => x.complexity), [1, 5, 7]);
  });

  it("scores as -dlog(loss)/dcomplexity and picks PySR's best", () => {
    const front = [entry(1, 100), entry(3, 10), entry(5, 9), entry(9, 8)];
    const scored = scoreFront(front);
    assert.equal(scored[0]!.score, 0);
    assert.ok(Math.abs(scored[1]!.score - Math.log(10) / 2) < 1e-12);
    assert.ok(Math.abs(scored[2]!.score - Math.log(10 / 9) / 2) < 1e-12);
    // Loss within 1.5x of the minimum (8): complexities 3, 5, 9; the highest score among them is at 3.
    assert.deepEqual(scored.map((s) => s.best), [false, true, false, false]);
  });

  it('picks the most accurate when no simpler formula is within 1.5x', () => {
    const scored = scoreFront([entry(1, 100), entry(3, 50), entry(5, 1)]);
    assert.deepEqual(scored.map((s) => s.best), [false, false, true]);
  });

  it('handles exact fits without infinite scores', () => {
    const scored = scoreFront([entry(1, 4), entry(3, 0)], 1e-30);
    assert.ok(Number.isFinite(scored[1]!.score) && scored[1]!.score > 10);
    assert.ok(scored[1]!.best);
  });

  it('marks by the information criterion when the number of rows is known', () => {
    // Losses of a Hubble 1929 front (32 noisy rows): PySR's rule marks complexity 9, a formula with a pole
    // next to the data (D (523 - 0.286 / (D - 1.998))); the criterion keeps v = 475 D.
    const front = [
      entry(1, 113_100),
      entry(3, 31_140),
      entry(5, 31_090),
      entry(7, 28_370),
      entry(9, 23_290),
      entry(11, 22_710),
      entry(15, 17_860),
      entry(17, 17_330),
    ];
    const best = (scored: ScoredEntry[]): number => scored.find((s) => s.best)!.complexity;
    assert.equal(best(scoreFront(front)), 9);
    assert.equal(best(scoreFront(front, 0, 32)), 3);
    // With many rows the same relative gains are real structure: 32 * 1000 rows make the complex formula worth it.
    assert.equal(best(scoreFront(front, 0, 32_000)), 17);
  });

  it('marks the simplest exact formula by either rule', () => {
    const front = [entry(1, 50), entry(5, 0.3), entry(7, 1e-29), entry(11, 1e-31)];
    for (const rows of [undefined, 10, 1000, 100_000]) {
      const scored = scoreFront(front, 1e-26, rows);
      assert.deepEqual(scored.map((s) => s.best), [false, false, true, false], `rows ${rows}`);
    }
  });

  it('accepts a single formula', () => {
    const scored = scoreFront([{ expr: feature(0), complexity: 1, loss: 3 }]);
    assert.equal(scored.length, 1);
    assert.ok(scored[0]!.best);
  });
});
