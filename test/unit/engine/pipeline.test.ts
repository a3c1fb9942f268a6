import assert from 'node:assert/strict';
import { evaluateRow } from '../../../src/engine/evaluation/evaluate';
import { binary, constant, feature, size, type Expr } from '../../../src/engine/expressions/expression';
import { HallOfFame } from '../../../src/engine/search/hallOfFame';
import { SearchPipeline, type EvolutionState } from '../../../src/engine/search/pipeline';
import { prepareSearch } from '../../../src/engine/search/prepare';
import { PolishReserve } from '../../../src/engine/search/polish';
import { ProgressThrottle } from '../../../src/engine/search/progress';
import { runSearch } from '../../../src/engine/search/search';
import { FINISH_MARGIN_SECONDS, MAX_POLISH_SHARE, TimeBudget } from '../../../src/engine/search/timeBudget';
import type { SearchOptions } from '../../../src/engine/options';

/** A clock that only moves when told to. */
function manualClock(startMs = 1000) {
  let now = startMs;
  return { read: () => now, advance: (seconds: number) => (now += seconds * 1000) };
}

const a = Float64Array.from({ length: 40 }, (_, i) => 1 + i / 10);
const line = { X: [a], y: a.map((v) => 3 * v + 1) };

/** An evolve stage that is told what it has done. */
function fakeEvolution(maxSize = 30): EvolutionState & { evaluations: number; iterations: number } {
  return { evaluations: 0, iterations: 0, hallOfFame: new HallOfFame(maxSize) };
}

function fameEntry(expr: Expr, loss: number) {
  return { expr, complexity: size(expr), loss };
}

function pipelineOn(options: Partial<SearchOptions>, cancelled?: () => boolean) {
  const clock = manualClock();
  const pipeline = new SearchPipeline(prepareSearch(line, options), { clock: clock.read, cancelled, progressIntervalMs: 100 });
  return { pipeline, clock, state: fakeEvolution() };
}

describe('search pipeline: prepare', () => {
  it('checks the data and the options before anything runs', () => {
    assert.throws(() => prepareSearch({ X: [Float64Array.from([1, NaN])], y: Float64Array.from([1, 2]) }, {}), /row 2 is not a finite number/);
    assert.throws(() => prepareSearch(line, { operators: ['+', 'foo'] }), /unknown operator "foo"/);
  });

  it('scales data beyond the safe range of doubles and leaves other data as it is', () => {
    assert.equal(prepareSearch(line, {}).data, line);
    const huge = { X: [a.map((v) => v * 1e300)], y: a.map((v) => v * 1e300) };
    const prepared = prepareSearch(huge, {});
    assert.ok(prepared.scaling.target > 900 && prepared.scaling.features[0]! > 900);
    assert.ok(prepared.data.y.every((v) => v > 0.1 && v < 10));
    assert.ok(prepared.floor > 0 && prepared.floor < 1e-20, 'the floor is that of the scaled target');
  });
});

