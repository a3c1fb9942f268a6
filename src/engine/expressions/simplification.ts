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

function mergeSum(e: Expr, vocabulary: SimplifyVocabulary): Expr {
  const terms: Term[] = [];
  sumTerms(e, false, terms);
  let total = 0;
  let constantCount = 0;
  const rest: Term[] = [];
  for (const t of terms) {
    if (t.expr.kind === 'constant') {
      total += t.negative ? -t.expr.value : t.expr.value;
      constantCount++;
    } else rest.push(t);
  }
  if (constantCount < 2 && !(constantCount === 1 && total === 0)) return e;
  const hasMinus = vocabulary.binaryOperators.includes('-');
  const hasPlus = vocabulary.binaryOperators.includes('+');
  const first = rest.findIndex((t) => !t.negative);
  let acc: Expr | null = null;
  if (first >= 0) acc = rest[first]!.expr;
  else if (rest.length > 0 && total !== 0 && hasMinus) {
    acc = constant(total);
    total = 0;
  } else if (rest.length > 0) return e;
  for (let i = 0; i < rest.length; i++) {
    if (i === first || acc === null) continue;
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
  return size(acc) < size(e) ? acc : e;
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

function mergeProduct(e: Expr, vocabulary: SimplifyVocabulary): Expr {
  const factors: Factor[] = [];
  productFactors(e, false, factors);
  let coefficient = 1;
  let constantCount = 0;
  const rest: Factor[] = [];
  for (const f of factors) {
    if (f.expr.kind === 'constant') {
      coefficient = f.inverse ? coefficient / f.expr.value : coefficient * f.expr.value;
      constantCount++;
    } else rest.push(f);
  }
  if (!Number.isFinite(coefficient) || coefficient === 0) return e;
  if (constantCount < 2 && !(constantCount === 1 && coefficient === 1)) return e;
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
  return acc !== null && size(acc) < size(e) ? acc : e;
}
