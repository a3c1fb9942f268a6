import type { Expr } from '../expression';
import type { UnaryOperator } from '../operators';

/**
 * One precedence-aware printer for every code format, driven by a small per-language table.
 *
 * The printed text always parses back to the same tree in its language: a + (b + c) keeps its parentheses
 * (floating-point addition is not associative), and -(a * b) stays a negation of a product. Otherwise it uses
 * as few parentheses as the language's grammar allows, plus one rule for readability and safety: an operand
 * that would start with a minus sign after an operator is parenthesised (a - (-3), x^(-2), -(-x)).
 */

/** Binding strength, weakest first. `atom` covers literals, variables, calls and method calls. */
export const Prec = { sum: 1, product: 2, prefix: 3, power: 4, atom: 5 } as const;

export interface Fragment {
  readonly text: string;
  readonly prec: number;
  /** The text starts with a minus sign (a negation or a negative literal). */
  readonly minus: boolean;
}

export type FunctionForm =
  /** name(arg, ...extra) */
  | { readonly form: 'call'; readonly name: string; readonly extra?: readonly string[] }
  /** arg.name(...extra) */
  | { readonly form: 'method'; readonly name: string; readonly extra?: readonly string[] }
  /** arg raised to a fixed exponent with the language's power form */
  | { readonly form: 'power'; readonly exponent: string };

export type PowerForm =
  | { readonly form: 'infix'; readonly op: string; readonly assoc: 'left' | 'right' }
  | { readonly form: 'call'; readonly name: string }
  | { readonly form: 'method'; readonly name: string };

export interface LanguageSpec {
  /** Infix spellings of the four arithmetic operators, with their surrounding spaces. */
  readonly infix: Readonly<Record<'+' | '-' | '*' | '/', string>>;
  readonly power: PowerForm;
  readonly functions: Readonly<Record<Exclude<UnaryOperator, 'neg'>, FunctionForm>>;
  /**
   * Spelling of a non-negative number, NaN or +Infinity. `typed` is set inside a method call's receiver that
   * reads no variable, where a literal must carry its type (Rust's `2.0_f64.sqrt()`).
   */
  literal(magnitude: number, typed: boolean): string;
  /** The operand of a unary minus must be an atom (JavaScript: `-x ** 2` is a SyntaxError). */
  readonly negatesAtomsOnly?: boolean;
  /** Negating a non-negative literal prints `-(2)`, keeping it apart from the literal `-2` (mathjs round trip). */
  readonly parenthesizeNegatedLiteral?: boolean;
  /** Prints a node its own way, or returns undefined for the generic rules (Python's scalar pitfalls). */
  readonly special?: (e: Expr, print: (e: Expr) => Fragment) => Fragment | undefined;
}

export function atom(text: string): Fragment {
  return { text, prec: Prec.atom, minus: false };
}

function parenthesize(f: Fragment): Fragment {
  return atom(`(${f.text})`);
}

export function call(name: string, args: readonly string[]): Fragment {
  return atom(`${name}(${args.join(', ')})`);
}

export function readsVariables(e: Expr): boolean {
  switch (e.kind) {
    case 'constant':
      return false;
    case 'feature':
      return true;
    case 'unary':
      return readsVariables(e.arg);
    case 'binary':
      return readsVariables(e.left) || readsVariables(e.right);
  }
}

export function printWithSpec(e: Expr, spec: LanguageSpec, variables: readonly string[]): string {
  const print = (n: Expr, typed: boolean): Fragment => {
    const special = spec.special?.(n, (c) => print(c, typed));
    if (special !== undefined) return special;
    switch (n.kind) {
      case 'constant':
        return literal(n.value, typed);
      case 'feature': {
        const name = variables[n.index];
        if (name === undefined) throw new RangeError(`feature ${n.index} has no name (${variables.length} names given)`);
        return atom(name);
      }
      case 'unary':
        if (n.op === 'neg') return negate(n.arg, print(n.arg, typed));
        return applyFunction(spec.functions[n.op], n.arg, typed);
      case 'binary': {
        if (n.op === '^') return power(n.left, print(n.right, false), typed);
        const level = n.op === '+' || n.op === '-' ? Prec.sum : Prec.product;
        const left = print(n.left, typed);
        const right = print(n.right, typed);
        const l = left.prec < level ? parenthesize(left) : left;
        const r = right.prec <= level || right.minus ? parenthesize(right) : right;
        return { text: l.text + spec.infix[n.op] + r.text, prec: level, minus: l.minus };
      }
    }
  };

  const literal = (value: number, typed: boolean): Fragment => {
    if (Number.isNaN(value)) return atom(spec.literal(NaN, typed));
    const text = spec.literal(Math.abs(value), typed);
    return value < 0 || Object.is(value, -0) ? { text: `-${text}`, prec: Prec.prefix, minus: true } : atom(text);
  };

  const negate = (argNode: Expr, arg: Fragment): Fragment => {
    const needsParens =
      arg.minus ||
      arg.prec < (spec.negatesAtomsOnly ? Prec.atom : Prec.prefix) ||
      (spec.parenthesizeNegatedLiteral === true && argNode.kind === 'constant');
    return { text: `-${(needsParens ? parenthesize(arg) : arg).text}`, prec: Prec.prefix, minus: true };
  };

  /** A method call's receiver: feature-free receivers print their literals typed. */
  const receiver = (n: Expr, typed: boolean): Fragment => {
    const f = print(n, typed || !readsVariables(n));
    return f.prec < Prec.atom ? parenthesize(f) : f;
  };

  const applyFunction = (form: FunctionForm, arg: Expr, typed: boolean): Fragment => {
    switch (form.form) {
      case 'call':
        return call(form.name, [print(arg, typed).text, ...(form.extra ?? [])]);
      case 'method':
        return atom(`${receiver(arg, typed).text}.${form.name}(${(form.extra ?? []).join(', ')})`);
      case 'power':
        return power(arg, atom(form.exponent), typed);
    }
  };

  const power = (baseNode: Expr, exponent: Fragment, typed: boolean): Fragment => {
    const p = spec.power;
    switch (p.form) {
      case 'call':
        return call(p.name, [print(baseNode, typed).text, exponent.text]);
      case 'method':
        return atom(`${receiver(baseNode, typed).text}.${p.name}(${exponent.text})`);
      case 'infix': {
        const base = print(baseNode, typed);
        const right = p.assoc === 'right';
        const b = (right ? base.prec <= Prec.power : base.prec < Prec.power) ? parenthesize(base) : base;
        const x = exponent.minus || (right ? exponent.prec < Prec.power : exponent.prec <= Prec.power) ? parenthesize(exponent) : exponent;
        return { text: b.text + p.op + x.text, prec: Prec.power, minus: false };
      }
    }
  };

  return print(e, false).text;
}
