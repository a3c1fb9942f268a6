import { binary, constant, size, unary, type Expr } from '../expressions/expression';
import { HallOfFame, type FameEntry } from '../search/hallOfFame';
import { timesPowerOfTwo, isIdentityScaling, type DataScaling } from './dataScaling';
import type { SelectionCriterion } from '../search/modelSelection';
import { scoreFront, type ScoredEntry } from '../search/pareto';
import { simplify, type SimplifyVocabulary } from '../expressions/simplification';

/** A tree whose value is 2^exponent times the value of `expr`. */
interface Scaled {
  readonly expr: Expr;
  readonly exponent: number;
}

/**
 * Rewrites a formula found on scaled data, f'(x'), into the user's units: f(x) = 2^t * f'(x / 2^s). The
 * powers of two are pushed through products, quotients, sums and powers into the formula's constants where
 * that adds no node, and only a factor that cannot be absorbed becomes an explicit multiplication.
 *
 * While rewriting, constants keep their value and collect the power of two they must be multiplied by
 * (`pending`); each is multiplied once at the end, which is exact unless the result leaves the range of
 * doubles.
 */
class UserUnitsRewriter {
  private readonly pending = new Map<Expr, number>();

  constructor(private readonly featureExponents: readonly number[]) {}

  convert(e: Expr, targetExponent: number): Expr | null {
    const scaled = this.rescale(e);
    return this.applyPending(this.materialise({ expr: scaled.expr, exponent: scaled.exponent + targetExponent }));
  }

  /** The tree over unscaled features, with the power of two that separates it from `e`'s value. */
  private rescale(e: Expr): Scaled {
    switch (e.kind) {
      case 'constant':
        return { expr: e, exponent: 0 };
      case 'feature':
        return { expr: e, exponent: -this.featureExponents[e.index]! };
      case 'unary': {
        const arg = this.rescale(e.arg);
        switch (e.op) {
          case 'neg':
          case 'abs':
            return { expr: unary(e.op, arg.expr), exponent: arg.exponent };
          case 'square':
            return { expr: unary(e.op, arg.expr), exponent: 2 * arg.exponent };
          case 'cube':
            return { expr: unary(e.op, arg.expr), exponent: 3 * arg.exponent };
          case 'sqrt':
            return { expr: unary(e.op, arg.expr), exponent: arg.exponent / 2 };
          default:
            return { expr: unary(e.op, this.materialise(arg)), exponent: 0 };
        }
      }
      case 'binary': {
        const left = this.rescale(e.left);
        const right = this.rescale(e.right);
        switch (e.op) {
          case '*':
            return { expr: binary('*', left.expr, right.expr), exponent: left.exponent + right.exponent };
          case '/':
            return { expr: binary('/', left.expr, right.expr), exponent: left.exponent - right.exponent };
          case '+':
          case '-':
            return this.alignSum(e.op, left, right);
          case '^': {
            const power = this.materialise(right);
            // (2^k u)^c = 2^(k c) u^c for a constant exponent c.
            if (power.kind === 'constant') {
              return { expr: binary('^', left.expr, power), exponent: left.exponent * this.valueOf(power) };
            }
            return { expr: binary('^', this.materialise(left), power), exponent: 0 };
          }
        }
      }
    }
  }

  /** A sum of two scaled terms: one term absorbs the difference of their powers of two, or is multiplied by it. */
  private alignSum(op: '+' | '-', left: Scaled, right: Scaled): Scaled {
    if (left.exponent === right.exponent) return { expr: binary(op, left.expr, right.expr), exponent: left.exponent };
    const rightAligned = this.absorb(right.expr, right.exponent - left.exponent);
    if (rightAligned) return { expr: binary(op, left.expr, rightAligned), exponent: left.exponent };
    const leftAligned = this.absorb(left.expr, left.exponent - right.exponent);
    if (leftAligned) return { expr: binary(op, leftAligned, right.expr), exponent: right.exponent };
    return { expr: binary(op, left.expr, this.wrap(right.expr, right.exponent - left.exponent)), exponent: left.exponent };
  }

  /** A tree whose value is the scaled tree's value. */
  private materialise(s: Scaled): Expr {
    if (s.exponent === 0) return s.expr;
    return this.absorb(s.expr, s.exponent) ?? this.wrap(s.expr, s.exponent);
  }

  /** 2^exponent * e as a tree of the same shape, preferring exact (integer) powers; null if no constant can take it. */
  private absorb(e: Expr, exponent: number): Expr | null {
    return this.absorbInto(e, exponent, true) ?? this.absorbInto(e, exponent, false);
  }

