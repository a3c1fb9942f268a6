import assert from 'node:assert/strict';
import { binary, constant, feature, unary, type Expr } from '../../../src/engine/expressions/expression';
import { classifyFormula } from '../../../src/showcase/shape';

const x = feature(0);
const y = feature(1);
const c = constant;
const add = (a: Expr, b: Expr): Expr => binary('+', a, b);
const sub = (a: Expr, b: Expr): Expr => binary('-', a, b);
const mul = (a: Expr, b: Expr): Expr => binary('*', a, b);
const div = (a: Expr, b: Expr): Expr => binary('/', a, b);
const pow = (a: Expr, b: Expr): Expr => binary('^', a, b);

describe('formula shapes', () => {
  const cases: Array<[string, Expr, string[]]> = [
    ['a constant', c(4), []],
    ['c*x', mul(c(3), x), ['linear']],
    ['a*x + b*y + c', add(add(mul(c(2), x), mul(c(5), y)), c(-1)), ['linear']],
    ['c*x^a', mul(c(1.5), pow(x, c(2.3))), ['power law']],
    ['a product of powers x * y^-2', div(x, pow(y, c(2))), ['power law']],
    ['sqrt(x)', unary('sqrt', x), ['power law']],
    ['1/x', div(c(7), x), ['power law']],
    ['x^2 + 3x + 1', add(add(unary('square', x), mul(c(3), x)), c(1)), ['polynomial']],
    ['(x + 1)^2', pow(add(x, c(1)), c(2)), ['polynomial']],
    ['exp(0.3 x), growth', mul(c(2), unary('exp', mul(c(0.3), x))), ['exponential growth']],
    ['5 exp(-0.2 x) + 1, decay', add(mul(c(5), unary('exp', mul(c(-0.2), x))), c(1)), ['exponential decay']],
    ['exp(-x^2)', unary('exp', unary('neg', unary('square', x))), ['exponential decay']],
    ['0.5^x', pow(c(0.5), x), ['exponential decay']],
    ['2^x', pow(c(2), x), ['exponential growth']],
    ['exp(x*y), sign unknown', unary('exp', mul(x, y)), ['exponential growth']],
    ['exp(x - y), sign unknown', unary('exp', sub(x, y)), ['exponential']],
    ['3 log(x) + 2', add(mul(c(3), unary('log', x)), c(2)), ['logarithmic']],
    ['sin(x)', unary('sin', x), ['oscillation']],
    ['2 cos(3x + 1) + 4', add(mul(c(2), unary('cos', add(mul(c(3), x), c(1)))), c(4)), ['oscillation']],
    ['a x / (b + x), Michaelis-Menten', div(mul(c(2), x), add(c(3), x)), ['saturating']],
    ['x^2 / (1 + x^2), Hill', div(unary('square', x), add(c(1), unary('square', x))), ['saturating']],
    ['1 / (1 + exp(-x)), logistic', div(c(1), add(c(1), unary('exp', unary('neg', x)))), ['saturating']],
    ['3 - 2 exp(-x/2), rises to a plateau', sub(c(3), mul(c(2), unary('exp', mul(c(-0.5), x)))), ['saturating']],
    ['tanh(x)', unary('tanh', x), ['saturating']],
    ['1 / (1 + x)', div(c(1), add(c(1), x)), ['rational']],
    ['1 + 2/x + 3/x^2', add(add(c(1), div(c(2), x)), div(c(3), unary('square', x))), ['rational']],
    ['damped oscillation', mul(unary('exp', unary('neg', x)), unary('sin', x)), ['oscillation', 'exponential decay']],
    ['x^a exp(-b x)', mul(pow(x, c(1.5)), unary('exp', mul(c(-2), x))), ['exponential decay', 'power law']],
    ['x + sin(y)', add(x, unary('sin', y)), ['oscillation', 'linear']],
    ['x^y', pow(x, y), []],
  ];
  for (const [name, expr, expected] of cases) {
    it(`classifies ${name}`, () => assert.deepEqual(classifyFormula(expr), expected));
  }

  it('folds constant subtrees before deciding', () => {
    // (2^3) * x is 8x, and exp(0) * x is x
    assert.deepEqual(classifyFormula(mul(pow(c(2), c(3)), x)), ['linear']);
    assert.deepEqual(classifyFormula(mul(unary('exp', c(0)), x)), ['linear']);
  });
});
