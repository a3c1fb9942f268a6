import assert from 'node:assert/strict';
import { binary, constant, constantsOf, feature } from '../../../src/engine/expressions/expression';
import { resolveOptions } from '../../../src/engine/options';
import { Random } from '../../../src/engine/random';
import { Scorer } from '../../../src/engine/evaluation/scorer';
import { roundConstants } from '../../../src/engine/search/roundConstants';
import { runSearch } from '../../../src/engine/search/search';
import { StopRule } from '../../../src/engine/search/stopRule';

describe('constants without float noise', () => {
  const x = Float64Array.from({ length: 40 }, (_, i) => i / 4);
  const scorerFor = (y: Float64Array) => new Scorer({ X: [x], y }, resolveOptions({ operators: ['+', '*'] }, x.length), new Random(1));

  it('writes an exact fit with the shortest constants: 1, not 0.9999999999999999', () => {
    const scorer = scorerFor(x.map((v) => 2 * v + 1));
    const expr = binary('+', binary('*', constant(2.0000000000000004), feature(0)), constant(0.9999999999999999));
    const rounded = roundConstants({ expr, loss: scorer.fullLoss(expr) }, (e) => scorer.fullLoss(e), 1e-26);
    assert.deepEqual(constantsOf(rounded.expr), [2, 1]);
    assert.equal(rounded.loss, 0);
  });

  it('keeps the digits a noisy fit needs, and its loss', () => {
    const noise = [0.3, -0.2, 0.1, -0.4];
    const scorer = scorerFor(x.map((v, i) => 2.5 * v + 1 + noise[i % 4]!));
    const fitted = scorer.fitConstantsFull(binary('+', binary('*', constant(1), feature(0)), constant(0)), 100, 1);
    const rounded = roundConstants(fitted, (e) => scorer.fullLoss(e), 1e-26);
    assert.ok(rounded.loss <= fitted.loss * (1 + 1e-15), `${rounded.loss} against ${fitted.loss}`);
    for (const [before, after] of constantsOf(fitted.expr).map((c, i) => [c, constantsOf(rounded.expr)[i]!])) {
      assert.ok(Math.abs(after - before) <= 1e-12 * Math.abs(before), `${before} became ${after}`);
    }
  });

  it('leaves a formula without constants, or with a non-finite loss, as it is', () => {
    const formula = { expr: feature(0), loss: 3 };
    assert.equal(roundConstants(formula, () => 0, 0), formula);
    const broken = { expr: constant(0.30000000000000004), loss: Number.POSITIVE_INFINITY };
    assert.equal(roundConstants(broken, () => 0, 0), broken);
  });
});

describe('stopping on an exact fit', () => {
  const x = Float64Array.from({ length: 40 }, (_, i) => i / 4);
  function manualClock() {
    let now = 1000;
    return { read: () => now, advance: (seconds: number) => (now += seconds * 1000) };
  }

  it('goes on for as long again as the exact fit took to find, then stops', () => {
    const clock = manualClock();
    const rule = new StopRule(resolveOptions({ timeLimitSeconds: 60 }, 100), undefined, clock.read, 1e-20);
    clock.advance(3);
    assert.equal(rule.check(0, 0, 1), null, 'no exact fit yet');
    assert.equal(rule.check(0, 0, 1e-25), null, 'the first exact fit, at 3 s');
    clock.advance(2.9);
    assert.equal(rule.check(0, 0, 1e-25), null);
    clock.advance(0.1);
    assert.equal(rule.check(0, 0, 1e-25), 'exact');
  });

  it('gives an exact fit found at once at least a second', () => {
    const clock = manualClock();
    const rule = new StopRule(resolveOptions({ timeLimitSeconds: 60 }, 100), undefined, clock.read, 1e-20);
    clock.advance(0.1);
    assert.equal(rule.check(0, 0, 0), null);
    clock.advance(0.9);
    assert.equal(rule.check(0, 0, 0), null);
    clock.advance(0.1);
    assert.equal(rule.check(0, 0, 0), 'exact');
  });

  it('ends a search for y = 2x + 1 by its exact fit, written with round constants', () => {
    const y = x.map((v) => 2 * v + 1);
    const result = runSearch({ X: [x], y }, { operators: ['+', '-', '*', '/'], timeLimitSeconds: 120, seed: 2 });
    assert.equal(result.stoppedBy, 'exact');
    const exact = result.front.find((e) => e.loss === 0);
    assert.ok(exact, JSON.stringify(result.front.map((e) => e.loss)));
    for (const c of constantsOf(exact.expr)) assert.equal(c, Math.round(c), `constant ${c}`);
  });
});
