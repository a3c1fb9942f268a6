import { binary, constant, countConstants, feature, size, unary, type Expr } from '../expressions/expression';
import { hasBinary, hasUnary, type OperatorVocabulary } from './types';

/** An exponent: a simple fraction (kept exact, so it can become sqrt, square, ...) or any real number. */
export type Power =
  | { readonly kind: 'rational'; readonly numerator: number; readonly denominator: number }
  | { readonly kind: 'real'; readonly value: number };

export function rationalPower(numerator: number, denominator: number): Power {
  const divisor = greatestCommonDivisor(Math.abs(numerator), denominator);
  return { kind: 'rational', numerator: numerator / divisor, denominator: denominator / divisor };
}

export function realPower(value: number): Power {
  return { kind: 'real', value };
}

export function powerValue(p: Power): number {
  return p.kind === 'rational' ? p.numerator / p.denominator : p.value;
}

function negatedPower(p: Power): Power {
  return p.kind === 'rational' ? rationalPower(-p.numerator, p.denominator) : realPower(-p.value);
}

function greatestCommonDivisor(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a === 0 ? 1 : a;
}

/** One feature raised to a nonzero power, a factor of a power-law product. */
export interface PowerFactor {
  readonly feature: number;
  readonly power: Power;
}

/** Integer powers above this are written only with `^`: products and unary chains get too large. */
const LARGEST_EXPANDED_POWER = 12;

/**
 * The smallest tree for `coefficient * prod_i x_i^p_i` with the allowed operators, or null when the
 * vocabulary cannot express it. Positive powers go in the numerator, negative ones in a denominator when `/`
 * is allowed (`c * r^4 * dP / (mu * L)`), else as negative exponents of `^`.
 */
export function powerProductTree(
  coefficient: number,
  factors: readonly PowerFactor[],
  vocabulary: OperatorVocabulary,
): Expr | null {
  const canDivide = hasBinary(vocabulary, '/');
  const numerators: Expr[] = [];
  const denominators: Expr[] = [];
  for (const f of factors) {
    const value = powerValue(f.power);
    if (value === 0) continue;
    const x = feature(f.feature);
    if (value > 0 || canDivide) {
      const factor = positivePowerTree(x, value > 0 ? f.power : negatedPower(f.power), vocabulary);
      if (!factor) return null;
      (value > 0 ? numerators : denominators).push(factor);
    } else if (hasBinary(vocabulary, '^')) numerators.push(binary('^', x, constant(value)));
    else return null;
  }
  const canMultiply = hasBinary(vocabulary, '*');
  if (numerators.length > 0 && !canMultiply) return null;
  let tree: Expr = constant(coefficient);
  for (const n of numerators) tree = binary('*', tree, n);
  if (denominators.length === 0) return tree;
  if (!canMultiply) return denominators.reduce((acc, d) => binary('/', acc, d), tree);
  const denominator = denominators.reduce((acc, d) => binary('*', acc, d));
  return binary('/', tree, denominator);
}

/**
 * The smallest tree for `base ^ p` (p > 0) with the allowed operators, or null: sqrt for halves, sqrt(sqrt)
 * for quarters, square and cube for integers, `^` for anything, products where `^` is not allowed; thirds
 * and real exponents need `^`. On equal sizes the tree with fewer constants wins (`sqrt(cube(x))` over
 * `x ^ 1.5`), so an exact power is not left for the optimizer to move.
 */
export function positivePowerTree(base: Expr, p: Power, vocabulary: OperatorVocabulary): Expr | null {
  const options: Expr[] = [];
  const value = powerValue(p);
  if (hasBinary(vocabulary, '^')) options.push(value === 1 ? base : binary('^', base, constant(value)));
  if (p.kind === 'rational') {
    const k = p.numerator;
    const expanded = integerPowerTrees(base, k, vocabulary);
    if (p.denominator === 1) options.push(...expanded);
    if (hasUnary(vocabulary, 'sqrt')) {
      if (p.denominator === 2) {
        for (const inner of expanded) options.push(unary('sqrt', inner));
        if (k > 1 && hasBinary(vocabulary, '*') && !hasBinary(vocabulary, '^')) {
          for (const whole of integerPowerTrees(base, (k - 1) / 2, vocabulary)) {
            options.push(binary('*', whole, unary('sqrt', base)));
          }
        }
      }
      if (p.denominator === 4) for (const inner of expanded) options.push(unary('sqrt', unary('sqrt', inner)));
    }
  }
  return smallest(options);
}

/** The smallest tree for `base ^ k` (integer k >= 1) built from square, cube and products, if any. */
function integerPowerTrees(base: Expr, k: number, vocabulary: OperatorVocabulary): Expr[] {
  if (k === 1) return [base];
  if (k < 1 || k > LARGEST_EXPANDED_POWER || !Number.isInteger(k)) return [];
  // `x ^ 3` reads better than `x * x * x` and is no larger: products stand in only where `^` is not allowed.
  const multiply = hasBinary(vocabulary, '*') && !hasBinary(vocabulary, '^');
  const best: (Expr | null)[] = [null, base];
  for (let j = 2; j <= k; j++) {
    const options: Expr[] = [];
    const half = best[j / 2];
    if (j % 2 === 0 && half && hasUnary(vocabulary, 'square')) options.push(unary('square', half));
    const third = best[j / 3];
    if (j % 3 === 0 && third && hasUnary(vocabulary, 'cube')) options.push(unary('cube', third));
    if (multiply) {
      for (let a = 1; a <= j / 2; a++) {
        const left = best[j - a];
        const right = best[a];
        if (left && right) options.push(binary('*', left, right));
      }
    }
    best.push(smallest(options));
  }
  const result = best[k];
  return result ? [result] : [];
}

function smallest(options: readonly Expr[]): Expr | null {
  let best: Expr | null = null;
  for (const e of options) {
    if (!best) best = e;
    else {
      const bySize = size(e) - size(best);
      if (bySize < 0 || (bySize === 0 && countConstants(e) < countConstants(best))) best = e;
    }
  }
  return best;
}
