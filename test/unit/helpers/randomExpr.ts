import { binary, constant, feature, unary, type Expr } from '../../../src/engine/expressions/expression';
import { BINARY_OPERATORS, UNARY_OPERATORS } from '../../../src/engine/expressions/operators';

/** mulberry32: a tiny seeded generator, so every run tests the same trees. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/** Exponents that keep powers mostly finite and exercise negative and fractional cases. */
const EXPONENTS = [2, 3, -2, -1, 0.5, -0.5, 1.5, 1 / 3, 2.5, -3];
const SPECIAL_CONSTANTS = [0, -0, 1, -1, 2, -2, 0.5, 1e-7, -2.5e-5, 123456.789, Math.PI, 0.1, -0.3];

function randomConstant(rng: () => number): number {
  if (rng() < 0.3) return pick(rng, SPECIAL_CONSTANTS);
  // Full-precision values such as 1.2345678901234567 or -3.8172...: the formats must keep every digit.
  return (rng() * 10 - 5) * (rng() < 0.2 ? 10 ** Math.floor(rng() * 8 - 4) : 1);
}

/**
 * A random tree of at most `depth` levels over `features` inputs, using every operator: negative constants,
 * nested powers and chains of unary minus are all likely.
 */
export function randomExpr(rng: () => number, features: number, depth: number): Expr {
  const leaf = (): Expr => (rng() < 0.55 ? feature(Math.floor(rng() * features)) : constant(randomConstant(rng)));
  const grow = (d: number): Expr => {
    if (d <= 1 || rng() < 0.15) return leaf();
    const r = rng();
    if (r < 0.08) {
      // A chain of negations.
      let e = grow(d - 1);
      const n = 1 + Math.floor(rng() * 3);
      for (let i = 0; i < n; i++) e = unary('neg', e);
      return e;
    }
    if (r < 0.38) return unary(pick(rng, UNARY_OPERATORS), grow(d - 1));
    const op = pick(rng, BINARY_OPERATORS);
    if (op === '^') {
      const exponent = rng() < 0.6 ? constant(pick(rng, EXPONENTS)) : grow(d - 1);
      return binary('^', grow(d - 1), exponent);
    }
    return binary(op, grow(d - 1), grow(d - 1));
  };
  return grow(depth);
}

/** Input rows on a grid of 1/64 (short, exactly representable decimals), mostly inside every domain. */
export function sampleRows(rng: () => number, rows: number, features: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: number[] = [];
    for (let f = 0; f < features; f++) {
      const low = f % 2 === 0 ? 0.25 : -2.5;
      row.push(low + Math.round(rng() * 3 * 64) / 64);
    }
    out.push(row);
  }
  return out;
}