describe('search pipeline: stop rule', () => {
  it('ends evolution at the evaluation budget', () => {
    const { pipeline, state } = pipelineOn({ maxEvaluations: 100 });
    state.evaluations = 99;
    assert.equal(pipeline.checkStop(state), null);
    state.evaluations = 100;
    assert.equal(pipeline.checkStop(state), 'evaluations');
  });

  it('ends evolution after the iterations', () => {
    const { pipeline, state } = pipelineOn({ iterations: 3 });
    state.iterations = 2;
    assert.equal(pipeline.checkStop(state), null);
    state.iterations = 3;
    assert.equal(pipeline.checkStop(state), 'iterations');
  });

  it('ends evolution below the loss threshold', () => {
    const { pipeline, state } = pipelineOn({ lossThreshold: 1e-6 });
    state.hallOfFame.consider(fameEntry(feature(0), 1e-5));
    assert.equal(pipeline.checkStop(state), null);
    state.hallOfFame.consider(fameEntry(binary('*', constant(3), feature(0)), 1e-7));
    assert.equal(pipeline.checkStop(state), 'lossThreshold');
  });

  it('ends evolution early enough to leave the reserve for polishing', () => {
    const { pipeline, clock, state } = pipelineOn({ timeLimitSeconds: 10 });
    // No speed measured yet: all of the share is held back.
    clock.advance(10 * (1 - MAX_POLISH_SHARE) - 0.01);
    assert.ok(Math.abs(pipeline.searchSecondsLeft(state) - 0.01) < 1e-9);
    assert.equal(pipeline.checkStop(state), null);
    clock.advance(0.01);
    assert.equal(pipeline.checkStop(state), 'time');
  });

  it('ends evolution on a cancel, and the first reason stays', () => {
    let cancelled = false;
    const { pipeline, state } = pipelineOn({ maxEvaluations: 100 }, () => cancelled);
    assert.equal(pipeline.checkStop(state), null);
    cancelled = true;
    assert.equal(pipeline.checkStop(state), 'cancelled');
    state.evaluations = 1000;
    pipeline.stop('error');
    assert.equal(pipeline.checkStop(state), 'cancelled');
    assert.equal(pipeline.stoppedBy, 'cancelled');
  });

  it('re-estimates the reserve from the speed so far, not on every check', () => {
    const clock = manualClock();
    const budget = new TimeBudget(100, clock.read);
    const reserve = new PolishReserve(budget, clock.read);
    const fame = new HallOfFame(30);
    fame.consider(fameEntry(binary('*', constant(3), feature(0)), 1));
    assert.equal(reserve.seconds(0, fame), MAX_POLISH_SHARE * 100, 'the whole share while the speed is unknown');
    clock.advance(1);
    // 60 evaluations for the one formula with a constant, at 600 evaluations per second.
    assert.ok(Math.abs(reserve.seconds(600, fame) - 0.1) < 1e-12);
    clock.advance(0.1);
    assert.ok(Math.abs(reserve.seconds(60, fame) - 0.1) < 1e-12, 'kept for 200 ms');
  });
});

