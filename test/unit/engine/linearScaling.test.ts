import assert from 'node:assert/strict';
import { affineForm, affineTree } from '../../../src/engine/evaluation/affineForm';
import { evaluateRow } from '../../../src/engine/evaluation/evaluate';
import { LinearScaling } from '../../../src/engine/evaluation/linearScaling';
import { Scorer } from '../../../src/engine/evaluation/scorer';
import { binary, constant, feature, size, unary, type Expr } from '../../../src/engine/expressions/expression';
import { formatExpression } from '../../../src/engine/expressions/formats';
import { resolveOptions } from '../../../src/engine/options';
import { Random } from '../../../src/engine/random';
import { runSearch } from '../../../src/engine/search/search';

const rng = new Random(3);
const n = 120;
const x = Float64Array.from({ length: n }, () => rng.uniform(0.5, 3));
const z = Float64Array.from({ length: n }, () => rng.uniform(-1, 1));
const noise = Float64Array.from({ length: n }, () => 0.05 * rng.normal());

/** Weighted least squares of y on [1, p], from centred sums in two passes. */
function leastSquares(p: Float64Array, y: Float64Array, w?: Float64Array): { a: number; b: number; mse: number } {
  const weight = (i: number): number => (w ? w[i]! : 1);
  let total = 0, pSum = 0, ySum = 0;
  for (let i = 0; i < p.length; i++) {
    total += weight(i);
    pSum += weight(i) * p[i]!;
    ySum += weight(i) * y[i]!;
  }
  const pMean = pSum / total;
  const yMean = ySum / total;
  let spp = 0, spy = 0;
  for (let i = 0; i < p.length; i++) {
    spp += weight(i) * (p[i]! - pMean) ** 2;
    spy += weight(i) * (p[i]! - pMean) * (y[i]! - yMean);
  }
  const b = spy / spp;
  const a = yMean - b * pMean;
  let sse = 0;
  for (let i = 0; i < p.length; i++) sse += weight(i) * (y[i]! - a - b * p[i]!) ** 2;
  return { a, b, mse: sse / total };
}

const close = (actual: number, expected: number, tolerance = 1e-10): boolean =>
  Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));

