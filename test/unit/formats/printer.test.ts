import assert from 'node:assert/strict';
import { binary, constant, feature, unary, type Expr } from '../../../src/engine/expressions/expression';
import { CODE_FORMATS, formatExpression, type CodeFormat } from '../../../src/engine/expressions/formats';

/** Expected text in every code format, in the order of CODE_FORMATS. */
type Row = readonly [Expr, Readonly<Record<CodeFormat, string>>];

const x = feature(0);
const y = feature(1);
const c = constant;
const names = ['x', 'y'];

const CASES: readonly Row[] = [
  [
    binary('+', binary('*', c(2.5), unary('sqrt', x)), c(-3)),
    {
      mathjs: '2.5 * sqrt(x) + (-3)',
      python: '2.5 * np.sqrt(x) + (-3.0)',
      javascript: '2.5 * Math.sqrt(x) + (-3)',
      c: '2.5 * sqrt(x) + (-3.0)',
      julia: '2.5 * sqrt(x) + (-3.0)',
      rust: '2.5 * x.sqrt() + (-3.0)',
      matlab: '2.5 .* sqrt(x) + (-3)',
      r: '2.5 * sqrt(x) + (-3)',
    },
  ],
  [
    unary('neg', binary('^', x, c(2))),
    {
      mathjs: '-x^2',
      python: '-x**2.0',
      javascript: '-(x ** 2)',
      c: '-pow(x, 2.0)',
      julia: '-x^2.0',
      rust: '-x.powf(2.0)',
      matlab: '-x.^2',
      r: '-x^2',
    },
  ],
  [
    binary('^', c(-2), binary('^', x, c(-0.5))),
    {
      mathjs: '(-2)^x^(-0.5)',
      python: '(-2.0)**x**(-0.5)',
      javascript: '(-2) ** x ** (-0.5)',
      c: 'pow(-2.0, pow(x, -0.5))',
      julia: '(-2.0)^x^(-0.5)',
      rust: '(-2.0_f64).powf(x.powf(-0.5))',
      matlab: '(-2).^(x.^(-0.5))',
      r: '(-2)^x^(-0.5)',
    },
  ],
  [
    binary('^', binary('^', x, y), c(3)),
    {
      mathjs: '(x^y)^3',
      python: '(x**y)**3.0',
      javascript: '(x ** y) ** 3',
      c: 'pow(pow(x, y), 3.0)',
      julia: '(x^y)^3.0',
      rust: 'x.powf(y).powf(3.0)',
      matlab: 'x.^y.^3',
      r: '(x^y)^3',
    },
  ],
  [
    binary('-', x, binary('-', y, unary('neg', unary('neg', c(1))))),
    {
      mathjs: 'x - (y - (-(-(1))))',
      python: 'x - (y - (-(-1.0)))',
      javascript: 'x - (y - (-(-1)))',
      c: 'x - (y - (-(-1.0)))',
      julia: 'x - (y - (-(-1.0)))',
      rust: 'x - (y - (-(-1.0)))',
      matlab: 'x - (y - (-(-1)))',
      r: 'x - (y - (-(-1)))',
    },
  ],
  [
    binary('/', unary('square', binary('+', x, c(1))), unary('cube', unary('neg', y))),
    {
      mathjs: 'square(x + 1) / cube(-y)',
      python: '(x + 1.0)**2 / (-y)**3',
      javascript: '(x + 1) ** 2 / (-y) ** 3',
      c: 'pow(x + 1.0, 2.0) / pow(-y, 3.0)',
      julia: '(x + 1.0)^2 / (-y)^3',
      rust: '(x + 1.0).powi(2) / (-y).powi(3)',
      matlab: '(x + 1).^2 ./ (-y).^3',
      r: '(x + 1)^2 / (-y)^3',
    },
  ],
  [
    binary('*', unary('log', unary('abs', x)), binary('/', c(1), c(0))),
    {
      mathjs: 'log(abs(x)) * (1 / 0)',
      python: 'np.log(np.abs(x)) * np.divide(1.0, 0.0)',
      javascript: 'Math.log(Math.abs(x)) * (1 / 0)',
      c: 'log(fabs(x)) * (1.0 / 0.0)',
      julia: 'log(abs(x)) * (1.0 / 0.0)',
      rust: 'x.abs().ln() * (1.0 / 0.0)',
      matlab: 'log(abs(x)) .* (1 ./ 0)',
      r: 'log(abs(x)) * (1 / 0)',
    },
  ],
  [
    unary('sqrt', binary('^', c(2), c(0.5))),
    {
      mathjs: 'sqrt(2^0.5)',
      python: 'np.sqrt(np.power(2.0, 0.5))',
      javascript: 'Math.sqrt(2 ** 0.5)',
      c: 'sqrt(pow(2.0, 0.5))',
      julia: 'sqrt(2.0^0.5)',
      rust: '2.0_f64.powf(0.5).sqrt()',
      matlab: 'sqrt(2.^0.5)',
      r: 'sqrt(2^0.5)',
    },
  ],
  [
    binary('+', binary('*', c(1e-7), x), binary('*', c(1e21), c(NaN))),
    {
      mathjs: '1e-7 * x + 1e+21 * NaN',
      python: '1e-7 * x + 1e+21 * np.nan',
      javascript: '1e-7 * x + 1e+21 * NaN',
      c: '1e-7 * x + 1e+21 * NAN',
      julia: '1e-7 * x + 1e+21 * NaN',
      rust: '1e-7 * x + 1e+21 * f64::NAN',
      matlab: '1e-7 .* x + 1e+21 .* NaN',
      r: '1e-7 * x + 1e+21 * NaN',
    },
  ],
  [
    binary('-', unary('tanh', c(-Infinity)), unary('exp', c(-0))),
    {
      mathjs: 'tanh(-Infinity) - exp(-0)',
      python: 'np.tanh(-np.inf) - np.exp(-0.0)',
      javascript: 'Math.tanh(-Infinity) - Math.exp(-0)',
      c: 'tanh(-INFINITY) - exp(-0.0)',
      julia: 'tanh(-Inf) - exp(-0.0)',
      rust: '(-f64::INFINITY).tanh() - (-0.0_f64).exp()',
      matlab: 'tanh(-Inf) - exp(-0)',
      r: 'tanh(-Inf) - exp(-0)',
    },
  ],
];

describe('code formats: precedence, associativity and literals', () => {
  for (const format of CODE_FORMATS) {
    it(format, () => {
      for (const [e, expected] of CASES) assert.equal(formatExpression(e, format, { names }), expected[format]);
    });
  }

  it('rejects a feature without a name', () => {
    assert.throws(() => formatExpression(feature(2), 'python', { names }), /feature 2 has no name/);
    assert.throws(() => formatExpression(feature(2), 'latex', { names }), /feature 2 has no name/);
  });
});