describe('search pipeline: progress, polish and report', () => {
  it('reports progress at once, then at most once per interval', () => {
    const clock = manualClock();
    const throttle = new ProgressThrottle(100, clock.read);
    assert.equal(throttle.due(), true);
    assert.equal(throttle.due(), false);
    clock.advance(0.099);
    assert.equal(throttle.due(), false);
    clock.advance(0.001);
    assert.equal(throttle.due(), true);
  });

  it('reports the hall of fame as a scored front', () => {
    const { pipeline, clock, state } = pipelineOn({});
    state.evaluations = 1234.4;
    state.iterations = 2;
    state.hallOfFame.consider(fameEntry(feature(0), 2));
    clock.advance(2);
    const progress = pipeline.progressIfDue(state)!;
    assert.equal(progress.evaluations, 1234);
    assert.equal(progress.iterations, 2);
    assert.equal(progress.seconds, 2);
    assert.equal(progress.evaluationsPerSecond, 617);
    assert.deepEqual(progress.front.map((e) => [e.complexity, e.loss, e.best]), [[1, 2, true]]);
    assert.equal(pipeline.progressIfDue(state), null, 'throttled');
  });

  it('plans polishing in the time left of the limit, dealt out with the front first', () => {
    const { pipeline, clock, state } = pipelineOn({ timeLimitSeconds: 10 });
    const entries = [
      fameEntry(constant(7), 10),
      fameEntry(binary('*', constant(3), feature(0)), 1),
      fameEntry(binary('+', binary('*', constant(3), feature(0)), constant(0.9)), 0.01),
      fameEntry(binary('+', binary('*', constant(3), feature(0)), binary('/', constant(1), constant(1.2))), 0.5),
    ];
    for (const e of entries) state.hallOfFame.consider(e);
    clock.advance(8);
    assert.equal(pipeline.checkStop(state), 'time');
    const plan = pipeline.polishPlan(state, 2)!;
    assert.ok(Math.abs(plan.budgetMs - 1000 * (2 - FINISH_MARGIN_SECONDS)) < 1e-6);
    assert.deepEqual(
      plan.shares.map((share) => share.map((e) => e.complexity)),
      [[1, 5], [3, 7]],
      'the three front members first, then the rest, in turn',
    );
    assert.equal(plan.pastDeadline(), false);
    clock.advance(2 - FINISH_MARGIN_SECONDS);
    assert.equal(plan.pastDeadline(), true);
    assert.equal(pipeline.polishPlan(state, 2), null, 'no time left');
    assert.equal(pipeline.polishPlan(pipelineOn({}).state, 0), null, 'nobody to polish');
  });

  it('does not polish after a cancel', () => {
    const { pipeline, state } = pipelineOn({}, () => true);
    state.hallOfFame.consider(fameEntry(binary('*', constant(3), feature(0)), 1));
    assert.equal(pipeline.checkStop(state), 'cancelled');
    assert.equal(pipeline.polishPlan(state, 1), null);
  });

  it('reports the polished front in the user units with its stop reason', () => {
    const huge = { X: [a.map((v) => v * 1e300)], y: a.map((v) => 2 * v * 1e300) };
    const prepared = prepareSearch(huge, { maxEvaluations: 10 });
    const pipeline = new SearchPipeline(prepared);
    const state = fakeEvolution();
    // On the scaled data y' = 2 x' * 2^(feature exponent - target exponent).
    const factor = 2 * 2 ** (prepared.scaling.features[0]! - prepared.scaling.target);
    state.hallOfFame.consider(fameEntry(binary('*', constant(factor * 0.9), feature(0)), 0.1));
    state.evaluations = 10;
    assert.equal(pipeline.checkStop(state), 'evaluations');
    const result = pipeline.result(state, [fameEntry(binary('*', constant(factor), feature(0)), 0)]);
    assert.equal(result.stoppedBy, 'evaluations');
    assert.equal(result.front.length, 1, 'the polished formula replaces the rough one at its complexity');
    const at = 1.7e300;
    assert.ok(Math.abs(evaluateRow(result.front[0]!.expr, [at]) / (2 * at) - 1) < 1e-12);
    assert.equal(result.targetScale, 2 ** prepared.scaling.target);
  });
});

describe('search pipeline: the single-thread search', function () {
  this.timeout(20_000);

  it('stops at the time limit, polishing included', () => {
    const result = runSearch(line, { timeLimitSeconds: 0.4, seed: 11 });
    assert.equal(result.stoppedBy, 'time');
    assert.ok(result.seconds >= 0.4 * (1 - MAX_POLISH_SHARE) && result.seconds < 0.4 + 0.25, `${result.seconds} s`);
  });

  it('stops at each budget', () => {
    assert.equal(runSearch(line, { iterations: 1, populations: 2, seed: 12 }).stoppedBy, 'iterations');
    assert.equal(runSearch(line, { maxEvaluations: 2000, seed: 12 }).stoppedBy, 'evaluations');
    assert.equal(runSearch(line, { lossThreshold: 1e-12, seed: 12 }).stoppedBy, 'lossThreshold');
    assert.equal(runSearch(line, { seed: 12 }, { shouldStop: () => true }).stoppedBy, 'cancelled');
  });

  it('reports progress and the front in the user units', () => {
    const huge = { X: [a.map((v) => v * 1e200)], y: a.map((v) => 3 * v * 1e200 + 1e200) };
    const seen: number[] = [];
    const result = runSearch(huge, { iterations: 6, populations: 3, seed: 13 }, { onProgress: (p) => seen.push(p.front.length), progressIntervalMs: 0 });
    assert.ok(seen.length > 0);
    const best = result.front[result.front.length - 1]!;
    for (const x of [1.5e200, 3.5e200]) assert.ok(Math.abs(evaluateRow(best.expr, [x]) / (3 * x + 1e200) - 1) < 1e-9, `${x}`);
  });
});
