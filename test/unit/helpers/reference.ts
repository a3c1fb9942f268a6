import type { Expr } from '../../../src/engine/expressions/expression';
import { applyBinary, applyUnary, type UnaryOperator } from '../../../src/engine/expressions/operators';

/**
 * The engine's values as a yardstick for other languages. Their libms (and V8's own constant folding of
 * `**`) may differ from V8's Math functions by an ulp or so per operation, which an ill-conditioned tree
 * (cos of 1e14, a difference of nearly equal values) magnifies far beyond any fixed relative tolerance. So
 * the tolerance is 1e-9 relative plus how far the value moves when every operation's result is nudged by
 * 1e-14 relative; a row whose NaN-ness or finiteness changes under such nudges, or whose value moves by
 * more than 1e-6 relative, is reported unstable.
 */

/**
 * How a language computes powers where it departs from JavaScript's Math.pow; `arrays` tells whether the
 * operands read a variable, so that in vectorised code they are arrays rather than scalars.
 */
export interface Semantics {
  readonly pow: (a: number, b: number, arrays: boolean) => number;
  /** The unary operators printed as a power (R has no cube function: cube(x) is x^3). */
  readonly powerOperators?: ReadonlySet<UnaryOperator>;
}

export const ENGINE: Semantics = { pow: Math.pow };

function readsVariables(e: Expr): boolean {
  return e.kind === 'feature' || (e.kind === 'unary' && readsVariables(e.arg)) || (e.kind === 'binary' && (readsVariables(e.left) || readsVariables(e.right)));
}

/** C99's pow (C, numpy scalars, Rust): 1 for a base of 1, or of -1 with an infinite exponent, where JavaScript gives NaN. */
function c99Pow(a: number, b: number): number {
  return a === 1 || (a === -1 && (b === Infinity || b === -Infinity)) ? 1 : Math.pow(a, b);
}

export const C99: Semantics = { pow: c99Pow };

/** numpy on arrays also computes an exponent of 0.5 as sqrt: (-0)^0.5 is -0 and (-inf)^0.5 NaN. */
export const NUMPY_ARRAYS: Semantics = { pow: (a, b, arrays) => (b === 0.5 && arrays ? Math.sqrt(a) : c99Pow(a, b)) };

/** R's `^` (R_pow in R's arithmetic.c), which departs from IEEE pow for zero, infinite and NaN operands. */
function rPow(x: number, y: number): number {
  if (x === 1 || y === 0) return 1;
  if (x === 0) return y > 0 ? 0 : y < 0 ? Infinity : y;
  if (Number.isFinite(x) && Number.isFinite(y)) return y === 2 ? x * x : Math.pow(x, y);
  if (Number.isNaN(x) || Number.isNaN(y)) return x + y;
  if (!Number.isFinite(x)) {
    if (x > 0) return y < 0 ? 0 : Infinity;
    if (Number.isFinite(y) && y === Math.floor(y)) return y < 0 ? 0 : y % 2 !== 0 ? x : -x;
  }
  if (!Number.isFinite(y) && x >= 0) return y > 0 ? (x >= 1 ? Infinity : 0) : x < 1 ? Infinity : 0;
  return NaN;
}

export const R: Semantics = { pow: rPow, powerOperators: new Set(['square', 'cube']) };

/** Value at a row; with `nudge`, the result of operation number i is multiplied by 1 + nudge(i). */
export function evaluateWith(e: Expr, row: readonly number[], semantics: Semantics = ENGINE, nudge?: (i: number) => number): number {
  let i = 0;
  const adjust = (v: number): number => (nudge === undefined ? v : v * (1 + nudge(i++)));
  const ev = (n: Expr): number => {
    switch (n.kind) {
      case 'constant':
        return n.value;
      case 'feature':
        return row[n.index]!;
      case 'unary': {
        const x = ev(n.arg);
        if (semantics.powerOperators?.has(n.op)) return adjust(semantics.pow(x, n.op === 'square' ? 2 : 3, readsVariables(n)));
        return adjust(applyUnary(n.op, x));
      }
      case 'binary': {
        const a = ev(n.left);
        const b = ev(n.right);
        return adjust(n.op === '^' ? semantics.pow(a, b, readsVariables(n)) : applyBinary(n.op, a, b));
      }
    }
  };
  return ev(e);
}

const NUDGE = 1e-14;
const PATTERNS: readonly ((i: number) => number)[] = [
  () => NUDGE,
  () => -NUDGE,
  (i) => (i % 2 === 0 ? NUDGE : -NUDGE),
  (i) => (i % 2 === 0 ? -NUDGE : NUDGE),
  (i) => ((Math.imul(i + 1, 0x9e3779b1) >>> 31) === 0 ? NUDGE : -NUDGE),
];

export interface ReferenceValue {
  readonly value: number;
  readonly tolerance: number;
  readonly stable: boolean;
}

export function referenceValue(e: Expr, row: readonly number[], semantics: Semantics = ENGINE): ReferenceValue {
  const value = evaluateWith(e, row, semantics);
  let spread = 0;
  let stable = true;
  for (const pattern of PATTERNS) {
    const v = evaluateWith(e, row, semantics, pattern);
    if (Number.isNaN(v) !== Number.isNaN(value) || Number.isFinite(v) !== Number.isFinite(value)) stable = false;
    else if (Number.isFinite(value)) spread = Math.max(spread, Math.abs(v - value));
    else if (!Number.isNaN(value) && v !== value) stable = false;
  }
  // Past a condition number of about 1e8 (tan or cos of a huge argument, cancellation), an ulp of
  // difference in one libm result says nothing about the formula: such rows are not compared.
  if (spread > 1e-6 * Math.abs(value)) stable = false;
  return { value, tolerance: 1e-9 * Math.abs(value) + spread, stable };
}

/** True when every intermediate value is finite: no domain error, overflow or division by zero anywhere. */
export function isCleanRow(e: Expr, row: readonly number[]): boolean {
  let clean = true;
  const ev = (n: Expr): number => {
    const v =
      n.kind === 'constant'
        ? n.value
        : n.kind === 'feature'
          ? row[n.index]!
          : n.kind === 'unary'
            ? applyUnary(n.op, ev(n.arg))
            : applyBinary(n.op, ev(n.left), ev(n.right));
    if (!Number.isFinite(v)) clean = false;
    return v;
  };
  ev(e);
  return clean;
}