  private absorbInto(e: Expr, exponent: number, exactOnly: boolean): Expr | null {
    if (exponent === 0) return e;
    switch (e.kind) {
      case 'constant': {
        if (exactOnly && !Number.isInteger(exponent)) return null;
        const out = constant(e.value);
        this.pending.set(out, (this.pending.get(e) ?? 0) + exponent);
        return out;
      }
      case 'feature':
        return null;
      case 'unary': {
        const inner =
          e.op === 'neg' || e.op === 'abs'
            ? exponent
            : e.op === 'square'
              ? exponent / 2
              : e.op === 'cube'
                ? exponent / 3
                : e.op === 'sqrt'
                  ? 2 * exponent
                  : null;
        if (inner === null) return null;
        const arg = this.absorbInto(e.arg, inner, exactOnly);
        return arg && unary(e.op, arg);
      }
      case 'binary':
        switch (e.op) {
          case '*': {
            const left = this.absorbInto(e.left, exponent, exactOnly);
            if (left) return binary('*', left, e.right);
            const right = this.absorbInto(e.right, exponent, exactOnly);
            return right && binary('*', e.left, right);
          }
          case '/': {
            const left = this.absorbInto(e.left, exponent, exactOnly);
            if (left) return binary('/', left, e.right);
            const right = this.absorbInto(e.right, -exponent, exactOnly);
            return right && binary('/', e.left, right);
          }
          case '+':
          case '-': {
            const left = this.absorbInto(e.left, exponent, exactOnly);
            const right = left && this.absorbInto(e.right, exponent, exactOnly);
            return left && right && binary(e.op, left, right);
          }
          case '^': {
            if (e.right.kind !== 'constant') return null;
            const power = this.valueOf(e.right);
            if (power === 0) return null;
            const base = this.absorbInto(e.left, exponent / power, exactOnly);
            return base && binary('^', base, e.right);
          }
        }
    }
  }

  /** 2^exponent * e with an explicit factor. */
  private wrap(e: Expr, exponent: number): Expr {
    if (exponent === 0) return e;
    const factor = constant(1);
    this.pending.set(factor, exponent);
    return binary('*', factor, e);
  }

  private valueOf(c: Expr & { kind: 'constant' }): number {
    return timesPowerOfTwo(c.value, this.pending.get(c) ?? 0);
  }

  /** Multiplies out the constants' pending powers of two; null when one leaves the range of doubles. */
  private applyPending(e: Expr): Expr | null {
    switch (e.kind) {
      case 'constant': {
        if (!this.pending.has(e)) return e;
        const value = this.valueOf(e);
        return Number.isFinite(value) && (value !== 0 || e.value === 0) ? constant(value) : null;
      }
      case 'feature':
        return e;
      case 'unary': {
        const arg = this.applyPending(e.arg);
        return arg && (arg === e.arg ? e : unary(e.op, arg));
      }
      case 'binary': {
        const left = this.applyPending(e.left);
        const right = left && this.applyPending(e.right);
        return left && right && (left === e.left && right === e.right ? e : binary(e.op, left, right));
      }
    }
  }
}

/**
 * 2^t * f'(x / 2^s) written literally: each feature multiplied by its factor, the whole by the target's.
 * Always representable, since the scale factors themselves are.
 */
function substituted(e: Expr, scaling: DataScaling): Expr {
  const substitute = (n: Expr): Expr => {
    switch (n.kind) {
      case 'constant':
        return n;
      case 'feature': {
        const exponent = scaling.features[n.index]!;
        return exponent === 0 ? n : binary('*', constant(timesPowerOfTwo(1, -exponent)), n);
      }
      case 'unary':
        return unary(n.op, substitute(n.arg));
      case 'binary':
        return binary(n.op, substitute(n.left), substitute(n.right));
    }
  };
  const body = substitute(e);
  return scaling.target === 0 ? body : binary('*', constant(timesPowerOfTwo(1, scaling.target)), body);
}

/**
 * A formula found on data scaled by `scaling`, in the user's units and simplified. When folding the scale
 * factors into its constants would take one beyond the range of doubles (2^1500 * x^3 for x ~ 2^-500), the
 * factors are kept where they apply instead.
 */
export function toUserUnits(e: Expr, scaling: DataScaling, vocabulary: SimplifyVocabulary): Expr {
  const folded = new UserUnitsRewriter(scaling.features).convert(e, scaling.target);
  return simplify(folded ?? substituted(e, scaling), vocabulary);
}

/**
 * The scored Pareto front, in the user's units, of formulas found on scaled data. Rewriting can change a
 * formula's complexity (a factor folded into a constant, or one that needs its own node), so the front is
 * rebuilt. Losses stay as the search measured them, in units of the scaled target: they are never squared
 * back into the user's units, where a target beyond about 1e154 would overflow them and one below about
 * 1e-154 would underflow them to a false "exact" 0.
 */
export function frontInUserUnits(
  entries: readonly FameEntry[],
  scaling: DataScaling,
  vocabulary: SimplifyVocabulary,
  floor: number,
  rows: number,
  criterion?: SelectionCriterion,
): ScoredEntry[] {
  let converted: FameEntry[] = [...entries];
  if (!isIdentityScaling(scaling)) {
    converted = [];
    for (const entry of entries) {
      const expr = toUserUnits(entry.expr, scaling, vocabulary);
      converted.push({ expr, complexity: size(expr), loss: entry.loss });
    }
  }
  const fame = new HallOfFame(Math.max(1, ...converted.map((e) => e.complexity)));
  for (const entry of converted) fame.consider(entry);
  return scoreFront(fame.front(floor), floor, rows, criterion);
}
