import assert from 'node:assert/strict';
import { powerProductTree, positivePowerTree, rationalPower, realPower } from '../../../../src/engine/analysis/powerTrees';
import { nearestSimpleRational } from '../../../../src/engine/analysis/simpleRational';
import { evaluateRow } from '../../../../src/engine/evaluation/evaluate';
import { feature, structureKey } from '../../../../src/engine/expressions/expression';
import { vocabulary } from './fixtures';

const x = feature(0);
const key = (e: ReturnType<typeof positivePowerTree>): string | null => (e ? structureKey(e) : null);

describe('structure analysis: power trees', () => {
  it('writes a half as sqrt when it is allowed, else as ^ 0.5, else not at all', () => {
    const half = rationalPower(1, 2);
    assert.equal(key(positivePowerTree(x, half, vocabulary('*', '^', 'sqrt'))), 'sqrt(x0)');
    assert.equal(key(positivePowerTree(x, half, vocabulary('*', '^'))), '(x0^0.5)');
    assert.equal(key(positivePowerTree(x, half, vocabulary('*', '/'))), null);
  });

  it('writes integer powers with square and cube, or as products when neither they nor ^ are allowed', () => {
    assert.equal(key(positivePowerTree(x, rationalPower(4, 1), vocabulary('*', 'square'))), 'square(square(x0))');
    assert.equal(key(positivePowerTree(x, rationalPower(3, 1), vocabulary('*', 'cube'))), 'cube(x0)');
    assert.equal(key(positivePowerTree(x, rationalPower(2, 1), vocabulary('*', '^'))), '(x0^2)');
    assert.equal(key(positivePowerTree(x, rationalPower(3, 1), vocabulary('*'))), '((x0*x0)*x0)');
    assert.equal(key(positivePowerTree(x, rationalPower(3, 1), vocabulary('+'))), null);
  });

  it('prefers a form without constants when sizes tie, and uses ^ for thirds and real exponents', () => {
    assert.equal(key(positivePowerTree(x, rationalPower(3, 2), vocabulary('*', '^', 'sqrt', 'cube'))), 'sqrt(cube(x0))');
    assert.equal(key(positivePowerTree(x, rationalPower(3, 2), vocabulary('*', 'sqrt'))), '(x0*sqrt(x0))');
    assert.equal(key(positivePowerTree(x, rationalPower(1, 4), vocabulary('*', 'sqrt'))), 'sqrt(sqrt(x0))');
    assert.equal(key(positivePowerTree(x, rationalPower(1, 3), vocabulary('*', 'sqrt'))), null);
    assert.equal(key(positivePowerTree(x, rationalPower(2, 3), vocabulary('^'))), `(x0^${2 / 3})`);
    assert.equal(key(positivePowerTree(x, realPower(1.37), vocabulary('*', 'sqrt', 'square'))), null);
  });

  it('puts negative powers in a denominator, or in ^ without division', () => {
    const factors = [
      { feature: 0, power: rationalPower(4, 1) },
      { feature: 1, power: rationalPower(1, 1) },
      { feature: 2, power: rationalPower(-1, 1) },
      { feature: 3, power: rationalPower(-1, 2) },
    ];
    const divided = powerProductTree(2, factors, vocabulary('*', '/', 'sqrt', 'square'))!;
    assert.equal(structureKey(divided), '(((2*square(square(x0)))*x1)/(x2*sqrt(x3)))');
    const powered = powerProductTree(2, factors, vocabulary('*', '^'))!;
    assert.equal(structureKey(powered), '((((2*(x0^4))*x1)*(x2^-1))*(x3^-0.5))');
    const row = [1.5, 2, 3, 4];
    const expected = (2 * 1.5 ** 4 * 2) / (3 * Math.sqrt(4));
    for (const tree of [divided, powered]) assert.ok(Math.abs(evaluateRow(tree, row) - expected) < 1e-12);
    assert.equal(powerProductTree(2, factors, vocabulary('*', 'sqrt', 'square')), null);
  });

  it('snaps to the nearest fraction with denominator 1 to 4, integers only when asked', () => {
    const value = (v: number, integersOnly = false): number => {
      const p = nearestSimpleRational(v, integersOnly);
      return p.kind === 'rational' ? p.numerator / p.denominator : Number.NaN;
    };
    assert.equal(value(1.4999), 1.5);
    assert.equal(value(0.33), 1 / 3);
    assert.equal(value(-0.26), -0.25);
    assert.equal(value(0.04), 0);
    assert.equal(value(1.4, true), 1);
  });
});
