import { binary, constant, equalExpr, size, unary, type Expr } from './expression';
import { applyBinary, applyUnary, type BinaryOperator, type UnaryOperator } from './operators';

/** The operators a simplified tree may use: simplification never introduces one the search was not given. */
export interface SimplifyVocabulary {
  readonly binaryOperators: readonly BinaryOperator[];
  readonly unaryOperators: readonly UnaryOperator[];
}

/**
 * Rewrites an expression into an equivalent one that is never larger: folds constant subtrees, applies
 * identities (x + 0, x * 1, x ^ 1, x - x, x / x, --x) and merges the constants of sums and products into one
 * (`(2 * x) * 3` -> `6 * x`, `(x + 1) - 4` -> `x - 3`). Results are equal to the original on every row
 * where the original is valid, up to floating-point rounding of the merged constants.
 */
export function simplify(e: Expr, vocabulary: SimplifyVocabulary): Expr {
  let current = e;
  for (let pass = 0; pass < 4; pass++) {
    const next = simplifyNode(current, vocabulary);
    if (equalExpr(next, current)) break;
    current = next;
  }
  return size(current) <= size(e) ? current : e;
}

function isConstant(e: Expr, value?: number): e is { kind: 'constant'; value: number } {
  return e.kind === 'constant' && (value === undefined || e.value === value);
}

function simplifyNode(e: Expr, vocabulary: SimplifyVocabulary): Expr {
  switch (e.kind) {
    case 'constant':
    case 'feature':
      return e;
    case 'unary': {
      const arg = simplifyNode(e.arg, vocabulary);
      if (arg.kind === 'constant') {
        const v = applyUnary(e.op, arg.value);
        if (Number.isFinite(v)) return constant(v);
      }
      if (e.op === 'neg' && arg.kind === 'unary' && arg.op === 'neg') return arg.arg;
      return arg === e.arg ? e : unary(e.op, arg);
    }
    case 'binary': {
      const left = simplifyNode(e.left, vocabulary);
      const right = simplifyNode(e.right, vocabulary);
      const folded = identities(e.op, left, right, vocabulary);
      if (folded) return folded;
      const rebuilt = left === e.left && right === e.right ? e : binary(e.op, left, right);
      if (e.op === '+' || e.op === '-') return mergeSum(rebuilt, vocabulary);
      if (e.op === '*' || e.op === '/') return mergeProduct(rebuilt, vocabulary);
      return rebuilt;
    }
  }
}

function identities(op: BinaryOperator, left: Expr, right: Expr, vocabulary: SimplifyVocabulary): Expr | null {
  if (left.kind === 'constant' && right.kind === 'constant') {
    const v = applyBinary(op, left.value, right.value);
    if (Number.isFinite(v)) return constant(v);
  }
  const has = (o: BinaryOperator): boolean => vocabulary.binaryOperators.includes(o);
  switch (op) {
    case '+':
      if (isConstant(right, 0)) return left;
      if (isConstant(left, 0)) return right;
      if (equalExpr(left, right) && has('*')) return binary('*', constant(2), left);
      // Signs read better outside constants: x + -3 -> x - 3, -3 + x -> x - 3.
      if (right.kind === 'constant' && right.value < 0 && has('-')) return binary('-', left, constant(-right.value));
      if (left.kind === 'constant' && left.value < 0 && right.kind !== 'constant' && has('-')) {
        return binary('-', right, constant(-left.value));
      }
      return null;
    case '-':
      if (isConstant(right, 0)) return left;
      if (equalExpr(left, right)) return constant(0);
      if (isConstant(left, 0) && vocabulary.unaryOperators.includes('neg')) return unary('neg', right);
      if (right.kind === 'constant' && right.value < 0 && has('+')) return binary('+', left, constant(-right.value));
      return null;
    case '*':
      if (isConstant(right, 1)) return left;
      if (isConstant(left, 1)) return right;
      return null;
    case '/':
      if (isConstant(right, 1)) return left;
      if (equalExpr(left, right)) return constant(1);
      // x / 0.0021 reads better as 475.3 * x (a refit of the constants restores the last digit).
      if (right.kind === 'constant' && left.kind !== 'constant' && has('*')) {
        const inverse = 1 / right.value;
        if (Number.isFinite(inverse) && inverse !== 0) return binary('*', constant(inverse), left);
      }
      return null;
    case '^':
      if (isConstant(right, 1)) return left;
      if (isConstant(right, 0)) return constant(1);
      return null;
  }
}

