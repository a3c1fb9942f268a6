import type { Expr } from '../engine/expressions/expression';
import { applyBinary, applyUnary } from '../engine/expressions/operators';

/** `coef * Π x_i^p_i`: `powers` maps a feature index to its (non-zero, possibly fractional or negative) exponent. */
export interface Monomial {
  readonly coef: number;
  readonly powers: ReadonlyMap<number, number>;
}

/** A sum of monomials with like terms combined; the empty sum is zero. */
export type Poly = readonly Monomial[];

/** Expanding (a + b + ...)^n can blow up; past this many terms a tree is not treated as a polynomial. */
const MAX_TERMS = 64;
const MAX_EXPANDED_POWER = 8;

function powersKey(powers: ReadonlyMap<number, number>): string {
  return [...powers.entries()]
    .sort(([a], [b]) => a - b)
    .map(([i, p]) => `${i}^${p}`)
    .join('*');
}

function combine(terms: readonly Monomial[]): Poly | null {
  const byKey = new Map<string, Monomial>();
  for (const t of terms) {
    const k = powersKey(t.powers);
    const prev = byKey.get(k);
    byKey.set(k, prev ? { coef: prev.coef + t.coef, powers: t.powers } : t);
  }
  const out = [...byKey.values()].filter((t) => t.coef !== 0);
  return out.length > MAX_TERMS || out.some((t) => !Number.isFinite(t.coef)) ? null : out;
}

function times(a: Monomial, b: Monomial): Monomial {
  const powers = new Map(a.powers);
  for (const [i, p] of b.powers) {
    const sum = (powers.get(i) ?? 0) + p;
    if (sum === 0) powers.delete(i);
    else powers.set(i, sum);
  }
  return { coef: a.coef * b.coef, powers };
}

function multiply(a: Poly, b: Poly): Poly | null {
  if (a.length * b.length > MAX_TERMS * MAX_TERMS) return null;
  return combine(a.flatMap((x) => b.map((y) => times(x, y))));
}

function monomialPower(m: Monomial, p: number): Monomial | null {
  const coef = Math.pow(m.coef, p);
  if (!Number.isFinite(coef)) return null;
  const powers = new Map<number, number>();
  for (const [i, q] of m.powers) powers.set(i, q * p);
  return { coef, powers };
}

function power(base: Poly, p: number): Poly | null {
  if (base.length === 0) return p > 0 ? [] : null;
  if (base.length === 1) {
    const m = monomialPower(base[0]!, p);
    return m ? [m] : null;
  }
  if (!Number.isInteger(p) || p < 0 || p > MAX_EXPANDED_POWER) return null;
  let out: Poly | null = [{ coef: 1, powers: new Map() }];
  for (let k = 0; k < p && out; k++) out = multiply(out, base);
  return out;
}

/** The value of a polynomial without features, or undefined if it has some. */
export function constantValue(p: Poly): number | undefined {
  if (p.length === 0) return 0;
  return p.length === 1 && p[0]!.powers.size === 0 ? p[0]!.coef : undefined;
}

export function totalDegree(m: Monomial): number {
  let d = 0;
  for (const p of m.powers.values()) d += p;
  return d;
}

const constantPoly = (value: number): Poly => (value === 0 ? [] : [{ coef: value, powers: new Map() }]);

/**
 * The tree as a sum of monomials with real exponents, or null when it is not one (it has exp, log, sin..., a
 * division by a sum, or a feature in an exponent). Constant subtrees are folded, so `2^3 * x` is `8 x`.
 */
export function polyOf(e: Expr): Poly | null {
  switch (e.kind) {
    case 'constant':
      return Number.isFinite(e.value) ? constantPoly(e.value) : null;
    case 'feature':
      return [{ coef: 1, powers: new Map([[e.index, 1]]) }];
    case 'unary': {
      const arg = polyOf(e.arg);
      if (!arg) return null;
      const c = constantValue(arg);
      if (c !== undefined) {
        const v = applyUnary(e.op, c);
        return Number.isFinite(v) ? constantPoly(v) : null;
      }
      switch (e.op) {
        case 'neg':
          return arg.map((m) => ({ coef: -m.coef, powers: m.powers }));
        case 'square':
          return power(arg, 2);
        case 'cube':
          return power(arg, 3);
        case 'sqrt':
          return power(arg, 0.5);
        default:
          return null;
      }
    }
    case 'binary': {
      const left = polyOf(e.left);
      const right = polyOf(e.right);
      if (!left || !right) return null;
      const a = constantValue(left);
      const b = constantValue(right);
      if (a !== undefined && b !== undefined) {
        const v = applyBinary(e.op, a, b);
        return Number.isFinite(v) ? constantPoly(v) : null;
      }
      switch (e.op) {
        case '+':
          return combine([...left, ...right]);
        case '-':
          return combine([...left, ...right.map((m) => ({ coef: -m.coef, powers: m.powers }))]);
        case '*':
          return multiply(left, right);
        case '/': {
          if (right.length !== 1) return null;
          const inverse = monomialPower(right[0]!, -1);
          return inverse ? multiply(left, [inverse]) : null;
        }
        case '^':
          return b === undefined ? null : power(left, b);
      }
    }
  }
}
