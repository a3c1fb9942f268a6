import type { Expr } from '../expression';
import { call, type Fragment, type FunctionForm, type LanguageSpec } from './printer';
import type { CodeFormat } from './types';

/**
 * The per-language tables of the code formats. All of them mean plain IEEE-754 double arithmetic, as the
 * engine evaluates it; where a language departs from that, it is noted here:
 * - Julia throws a DomainError where the others give NaN: sqrt(-1.0), log(-1.0), (-8.0)^(1/3).
 * - MATLAB/Octave return complex numbers there instead of NaN (and a later abs() or squaring can make them
 *   real again); there is no idiomatic NaN-giving spelling, so the formula is left idiomatic.
 * - mathjs, in its default configuration, also goes complex; with `predictable: true` sqrt and log give NaN,
 *   but a negative base raised to a fraction with an odd denominator (1/3) gives the real root.
 * - pow(1, NaN) and pow(-1, +-Infinity) are NaN in JavaScript (so in the engine) but 1 in C, numpy, Rust
 *   and R.
 * - R's ^ ignores the sign of a zero base ((-0)^3 is +0, (-0)^(-3) is +Inf), and (-Inf)^2.5 and
 *   (-0.5)^Inf are NaN there, not Inf.
 * - numpy computes array ** 0.5 as a square root: (-0)^0.5 is -0 and (-inf)^0.5 NaN, not +0 and +inf.
 */

/** JavaScript's shortest round-trip spelling of a non-negative double, written as a floating literal. */
export function shortest(magnitude: number): string {
  return String(magnitude);
}

/** The shortest spelling, with ".0" added where it would otherwise read as an integer literal. */
function floatLiteral(magnitude: number): string {
  const s = shortest(magnitude);
  return /[.eE]/.test(s) ? s : `${s}.0`;
}

function literalWith(spell: (m: number) => string, nan: string, infinity: string): (m: number) => string {
  return (m) => (Number.isNaN(m) ? nan : m === Infinity ? infinity : spell(m));
}

const calls = (prefix: string, abs = 'abs'): LanguageSpec['functions'] => ({
  sqrt: { form: 'call', name: `${prefix}sqrt` },
  exp: { form: 'call', name: `${prefix}exp` },
  log: { form: 'call', name: `${prefix}log` },
  sin: { form: 'call', name: `${prefix}sin` },
  cos: { form: 'call', name: `${prefix}cos` },
  tan: { form: 'call', name: `${prefix}tan` },
  tanh: { form: 'call', name: `${prefix}tanh` },
  abs: { form: 'call', name: `${prefix}${abs}` },
  square: { form: 'power', exponent: '2' },
  cube: { form: 'power', exponent: '3' },
});

const method = (name: string, ...extra: string[]): FunctionForm => ({ form: 'method', name, extra });

const PLAIN_INFIX = { '+': ' + ', '-': ' - ', '*': ' * ', '/': ' / ' } as const;

/**
 * Python's own floats (what arithmetic on literals alone produces) raise ZeroDivisionError on 1.0 / 0.0,
 * OverflowError on 1e200 ** 2 and give a complex number for (-8.0) ** (1 / 3). numpy arrays and numpy
 * scalars follow IEEE instead, and a numpy scalar on either side of an operator takes over the operation
 * (np.float64 subclasses float). So only operations whose operands are all plain floats need numpy calls.
 */
function isPythonFloat(e: Expr): boolean {
  switch (e.kind) {
    case 'constant':
      return true;
    case 'feature':
      return false;
    case 'unary':
      return e.op === 'neg' && isPythonFloat(e.arg);
    case 'binary':
      return e.op !== '/' && e.op !== '^' && isPythonFloat(e.left) && isPythonFloat(e.right);
  }
}

function pythonSpecial(e: Expr, print: (e: Expr) => Fragment): Fragment | undefined {
  if (e.kind === 'binary' && (e.op === '/' || e.op === '^') && isPythonFloat(e.left) && isPythonFloat(e.right)) {
    return call(e.op === '/' ? 'np.divide' : 'np.power', [print(e.left).text, print(e.right).text]);
  }
  if (e.kind === 'unary' && (e.op === 'square' || e.op === 'cube') && isPythonFloat(e.arg)) {
    return call('np.power', [print(e.arg).text, e.op === 'square' ? '2.0' : '3.0']);
  }
  return undefined;
}

export const LANGUAGES: Readonly<Record<CodeFormat, LanguageSpec>> = {
  mathjs: {
    infix: PLAIN_INFIX,
    power: { form: 'infix', op: '^', assoc: 'right' },
    // square and cube keep their own names so that the text parses back to the same tree: x^2 is pow(x, 2),
    // a different node (and x^3 differs from x*x*x in the last bit).
    functions: {
      ...calls(''),
      square: { form: 'call', name: 'square' },
      cube: { form: 'call', name: 'cube' },
    },
    literal: literalWith(shortest, 'NaN', 'Infinity'),
    parenthesizeNegatedLiteral: true,
  },
  python: {
    infix: PLAIN_INFIX,
    power: { form: 'infix', op: '**', assoc: 'right' },
    functions: calls('np.'),
    literal: literalWith(floatLiteral, 'np.nan', 'np.inf'),
    special: pythonSpecial,
  },
  javascript: {
    infix: PLAIN_INFIX,
    power: { form: 'infix', op: ' ** ', assoc: 'right' },
    functions: calls('Math.'),
    literal: literalWith(shortest, 'NaN', 'Infinity'),
    negatesAtomsOnly: true,
  },
  c: {
    infix: PLAIN_INFIX,
    power: { form: 'call', name: 'pow' },
    functions: { ...calls('', 'fabs'), square: { form: 'power', exponent: '2.0' }, cube: { form: 'power', exponent: '3.0' } },
    literal: literalWith(floatLiteral, 'NAN', 'INFINITY'),
  },
  julia: {
    infix: PLAIN_INFIX,
    power: { form: 'infix', op: '^', assoc: 'right' },
    // x^2 with an integer literal is Base.literal_pow: exactly x*x (and x^3 is x*x*x).
    functions: calls(''),
    literal: literalWith(floatLiteral, 'NaN', 'Inf'),
  },
  rust: {
    infix: PLAIN_INFIX,
    power: { form: 'method', name: 'powf' },
    functions: {
      sqrt: method('sqrt'),
      exp: method('exp'),
      log: method('ln'),
      sin: method('sin'),
      cos: method('cos'),
      tan: method('tan'),
      tanh: method('tanh'),
      abs: method('abs'),
      square: method('powi', '2'),
      cube: method('powi', '3'),
    },
    literal: (m, typed) =>
      Number.isNaN(m) ? 'f64::NAN' : m === Infinity ? 'f64::INFINITY' : typed ? `${floatLiteral(m)}_f64` : floatLiteral(m),
  },
  matlab: {
    infix: { '+': ' + ', '-': ' - ', '*': ' .* ', '/': ' ./ ' },
    // MATLAB's .^ is left-associative: a.^b.^c is (a.^b).^c.
    power: { form: 'infix', op: '.^', assoc: 'left' },
    functions: calls(''),
    literal: literalWith(shortest, 'NaN', 'Inf'),
  },
  r: {
    infix: PLAIN_INFIX,
    power: { form: 'infix', op: '^', assoc: 'right' },
    functions: calls(''),
    literal: literalWith(shortest, 'NaN', 'Inf'),
  },
};