interface Term {
  expr: Expr;
  negative: boolean;
}

/** Terms of a chain of + and -, with their signs. */
function sumTerms(e: Expr, negative: boolean, out: Term[]): void {
  if (e.kind === 'binary' && (e.op === '+' || e.op === '-')) {
    sumTerms(e.left, negative, out);
    sumTerms(e.right, e.op === '-' ? !negative : negative, out);
  } else if (e.kind === 'unary' && e.op === 'neg') {
    sumTerms(e.arg, !negative, out);
  } else {
    out.push({ expr: e, negative });
  }
}

/** A term as a constant coefficient times a body: `3 * x` is (3, x), `x` is (1, x). */
function coefficientOf(t: Term): { coefficient: number; body: Expr } {
  const sign = t.negative ? -1 : 1;
  const e = t.expr;
  if (e.kind === 'binary' && e.op === '*') {
    if (e.left.kind === 'constant') return { coefficient: sign * e.left.value, body: e.right };
    if (e.right.kind === 'constant') return { coefficient: sign * e.right.value, body: e.left };
  }
  return { coefficient: sign, body: e };
}

/**
 * Like terms collected (`x - x2 - x2` -> `x - 2 * x2`, `2 * x + 3 * x` -> `5 * x`), in the order each
 * first appears; null when no two terms are alike or a coefficient cannot be written with the operators.
 */
function collectLikeTerms(terms: Term[], hasTimes: boolean): Term[] | null {
  const groups: { body: Expr; coefficient: number; count: number }[] = [];
  for (const t of terms) {
    const { coefficient, body } = coefficientOf(t);
    const group = groups.find((g) => equalExpr(g.body, body));
    if (group) {
      group.coefficient += coefficient;
      group.count++;
    } else groups.push({ body, coefficient, count: 1 });
  }
  if (groups.every((g) => g.count === 1)) return null;
  const collected: Term[] = [];
  for (const g of groups) {
    if (g.count === 1) {
      collected.push(terms.find((t) => equalExpr(coefficientOf(t).body, g.body))!);
      continue;
    }
    if (!Number.isFinite(g.coefficient)) return null;
    if (g.coefficient === 0) continue;
    const magnitude = Math.abs(g.coefficient);
    if (magnitude !== 1 && !hasTimes) return null;
    collected.push({ expr: magnitude === 1 ? g.body : binary('*', constant(magnitude), g.body), negative: g.coefficient < 0 });
  }
  return collected;
}

function mergeSum(e: Expr, vocabulary: SimplifyVocabulary): Expr {
  const terms: Term[] = [];
  sumTerms(e, false, terms);
  let total = 0;
  let constantCount = 0;
  let rest: Term[] = [];
  for (const t of terms) {
    if (t.expr.kind === 'constant') {
      total += t.negative ? -t.expr.value : t.expr.value;
      constantCount++;
    } else rest.push(t);
  }
  const collected = collectLikeTerms(rest, vocabulary.binaryOperators.includes('*'));
  if (collected) rest = collected;
  else if (constantCount < 2 && !(constantCount === 1 && total === 0)) return e;
  const hasMinus = vocabulary.binaryOperators.includes('-');
  const hasPlus = vocabulary.binaryOperators.includes('+');
  const first = rest.findIndex((t) => !t.negative);
  let acc: Expr | null = null;
  // The term `acc` starts from, when it is one of `rest`.
  let start = first;
  if (first >= 0) acc = rest[first]!.expr;
  else if (rest.length > 0 && total !== 0 && hasMinus) {
    acc = constant(total);
    total = 0;
  } else if (rest.length > 0) {
    if (!collected || rest.length !== 1 || !vocabulary.unaryOperators.includes('neg')) return e;
    acc = unary('neg', rest[0]!.expr);
    start = 0;
  }
  for (let i = 0; i < rest.length; i++) {
    if (i === start || acc === null) continue;
    const t = rest[i]!;
    if (t.negative) {
      if (!hasMinus) return e;
      acc = binary('-', acc, t.expr);
    } else {
      if (!hasPlus) return e;
      acc = binary('+', acc, t.expr);
    }
  }
  if (acc === null) return constant(total);
  if (total !== 0) {
    if (total < 0 && hasMinus) acc = binary('-', acc, constant(-total));
    else if (hasPlus) acc = binary('+', acc, constant(total));
    else return e;
  }
  // Collected like terms read better even at the same size (`2 * x` for `x + x`).
  return size(acc) < size(e) || (collected !== null && size(acc) <= size(e)) ? acc : e;
}

