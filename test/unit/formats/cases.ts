import { binary, constant, feature, unary, type Expr } from '../../../src/engine/expressions/expression';
import { randomExpr, sampleRows, seededRandom } from '../helpers/randomExpr';
import { ENGINE, referenceValue, type Semantics } from '../helpers/reference';

/**
 * Column names that are reserved or invalid in most languages, so that every test also exercises sanitising.
 * The trees read the first five; the others are there so that each language's program declares them all.
 */
export const NAMES = [
  'pi', 'v (km/s)', 'log', 'e', 'θ₀',
  'if', 'class', 'end', 'double', 'fn', 'TRUE', 'np', 'Math', 'y1', 'lambda', 'function', 'NaN', 'Inf', 'i',
  'T', 'in', 'x', 'x ', 'x_', 'Δx', '2theta', 'é', '', 'sqrt', 'let', 'const', 'pow', 'mod',
] as const;
const READ = 5;

const x = feature(0);
const v = feature(1);
const l = feature(2);
const c = (value: number): Expr => constant(value);

/** Hand-written trees around precedence, associativity, signs and Python's plain-float pitfalls. */
export const TRICKY: readonly Expr[] = [
  binary('+', binary('*', c(2.5), unary('sqrt', x)), c(-3)),
  binary('-', x, c(-3)),
  binary('^', x, c(-2)),
  unary('neg', binary('^', x, c(2))),
  binary('^', c(-2), c(3)),
  binary('^', c(-8), c(1 / 3)),
  binary('^', unary('neg', x), c(2)),
  binary('^', binary('^', x, c(1.5)), c(2)),
  binary('^', c(1.1), binary('^', x, c(2))),
  binary('^', binary('^', c(2), v), binary('^', x, c(0.5))),
  unary('neg', unary('neg', unary('neg', x))),
  unary('neg', c(3)),
  unary('neg', c(-3)),
  binary('-', c(0), c(-0)),
  binary('/', c(1), c(0)),
  binary('/', c(-1), binary('-', x, x)),
  binary('/', c(2), binary('*', x, v)),
  binary('/', binary('/', x, v), l),
  binary('/', x, binary('/', v, l)),
  binary('-', x, binary('-', v, l)),
  binary('-', binary('-', x, v), l),
  binary('+', x, binary('+', v, c(1e-17))),
  unary('square', c(1e200)),
  unary('cube', c(-2)),
  unary('square', unary('neg', x)),
  unary('cube', binary('+', x, v)),
  binary('*', unary('neg', x), v),
  unary('neg', binary('*', x, v)),
  unary('sqrt', binary('-', c(2), c(3))),
  unary('log', c(-1)),
  unary('exp', c(1000)),
  binary('*', c(1e308), c(10)),
  binary('^', c(10), c(400)),
  unary('abs', binary('-', c(1), c(3))),
  unary('tanh', binary('*', c(-1.2345678901234567), x)),
  binary('*', c(123456789012345680000), x),
  binary('+', c(5e-324), c(1.5e-300)),
  unary('sqrt', unary('neg', v)),
  unary('log', binary('^', x, unary('neg', c(2)))),
  binary('^', x, unary('neg', unary('neg', v))),
  binary('*', binary('/', c(1), c(3)), binary('^', c(-27), c(1 / 3))),
  binary('-', unary('neg', x), unary('neg', v)),
  binary('^', c(0.5), c(-0.5)),
];

export const ROWS: readonly number[][] = sampleRows(seededRandom(7), 8, NAMES.length);

/**
 * The same few hundred random trees for every language. FORMATS_TEST_SEED and FORMATS_TEST_TREES draw
 * another or a larger set, for a longer search for differences by hand.
 */
export const RANDOM: readonly Expr[] = (() => {
  const rng = seededRandom(Number(process.env.FORMATS_TEST_SEED ?? 20240601));
  return Array.from({ length: Number(process.env.FORMATS_TEST_TREES ?? 300) }, (_, i) => randomExpr(rng, READ, 2 + (i % 6)));
})();

export const ALL: readonly Expr[] = [...TRICKY, ...RANDOM];

/**
 * Whether `got` matches the engine's value at `row`: NaN for NaN, the same infinity, else within 1e-9
 * relative (plus the tree's own sensitivity to rounding, see referenceValue). Undefined when it matches,
 * 'unstable' when the row's value is too sensitive to rounding to compare at all.
 */
export function mismatch(e: Expr, row: readonly number[], got: number, semantics: Semantics = ENGINE): string | undefined {
  const { value: ref, tolerance, stable } = referenceValue(e, row, semantics);
  if (!stable) return Number.isNaN(got) || Math.abs(got - ref) <= tolerance ? undefined : 'unstable';
  if (Number.isNaN(ref)) return Number.isNaN(got) ? undefined : `expected NaN, got ${got}`;
  if (!Number.isFinite(ref)) return got === ref ? undefined : `expected ${ref}, got ${got}`;
  return Math.abs(got - ref) <= tolerance ? undefined : `expected ${ref}, got ${got}`;
}

export interface Comparison {
  readonly checked: number;
  readonly nonFinite: number;
  readonly unstable: number;
  readonly failures: string[];
}

/** Checks every value of every tree; reports the failures with the tree's text. */
export function compareAll(
  exprs: readonly Expr[],
  values: readonly (readonly number[])[],
  describe: (e: Expr) => string,
  semantics: Semantics = ENGINE,
  rows: readonly number[][] = ROWS,
): Comparison {
  const failures: string[] = [];
  let checked = 0;
  let nonFinite = 0;
  let unstable = 0;
  exprs.forEach((e, i) => {
    const got = values[i];
    if (got === undefined || got.length !== rows.length) {
      failures.push(`#${i} ${describe(e)}: expected ${rows.length} values, got ${got?.length}`);
      return;
    }
    rows.forEach((row, r) => {
      checked++;
      if (!Number.isFinite(got[r]!)) nonFinite++;
      const problem = mismatch(e, row, got[r]!, semantics);
      if (problem === 'unstable') unstable++;
      else if (problem !== undefined) failures.push(`#${i} row ${r} [${row.slice(0, READ).join(', ')}] ${describe(e)}: ${problem}`);
    });
  });
  return { checked, nonFinite, unstable, failures };
}