describe('linear scaling', () => {
  it('matches least squares, with and without weights, for values with a large common offset', () => {
    const p = x.map((v, i) => 1e4 + Math.sin(3 * v) + 0.2 * z[i]!);
    const y = p.map((v, i) => -7 + 0.4 * v + z[i]! * z[i]! + noise[i]!);
    const weights = Float64Array.from({ length: n }, (_, i) => 0.5 + (i % 3));
    for (const w of [undefined, weights]) {
      const scaling = new LinearScaling(y, w);
      scaling.measure(p);
      const fit = scaling.fit('affine')!;
      const expected = leastSquares(p, y, w);
      assert.ok(close(fit.beta, expected.b, 1e-8), `${fit.beta} vs ${expected.b}`);
      const intercept = fit.mean - fit.beta * scaling.valuesMean;
      assert.ok(close(intercept, expected.a, 1e-8), `${intercept} vs ${expected.a}`);
      assert.ok(close(fit.sse / scaling.totalWeight, expected.mse, 1e-8));
      assert.ok(close(scaling.exactLoss(p, fit), expected.mse, 1e-12));
    }
  });

  it('fits each way of writing the outside constants by least squares in its own parameters', () => {
    // e = 3 - 2 * (x / 4): offset 3, scale -0.5, core x.
    const e = binary('-', constant(3), binary('*', constant(2), binary('/', feature(0), constant(4))));
    const form = affineForm(e);
    assert.deepEqual([form.core, form.offset, form.scale, form.reciprocal], [feature(0), 3, -0.5, false]);
    const p = x.map((v) => 3 - 0.5 * v);
    const y = x.map((v, i) => 1.5 * v + 0.2 + noise[i]!);
    const scaling = new LinearScaling(y, undefined);
    scaling.measure(p);
    const mse = (f: (v: number) => number): number => y.reduce((t, yi, i) => t + (yi - f(x[i]!)) ** 2, 0) / n;
    const scaled = scaling.fit('scaled', form)!;
    const bestScale = y.reduce((t, yi, i) => t + yi * x[i]!, 0) / x.reduce((t, v) => t + v * v, 0);
    assert.ok(close(scaled.scale, bestScale) && scaled.offset === 0);
    const shifted = scaling.fit('shifted', form)!;
    assert.ok(close(shifted.offset, y.reduce((t, yi, i) => t + yi - x[i]!, 0) / n) && shifted.scale === 1);
    for (const [variant, f] of [
      ['plain', (v: number) => 3 - 0.5 * v],
      ['core', (v: number) => v],
      ['scaled', (v: number) => bestScale * v],
      ['shifted', (v: number) => v + shifted.offset],
    ] as const) {
      const fit = scaling.fit(variant, form)!;
      assert.ok(close(fit.sse / n, mse(f), 1e-9), variant);
      assert.ok(close(scaling.exactLoss(p, fit), mse(f), 1e-12), variant);
    }
    const affine = scaling.fit('affine', form)!;
    const expected = leastSquares(x, y);
    assert.ok(close(affine.scale, expected.b) && close(affine.offset, expected.a));
  });

  it('reads and writes outside constants, signs outside, within the operators given', () => {
    const operators = resolveOptions({ operators: ['+', '-', '*', '/', 'exp'] }, 10);
    const reciprocal = affineForm(binary('+', binary('/', constant(6), unary('exp', feature(0))), constant(1)));
    assert.deepEqual([reciprocal.offset, reciprocal.scale, reciprocal.reciprocal], [1, 6, true]);
    const core = feature(0);
    const show = (e: Expr | null): string => formatExpression(e!, 'mathjs', { names: ['x'] });
    assert.equal(show(affineTree({ core, reciprocal: false }, -1.25, 2.5, operators)), '2.5 * x - 1.25');
    assert.equal(show(affineTree({ core, reciprocal: false }, 1.25, -2.5, operators)), '1.25 - 2.5 * x');
    assert.equal(show(affineTree({ core, reciprocal: false }, null, 2.5, operators)), '2.5 * x');
    assert.equal(show(affineTree({ core, reciprocal: true }, 2, 3, operators)), '3 / x + 2');
    const divideOnly = resolveOptions({ operators: ['-', '/'] }, 10);
    assert.equal(show(affineTree({ core, reciprocal: false }, 1, 4, divideOnly)), 'x / 0.25 - (-1)');
    assert.equal(affineTree({ core, reciprocal: false }, 1, null, resolveOptions({ operators: ['*', '/'] }, 10)), null);
  });

  it('scores a shape by its best affine map, and offers the formula with the constants written in', () => {
    const y = x.map((v, i) => 2.5 * v * z[i]! - 1.25);
    const options = resolveOptions({ operators: ['+', '-', '*', '/'] }, n);
    const scorer = new Scorer({ X: [x, z], y }, options, new Random(1));
    assert.equal(scorer.linearScaling, true);
    const shape = binary('*', feature(0), feature(1));
    assert.ok(scorer.searchLoss(shape) < 1e-28);
    const offers = scorer.fameOffers(shape, () => true);
    const exact = offers.find((o) => o.loss < 1e-28)!;
    assert.equal(exact.complexity, 7, 'the constants count');
    assert.equal(exact.complexity, size(exact.expr));
    assert.ok(close(evaluateRow(exact.expr, [2, 3]), 13.75, 1e-12));
    const plain = offers.find((o) => o.expr === shape)!;
    assert.ok(plain.loss > 1, 'the shape as written is offered with its own loss');
    assert.deepEqual(scorer.fameOffers(shape, (complexity) => complexity !== 7).map((o) => o.complexity).sort(), [3, 5]);
  });

  it('offers every formula with its own loss, also where extreme outside constants hide the core', () => {
    const y = x.map((v) => v * v);
    const options = resolveOptions({ operators: ['+', '*', '^'] }, n);
    const scorer = new Scorer({ X: [x], y }, options, new Random(1));
    // Nearly constant values: x's digits are mostly lost in them, but not in the core x the offers write.
    const flat = binary('+', binary('+', constant(1.35), binary('*', constant(-3e-15), feature(0))), constant(0.14));
    for (const e of [flat, binary('*', constant(2), binary('^', feature(0), constant(2)))]) {
      scorer.searchLoss(e);
      const offers = scorer.fameOffers(e, () => true);
      assert.ok(offers.length >= 2);
      for (const offer of offers) {
        const own = y.reduce((t, yi, i) => t + (yi - evaluateRow(offer.expr, [x[i]!])) ** 2, 0) / n;
        assert.ok(close(offer.loss, own, 1e-9), `${formatExpression(offer.expr, 'mathjs', { names: ['x'] })}: ${offer.loss} vs ${own}`);
      }
    }
  });

  it('fits the constants inside a shape together with its affine map', () => {
    const y = x.map((v) => 4 * Math.exp(-0.7 * v) + 2);
    const scorer = new Scorer({ X: [x], y }, resolveOptions({ operators: ['+', '-', '*', '/', 'exp'] }, n), new Random(1));
    const shape = unary('exp', binary('*', constant(-0.2), feature(0)));
    const fit = scorer.fitConstants(shape, 50, 0);
    assert.ok(fit.loss < 1e-20, `${fit.loss}`);
    assert.equal(size(fit.expr), size(shape), 'the map stays outside the shape');
  });

  it('is off for the absolute and Huber losses, whose best map has no closed form', () => {
    const y = x.map((v) => 3 * v + 1);
    for (const loss of ['mae', 'huber'] as const) {
      const scorer = new Scorer({ X: [x], y }, resolveOptions({ loss }, n), new Random(1));
      assert.equal(scorer.linearScaling, false);
      assert.ok(scorer.searchLoss(feature(0)) > 1);
    }
  });

  it('finds a law with outside constants within an evaluation budget the unscaled search needs more than', () => {
    const a = Float64Array.from({ length: 300 }, (_, i) => 0.5 + (3 * ((i * 37) % 300)) / 300);
    const b = Float64Array.from({ length: 300 }, (_, i) => 1 + (2 * ((i * 91) % 300)) / 300);
    const y = a.map((v, i) => 40 * (v / (v + b[i]!)) - 3);
    const result = runSearch({ X: [a, b], y }, { operators: ['+', '-', '*', '/', 'sin', 'exp'], maxEvaluations: 30_000, seed: 1 });
    const law = result.front.find((e) => e.loss < 1e-24);
    assert.ok(law, result.front.map((e) => formatExpression(e.expr, 'mathjs', { names: ['a', 'b'] })).join(' | '));
    assert.ok(close(evaluateRow(law.expr, [1, 3]), 7, 1e-12));
  });
});
