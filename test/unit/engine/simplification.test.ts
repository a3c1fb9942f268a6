import assert from 'node:assert/strict';
import { evaluateRow } from '../../../src/engine/evaluation/evaluate';
import { binary, constant, feature, size, structureKey, unary, type Expr } from '../../../src/engine/expressions/expression';
import { Random } from '../../../src/engine/random';
import { randomTree } from '../../../src/engine/search/randomTree';
import { simplify } from '../../../src/engine/expressions/simplification';

const all = {
  binaryOperators: ['+', '-', '*', '/', '^'] as ('+' | '-' | '*' | '/' | '^')[],
  unaryOperators: ['neg', 'sqrt', 'exp', 'log', 'sin', 'cos'] as ('neg' | 'sqrt' | 'exp' | 'log' | 'sin' | 'cos')[],
};
const x = feature(0);
const y = feature(1);
const c = constant;
const key = (e: Expr): string => structureKey(simplify(e, all));

describe('simplification', () => {
  it('folds constant subtrees', () => {
    assert.equal(key(binary('*', binary('+', c(2), c(3)), x)), '(5*x0)');
    assert.equal(key(unary('exp', c(0))), '1');
  });

  it('does not fold into invalid values', () => {
    assert.equal(key(binary('/', x, binary('-', c(1), c(1)))), '(x0/0)');
    assert.equal(key(unary('log', c(-1))), 'log(-1)');
  });

  it('applies identities', () => {
    assert.equal(key(binary('+', x, c(0))), 'x0');
    assert.equal(key(binary('*', c(1), y)), 'x1');
    assert.equal(key(binary('-', binary('*', x, y), binary('*', x, y))), '0');
    assert.equal(key(binary('/', unary('sin', x), unary('sin', x))), '1');
    assert.equal(key(binary('^', x, c(1))), 'x0');
    assert.equal(key(unary('neg', unary('neg', x))), 'x0');
    assert.equal(key(binary('+', unary('sin', x), unary('sin', x))), '(2*sin(x0))');
  });

  it('collects like terms and repeated factors, as a reader writes them', () => {
    // 7.001 - x2 - x2 and flow * flow * 3.87, as a search found them.
    assert.equal(key(binary('-', binary('-', c(7.001), y), y)), '(7.001-(2*x1))');
    assert.equal(key(binary('*', binary('*', x, x), c(3.87))), '(3.87*(x0^2))');
    assert.equal(key(binary('+', binary('*', c(2), x), binary('*', x, c(3)))), '(5*x0)');
    assert.equal(key(binary('-', binary('+', y, x), binary('+', x, x))), '(x1-x0)');
    assert.equal(key(binary('/', binary('*', x, binary('*', x, x)), y)), '((x0^3)/x1)');
    assert.equal(key(binary('*', binary('/', x, y), binary('/', x, y))), '((x0^2)/(x1^2))');
    assert.equal(key(binary('-', unary('neg', x), x)), 'neg((2*x0))');
    // Factors that differ in a constant are not alike.
    assert.equal(key(binary('*', unary('sin', binary('*', c(2), x)), unary('sin', binary('*', c(3), x)))), '(sin((2*x0))*sin((3*x0)))');
    const squares = { binaryOperators: ['+', '*'] as ('+' | '*')[], unaryOperators: ['square'] as 'square'[] };
    assert.equal(structureKey(simplify(binary('*', x, x), squares)), 'square(x0)');
    const arithmetic = { binaryOperators: ['+', '*'] as ('+' | '*')[], unaryOperators: [] };
    assert.equal(structureKey(simplify(binary('*', x, x), arithmetic)), '(x0*x0)', 'no power without ^ or square');
  });

  it('merges the constants of sums and products', () => {
    assert.equal(key(binary('*', binary('*', c(2), x), c(3))), '(6*x0)');
    assert.equal(key(binary('-', binary('+', x, c(1)), c(4))), '(x0-3)');
    assert.equal(key(binary('/', binary('*', x, c(6)), c(2))), '(3*x0)');
    assert.equal(key(binary('/', unary('sin', x), c(4))), '(0.25*sin(x0))');
    assert.equal(key(binary('+', binary('+', c(1), binary('*', x, y)), c(2))), '((x0*x1)+3)');
  });

  it('moves signs out of constants', () => {
    assert.equal(key(binary('+', x, c(-3))), '(x0-3)');
    assert.equal(key(binary('-', x, c(-3))), '(x0+3)');
    assert.equal(key(binary('+', c(-3), x)), '(x0-3)');
  });

  it('never uses an operator outside the vocabulary', () => {
    const onlyPlusTimes = { binaryOperators: ['+', '*'] as ('+' | '*')[], unaryOperators: [] };
    assert.equal(structureKey(simplify(binary('+', x, c(-3)), onlyPlusTimes)), '(x0+-3)');
  });

  it('keeps values and never grows a tree (random trees)', () => {
    const rng = new Random(5);
    const vocabulary = { ...all, features: 2 };
    const rows = [
      [0.7, 1.3],
      [2.1, 0.4],
      [1.5, 1.9],
    ];
    for (let i = 0; i < 500; i++) {
      const e = randomTree(rng, vocabulary, 3 + rng.int(20));
      const s = simplify(e, all);
      assert.ok(size(s) <= size(e));
      for (const row of rows) {
        const before = evaluateRow(e, row);
        if (!Number.isFinite(before)) continue;
        const after = evaluateRow(s, row);
        assert.ok(Math.abs(after - before) <= 1e-9 * Math.max(1, Math.abs(before)), `${structureKey(e)} -> ${structureKey(s)}`);
      }
    }
  });
});
