import assert from 'node:assert/strict';
import { ConstantFitter } from '../../../src/engine/evaluation/constantOptimization';
import { binary, constant, constantsOf, feature, size, structureKey, type Expr } from '../../../src/engine/expressions/expression';
import { resolveOptions } from '../../../src/engine/options';
import { Random } from '../../../src/engine/random';
import { Scorer } from '../../../src/engine/evaluation/scorer';
import { polishFront } from '../../../src/engine/search/polish';
import { StopRule } from '../../../src/engine/search/stopRule';
import { FINISH_MARGIN_SECONDS, MAX_POLISH_SHARE, polishReserveSeconds, TimeBudget } from '../../../src/engine/search/timeBudget';

/** A clock that only moves when told to. */
function manualClock(startMs = 5000) {
  let now = startMs;
  return { read: () => now, advance: (seconds: number) => (now += seconds * 1000) };
}

describe('time budget', () => {
  it('holds back the expected polishing time, at most a share of the limit', () => {
    assert.equal(polishReserveSeconds(60, 10, 0), MAX_POLISH_SHARE * 60, 'all of the share while the speed is unknown');
    assert.ok(Math.abs(polishReserveSeconds(60, 10, 1e5) - 0.006) < 1e-12, 'ten formulas at 100,000 evaluations per second');
    assert.equal(polishReserveSeconds(3, 20, 350), MAX_POLISH_SHARE * 3, '200,000 rows: capped');
    assert.equal(polishReserveSeconds(3, 0, 350), 0, 'nothing to refit');
  });

  it('ends the search early enough to leave the reserve, and polishing before the limit', () => {
    const clock = manualClock();
    const budget = new TimeBudget(3, clock.read);
    assert.equal(budget.searchSecondsLeft(0.75), 2.25);
    clock.advance(2.3);
    assert.ok(budget.searchSecondsLeft(0.75) < 0);
    assert.ok(Math.abs(budget.polishSecondsLeft() - (0.7 - FINISH_MARGIN_SECONDS)) < 1e-9);
    const done = budget.polishDeadline();
    clock.advance(0.6);
    assert.equal(done(), false);
    clock.advance(0.1);
    assert.equal(done(), true);
    clock.advance(5);
    assert.equal(budget.polishSecondsLeft(), 0, 'never negative once the limit is past');
  });

  it('stops the search for time at the limit less the reserve', () => {
    const clock = manualClock();
    const rule = new StopRule(resolveOptions({ timeLimitSeconds: 10 }, 100), undefined, clock.read);
    clock.advance(7.9);
    assert.equal(rule.check(0, 0, 1, 2), null);
    clock.advance(0.1);
    assert.equal(rule.check(0, 0, 1, 2), 'time');
    assert.equal(rule.check(0, 0, 1, 0), null, 'without a reserve the search goes on to the limit');
  });
});

describe('polishing within its budget', () => {
  const a = Float64Array.from({ length: 50 }, (_, i) => 1 + i / 10);
  const y = a.map((v) => 2.5 * v + 1);
  const options = resolveOptions({ operators: ['+', '*'] }, a.length);
  const x = feature(0);
  /** Formulas of the front with poor constants: 2.5 a + 1 as 2 a + 0.5, 2.5 a as 2 a, and a constant. */
  const shapes: Expr[] = [constant(3), binary('*', constant(2), x), binary('+', binary('*', constant(2), x), constant(0.5))];
  const entries = (scorer: Scorer) => shapes.map((expr) => ({ expr, complexity: size(expr), loss: scorer.fullLoss(expr) }));
  const fresh = () => new Scorer({ X: [a], y }, options, new Random(1));

  it('refits every formula when time allows', () => {
    const scorer = fresh();
    const front = polishFront(entries(scorer), scorer, options, 0);
    assert.equal(front.length, 3);
    assert.ok(front[2]!.loss < 1e-24, `${front[2]!.loss}`);
    assert.ok(front.every((e, i) => e.loss < entries(scorer)[i]!.loss));
  });

  it('keeps every formula as it is once the budget is spent', () => {
    const scorer = fresh();
    const original = entries(scorer);
    const evaluations = scorer.evaluations;
    const front = polishFront(original, scorer, options, 0, () => true);
    assert.deepEqual(front.map((e) => [structureKey(e.expr), e.loss]), original.map((e) => [structureKey(e.expr), e.loss]));
    assert.equal(scorer.evaluations, evaluations, 'no evaluation after the budget');
  });

  it('polishes the front in order and stops between formulas when the budget runs out', () => {
    const scorer = fresh();
    const original = entries(scorer);
    const start = scorer.evaluations;
    // The budget is spent as soon as one formula has been refitted.
    const front = polishFront(original, scorer, options, 0, () => scorer.evaluations > start);
    assert.ok(front[0]!.loss < original[0]!.loss, 'the simplest formula is refitted first');
    assert.deepEqual(front.slice(1).map((e) => [structureKey(e.expr), e.loss]), original.slice(1).map((e) => [structureKey(e.expr), e.loss]));
  });

  it('stops a constant fit between Levenberg-Marquardt steps', () => {
    const fitter = new ConstantFitter({ columns: [a], y, loss: 'mse', huberDelta: 1 });
    const shape = shapes[2]!;
    const unlimited = fitter.fit(shape, { iterations: 100, restarts: 2, rng: new Random(2) });
    const stopped = fitter.fit(shape, { iterations: 100, restarts: 2, rng: new Random(2), shouldStop: () => true });
    assert.deepEqual(constantsOf(stopped.expr), [2, 0.5], 'the constants it started from');
    assert.equal(stopped.evaluations, 1);
    let polls = 0;
    const partial = fitter.fit(shape, { iterations: 100, restarts: 2, rng: new Random(2), shouldStop: () => ++polls > 2 });
    assert.ok(partial.evaluations < unlimited.evaluations, `${partial.evaluations} of ${unlimited.evaluations}`);
    assert.ok(partial.loss < fitter.loss(shape), 'what was gained before the stop is kept');
  });
});