interface Factor {
  expr: Expr;
  inverse: boolean;
}

function productFactors(e: Expr, inverse: boolean, out: Factor[]): void {
  if (e.kind === 'binary' && (e.op === '*' || e.op === '/')) {
    productFactors(e.left, inverse, out);
    productFactors(e.right, e.op === '/' ? !inverse : inverse, out);
  } else {
    out.push({ expr: e, inverse });
  }
}

/** `base` to a positive power other than 1 with the operators there are (`square`, `cube` or `^`), or null. */
function power(base: Expr, exponent: number, vocabulary: SimplifyVocabulary): Expr | null {
  if (exponent === 2 && vocabulary.unaryOperators.includes('square')) return unary('square', base);
  if (exponent === 3 && vocabulary.unaryOperators.includes('cube')) return unary('cube', base);
  if (vocabulary.binaryOperators.includes('^')) return binary('^', base, constant(exponent));
  return null;
}

/** A factor as a base to a constant power: `x ^ 2`, `square(x)` are (x, 2); `x` is (x, 1). */
function powerOf(e: Expr): { base: Expr; power: number } {
  if (e.kind === 'binary' && e.op === '^' && e.right.kind === 'constant') return { base: e.left, power: e.right.value };
  if (e.kind === 'unary' && e.op === 'square') return { base: e.arg, power: 2 };
  if (e.kind === 'unary' && e.op === 'cube') return { base: e.arg, power: 3 };
  return { base: e, power: 1 };
}

/**
 * Repeated factors as powers (`flow * flow * 3.87` -> `3.87 * flow ^ 2`), in the order each first appears;
 * null when no factor repeats or a power cannot be written with the operators.
 */
function collectPowers(factors: Factor[], vocabulary: SimplifyVocabulary): Factor[] | null {
  const groups: { base: Expr; power: number; count: number }[] = [];
  for (const f of factors) {
    const { base, power } = powerOf(f.expr);
    const signed = f.inverse ? -power : power;
    const group = groups.find((g) => equalExpr(g.base, base));
    if (group) {
      group.power += signed;
      group.count++;
    } else groups.push({ base, power: signed, count: 1 });
  }
  if (groups.every((g) => g.count === 1)) return null;
  const collected: Factor[] = [];
  for (const g of groups) {
    const magnitude = Math.abs(g.power);
    if (magnitude === 0) continue;
    if (!Number.isFinite(magnitude)) return null;
    const expr = magnitude === 1 ? g.base : power(g.base, magnitude, vocabulary);
    if (!expr) return null;
    collected.push({ expr, inverse: g.power < 0 });
  }
  return collected;
}

function mergeProduct(e: Expr, vocabulary: SimplifyVocabulary): Expr {
  const factors: Factor[] = [];
  productFactors(e, false, factors);
  let coefficient = 1;
  let constantCount = 0;
  let rest: Factor[] = [];
  for (const f of factors) {
    if (f.expr.kind === 'constant') {
      coefficient = f.inverse ? coefficient / f.expr.value : coefficient * f.expr.value;
      constantCount++;
    } else rest.push(f);
  }
  if (!Number.isFinite(coefficient) || coefficient === 0) return e;
  const collected = collectPowers(rest, vocabulary);
  // A reader puts a product's coefficient first: `3.87 * flow ^ 2`, not `flow ^ 2 * 3.87`.
  const trailingCoefficient = constantCount === 1 && factors[0]!.expr.kind !== 'constant' && factors.some((f) => f.expr.kind === 'constant' && !f.inverse);
  if (collected) rest = collected;
  else if (constantCount < 2 && !(constantCount === 1 && coefficient === 1) && !trailingCoefficient) return e;
  const hasTimes = vocabulary.binaryOperators.includes('*');
  const hasDivide = vocabulary.binaryOperators.includes('/');
  const numerators = rest.filter((f) => !f.inverse).map((f) => f.expr);
  const denominators = rest.filter((f) => f.inverse).map((f) => f.expr);
  let acc: Expr | null = null;
  if (coefficient !== 1 || numerators.length === 0) acc = constant(coefficient);
  for (const n of numerators) {
    if (acc === null) acc = n;
    else if (hasTimes) acc = binary('*', acc, n);
    else return e;
  }
  for (const d of denominators) {
    if (!hasDivide) return e;
    acc = binary('/', acc!, d);
  }
  return acc !== null && (size(acc) < size(e) || ((collected !== null || trailingCoefficient) && size(acc) <= size(e))) ? acc : e;
}
