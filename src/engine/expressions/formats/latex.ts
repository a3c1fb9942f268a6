import type { Expr } from '../expression';
import { Prec } from './printer';
import { isSingleSymbol, latexName } from './latexNames';

/**
 * KaTeX-ready display math. Unlike the code formats this is for reading, so it may drop parentheses that
 * only fix the evaluation order of mathematically associative operations (a + (b + c) -> a + b + c).
 */

interface Tex {
  readonly text: string;
  readonly prec: number;
  readonly minus: boolean;
  /** Can carry a superscript without parentheses. */
  readonly base: boolean;
  /** A plain number: a following letter or command may be juxtaposed ("2 x"). */
  readonly number: boolean;
  /** A single (possibly Greek, possibly subscripted) letter: another one may be juxtaposed ("x y"). */
  readonly symbol: boolean;
}

const tex = (text: string, prec: number, more: Partial<Tex> = {}): Tex => ({
  text,
  prec,
  minus: false,
  base: false,
  number: false,
  symbol: false,
  ...more,
});

const TALL = /\\frac|\\sqrt|\^\{|\\left/;

function group(inner: string): string {
  return TALL.test(inner) ? `\\left(${inner}\\right)` : `(${inner})`;
}

function paren(t: Tex): Tex {
  return tex(group(t.text), Prec.atom, { base: true });
}

/** A number rounded to `digits` significant digits, in scientific notation outside [1e-3, 1e6). */
function latexNumber(value: number, digits: number): Tex {
  if (Number.isNaN(value)) return tex('\\mathrm{NaN}', Prec.atom, { base: true });
  const negative = value < 0 || Object.is(value, -0);
  const m = Math.abs(value);
  let body: Tex;
  if (m === Infinity) body = tex('\\infty', Prec.atom, { base: true });
  else if (m === Math.PI) body = tex('\\pi', Prec.atom, { base: true, symbol: true });
  else if (m === Math.E) body = tex('e', Prec.atom, { base: true, symbol: true });
  else if (m === 0) body = tex('0', Prec.atom, { base: true, number: true });
  else {
    const [mantissa, exponentText] = m.toExponential(digits - 1).split('e');
    const exponent = Number(exponentText);
    if (exponent >= -3 && exponent < 6) {
      body = tex(String(Number(m.toPrecision(digits))), Prec.atom, { base: true, number: true });
    } else {
      const mant = String(Number(mantissa));
      body = mant === '1' ? tex(`10^{${exponent}}`, Prec.power) : tex(`${mant} \\times 10^{${exponent}}`, Prec.product);
    }
  }
  return negative ? tex(`-${body.text}`, Prec.prefix, { minus: true, number: body.number }) : body;
}

function fn(command: string, arg: Tex): Tex {
  return tex(`${command}${group(arg.text)}`, Prec.atom);
}

function power(base: Tex, exponent: string): Tex {
  return tex(`${base.base ? base.text : paren(base).text}^{${exponent}}`, Prec.power);
}

export function formatLatex(e: Expr, names: readonly string[], digits = 4): string {
  if (!Number.isInteger(digits) || digits < 1 || digits > 17) throw new RangeError(`digits must be an integer in 1..17, got ${digits}`);
  const variables = names.map(latexName);
  const print = (n: Expr): Tex => {
    switch (n.kind) {
      case 'constant':
        return latexNumber(n.value, digits);
      case 'feature': {
        const name = variables[n.index];
        if (name === undefined) throw new RangeError(`feature ${n.index} has no name (${names.length} names given)`);
        return tex(name, Prec.atom, { base: true, symbol: isSingleSymbol(name) });
      }
      case 'unary':
        return unary(n.op, print(n.arg));
      case 'binary':
        return binary(n.op, print(n.left), print(n.right));
    }
  };

  const unary = (op: Extract<Expr, { kind: 'unary' }>['op'], a: Tex): Tex => {
    switch (op) {
      case 'neg':
        return tex(`-${(a.prec < Prec.product || a.minus ? paren(a) : a).text}`, Prec.prefix, { minus: true });
      case 'sqrt':
        return tex(`\\sqrt{${a.text}}`, Prec.atom, { base: true });
      case 'exp':
        return a.text.length <= 24 && !a.text.includes('\\frac') ? tex(`e^{${a.text}}`, Prec.power) : fn('\\exp', a);
      case 'log':
        return fn('\\ln', a);
      case 'sin':
      case 'cos':
      case 'tan':
      case 'tanh':
        return fn(`\\${op}`, a);
      case 'abs':
        return tex(TALL.test(a.text) ? `\\left|${a.text}\\right|` : `|${a.text}|`, Prec.atom, { base: true });
      case 'square':
        return power(a, '2');
      case 'cube':
        return power(a, '3');
    }
  };

  const binary = (op: Extract<Expr, { kind: 'binary' }>['op'], a: Tex, b: Tex): Tex => {
    switch (op) {
      case '+':
      case '-': {
        const l = a.prec < Prec.sum ? paren(a) : a;
        // A term with a leading minus reads better as the opposite operation: x + (-3) as x - 3.
        if (b.minus && b.prec > Prec.sum) {
          return tex(`${l.text} ${op === '+' ? '-' : '+'} ${b.text.slice(1)}`, Prec.sum, { minus: l.minus });
        }
        const r = b.minus || (op === '-' ? b.prec <= Prec.sum : b.prec < Prec.sum) ? paren(b) : b;
        return tex(`${l.text} ${op} ${r.text}`, Prec.sum, { minus: l.minus });
      }
      case '*': {
        const l = a.prec < Prec.product ? paren(a) : a;
        const r = b.minus || b.prec < Prec.product ? paren(b) : b;
        // x x reads as a two-letter name: show it as the square it is.
        if (l.symbol && r.symbol && l.text === r.text) return power(l, '2');
        const juxtapose =
          (l.number && /^(?:[A-Za-z(|]|\\(?!frac|times|cdot|text)[A-Za-z])/.test(r.text)) || (l.symbol && r.symbol);
        return tex(`${l.text}${juxtapose ? ' ' : ' \\cdot '}${r.text}`, Prec.product, { minus: l.minus });
      }
      case '/':
        return tex(`\\frac{${a.text}}{${b.text}}`, Prec.atom);
      case '^':
        return power(a, b.text);
    }
  };

  return print(e).text;
}
