import { featuresOf, type Expr } from '../engine/expressions/expression';
import { constantValue, polyOf, totalDegree, type Monomial, type Poly } from './poly';

export type ShapeKind =
  | 'linear'
  | 'polynomial'
  | 'power law'
  | 'exponential growth'
  | 'exponential decay'
  | 'exponential'
  | 'logarithmic'
  | 'oscillation'
  | 'saturating'
  | 'rational';

const dependsOnData = (e: Expr): boolean => featuresOf(e).length > 0;

function nonConstantTerms(p: Poly): Monomial[] {
  return p.filter((m) => m.powers.size > 0);
}

function polyShape(p: Poly): ShapeKind[] {
  const terms = nonConstantTerms(p);
  if (terms.length === 0) return [];
  const exponents = terms.flatMap((m) => [...m.powers.values()]);
  if (terms.every((m) => m.powers.size === 1 && totalDegree(m) === 1)) return ['linear'];
  if (terms.length === 1) return ['power law'];
  if (exponents.every((x) => Number.isInteger(x) && x > 0)) return ['polynomial'];
  if (exponents.every((x) => Number.isInteger(x))) return ['rational'];
  return ['power law'];
}

/** +1 when every data-dependent term of `p` is positive, -1 when every one is negative, 0 otherwise. */
function sign(p: Poly): number {
  const terms = nonConstantTerms(p);
  if (terms.length > 0 && terms.every((m) => m.coef > 0)) return 1;
  if (terms.length > 0 && terms.every((m) => m.coef < 0)) return -1;
  return 0;
}

function exponentialOf(exponent: Expr, scale: number): ShapeKind[] {
  const p = polyOf(exponent);
  const s = (p ? sign(p) : exponent.kind === 'unary' && exponent.op === 'neg' ? -1 : 0) * Math.sign(scale);
  return [s > 0 ? 'exponential growth' : s < 0 ? 'exponential decay' : 'exponential'];
}

/** Drops additive and multiplicative constants around a core: `a + b * f(x)` -> `f(x)`. */
function stripAffine(e: Expr): Expr {
  if (e.kind === 'unary' && e.op === 'neg') return stripAffine(e.arg);
  if (e.kind !== 'binary' || e.op === '^') return e;
  const leftData = dependsOnData(e.left);
  const rightData = dependsOnData(e.right);
  if (leftData && !rightData) return stripAffine(e.left);
  if (rightData && !leftData && e.op !== '/') return stripAffine(e.right);
  return e;
}

function union(...lists: ShapeKind[][]): ShapeKind[] {
  return [...new Set(lists.flat())];
}

/** `A / B` with B a sum depending on the data: saturating when it levels off (`a x / (b + x)`), else rational. */
function quotientShape(numerator: Expr, denominator: Expr): ShapeKind[] {
  const num = polyOf(numerator);
  const den = polyOf(denominator);
  if (num && den) {
    const degree = (p: Poly): number => Math.max(0, ...nonConstantTerms(p).map(totalDegree));
    const levelsOff = den.some((m) => m.powers.size === 0) && degree(num) === degree(den) && degree(num) > 0;
    return [levelsOff ? 'saturating' : 'rational'];
  }
  const core = stripAffine(denominator);
  if (!dependsOnData(numerator) && core.kind === 'unary' && core.op === 'exp') return ['saturating'];
  return union(shapesOf(numerator), shapesOf(denominator), ['rational']);
}

function shapesOf(e: Expr): ShapeKind[] {
  if (!dependsOnData(e)) return [];
  const p = polyOf(e);
  if (p) return polyShape(p);
  if (e.kind === 'binary' && e.op === '-' && !dependsOnData(e.left)) {
    // c - exp(-k x) rises and levels off at c
    const inner = shapesOf(e.right);
    return inner.map((s) => (s === 'exponential decay' ? 'saturating' : s));
  }
  const core = stripAffine(e);
  if (core !== e) return shapesOf(core);
  switch (core.kind) {
    case 'constant':
    case 'feature':
      return [];
    case 'unary':
      switch (core.op) {
        case 'exp':
          return exponentialOf(core.arg, 1);
        case 'log':
          return ['logarithmic'];
        case 'sin':
        case 'cos':
        case 'tan':
          return ['oscillation'];
        case 'tanh':
          return ['saturating'];
        case 'sqrt':
        case 'square':
        case 'cube':
          // a power of a sum, such as sqrt(x^2 + y^2), is still a power law
          return polyOf(core.arg) ? ['power law'] : shapesOf(core.arg);
        default:
          return shapesOf(core.arg);
      }
    case 'binary': {
      const { op, left, right } = core;
      if (op === '/' && dependsOnData(right)) return quotientShape(left, right);
      if (op === '^') {
        const base = polyOf(left);
        if (dependsOnData(right)) {
          const b = base ? constantValue(base) : undefined;
          return b !== undefined && b > 0 && b !== 1 ? exponentialOf(right, Math.log(b)) : [];
        }
        const exponent = polyOf(right);
        const x = exponent ? constantValue(exponent) : undefined;
        if (base && x !== undefined) return [Number.isInteger(x) && x < 0 ? 'rational' : 'power law'];
        return shapesOf(left);
      }
      if (op === '*') return union(factorShapes(left), factorShapes(right));
      return union(shapesOf(left), shapesOf(right));
    }
  }
}

/** In a product, a single monomial factor (even plain x) is a power law: x * exp(-x) is a power law times a decay. */
function factorShapes(e: Expr): ShapeKind[] {
  const p = polyOf(e);
  return p && p.length === 1 && p[0]!.powers.size > 0 ? ['power law'] : shapesOf(e);
}

/** Most telling first: a saturating curve or an oscillation says more about the data than a linear trend. */
const SPECIFICITY: readonly ShapeKind[] = [
  'saturating',
  'oscillation',
  'exponential growth',
  'exponential decay',
  'exponential',
  'logarithmic',
  'rational',
  'power law',
  'polynomial',
  'linear',
];

/**
 * The recognisable shapes of a formula, most telling first: `c * x^a` is a power law, `a x / (b + x)` saturates,
 * `x^a * exp(-b x)` is both an exponential decay and a power law. Constants and formulas without data give none.
 */
export function classifyFormula(e: Expr): ShapeKind[] {
  return [...shapesOf(e)].sort((a, b) => SPECIFICITY.indexOf(a) - SPECIFICITY.indexOf(b));
}
