import type { Expr } from '../expressions/expression';
import { ColumnPool } from './columnPool';
import {
  addColumns,
  allFinite,
  addScalar,
  divideByScalar,
  divideColumns,
  divideScalarBy,
  multiplyColumns,
  multiplyScalar,
  negate,
  square,
  subtractColumns,
  subtractFromScalar,
} from './kernels';
import { applyBinary, applyUnary, type BinaryOperator, type UnaryOperator } from '../expressions/operators';

/** Value of an expression at one row (reference semantics; slow, for tests and single points). */
export function evaluateRow(e: Expr, row: ArrayLike<number>): number {
  switch (e.kind) {
    case 'constant':
      return e.value;
    case 'feature':
      return row[e.index]!;
    case 'unary':
      return applyUnary(e.op, evaluateRow(e.arg, row));
    case 'binary':
      return applyBinary(e.op, evaluateRow(e.left, row), evaluateRow(e.right, row));
  }
}

/** A sub-result: a number stands for the same value on every row (a constant subtree). */
type Value = number | Float64Array;

/** Operators that can turn finite inputs into NaN or infinity (other than by overflow). */
const CREATES_NON_FINITE = new Set<string>(['/', '^', 'sqrt', 'log', 'exp', 'tan']);
/** Operators that can turn a non-finite input back into a finite value (1 / Inf = 0, exp(-Inf) = 0, ...). */
const ABSORBS_NON_FINITE = new Set<string>(['/', '^', 'exp', 'tanh']);
/** Operators that keep finite inputs finite, overflow included. */
const KEEPS_FINITE = new Set<string>(['neg', 'abs', 'sin', 'cos', 'tanh']);

/**
 * Evaluates expressions over whole columns, one node at a time (each node is a tight loop over the rows).
 *
 * Hand-written rather than compiled with `new Function` per candidate: a search evaluates millions of
 * short-lived trees, and compiling each costs more than running it. Column-at-a-time loops keep V8's
 * inner loops monomorphic and let constant operands stay scalars.
 *
 * Any non-finite intermediate value (NaN, +-Infinity) makes the whole evaluation invalid, as in
 * SymbolicRegression.jl. Checking every node would put a dependency chain into every loop, so checks go
 * only where needed: inside the loops of operators that can create non-finite values (division, powers,
 * sqrt, log, exp, tan), which also stops a hopeless candidate early; before operators that could hide a
 * non-finite input (1 / Inf = 0); and on the result. A non-finite value created elsewhere (an overflow in a
 * product) travels up unchanged to one of those checks.
 */
export class ColumnEvaluator {
  readonly rows: number;
  private readonly columns: readonly Float64Array[];
  private readonly pool: ColumnPool;
  private valid = true;
  /** Whether the value the last `node` call returned is known to be finite everywhere. */
  private checked = true;

  constructor(columns: readonly Float64Array[], rows?: number) {
    this.columns = columns;
    this.rows = rows ?? columns[0]?.length ?? 0;
    for (const c of columns) {
      if (c.length !== this.rows) throw new RangeError('all columns must have the same length');
    }
    this.pool = new ColumnPool(this.rows, columns);
  }

  /**
   * Values of `e` on every row, written into `out` (allocated if absent). Returns null when any
   * intermediate value is not finite.
   */
  evaluate(e: Expr, out?: Float64Array): Float64Array | null {
    this.valid = true;
    const result = this.node(e);
    if (typeof result !== 'number' && this.valid && !this.checked && !allFinite(result)) this.valid = false;
    if (!this.valid) {
      if (typeof result !== 'number') this.pool.release(result);
      return null;
    }
    const target = out ?? new Float64Array(this.rows);
    if (typeof result === 'number') {
      if (!Number.isFinite(result)) return null;
      target.fill(result);
    } else {
      target.set(result);
      this.pool.release(result);
    }
    return target;
  }

  /** Makes sure an operand of an operator that could hide a non-finite value is finite. */
  private ensureFinite(v: Value, checked: boolean): void {
    if (!checked && typeof v !== 'number' && !allFinite(v)) this.valid = false;
  }

  private node(e: Expr): Value {
    if (!this.valid) return NaN;
    switch (e.kind) {
      case 'constant':
        this.checked = true;
        return e.value;
      case 'feature':
        this.checked = true;
        return this.columns[e.index]!;
      case 'unary': {
        const a = this.node(e.arg);
        const argChecked = this.checked;
        if (typeof a === 'number') {
          const v = applyUnary(e.op, a);
          if (!Number.isFinite(v)) this.valid = false;
          this.checked = true;
          return v;
        }
        if (ABSORBS_NON_FINITE.has(e.op)) this.ensureFinite(a, argChecked);
        if (!this.valid) {
          this.pool.release(a);
          return NaN;
        }
        const result = this.unaryColumn(e.op, a);
        this.checked = CREATES_NON_FINITE.has(e.op) || (argChecked && KEEPS_FINITE.has(e.op));
        return result;
      }
      case 'binary': {
        const a = this.node(e.left);
        const leftChecked = this.checked;
        if (!this.valid) {
          if (typeof a !== 'number') this.pool.release(a);
          return NaN;
        }
        const b = this.node(e.right);
        const rightChecked = this.checked;
        if (typeof a === 'number' && typeof b === 'number') {
          const v = applyBinary(e.op, a, b);
          if (!Number.isFinite(v)) this.valid = false;
          this.checked = true;
          return v;
        }
        if (ABSORBS_NON_FINITE.has(e.op)) {
          // A non-finite numerator stays non-finite (NaN / x, Inf / x): only the denominator can be hidden.
          if (e.op !== '/') this.ensureFinite(a, leftChecked);
          this.ensureFinite(b, rightChecked);
        }
        if (!this.valid) {
          if (typeof a !== 'number') this.pool.release(a);
          if (typeof b !== 'number') this.pool.release(b);
          return NaN;
        }
        let result: Float64Array;
        if (typeof a === 'number') result = this.binaryScalarColumn(e.op, a, b as Float64Array);
        else if (typeof b === 'number') result = this.binaryColumnScalar(e.op, a, b);
        else result = this.binaryColumns(e.op, a, b);
        this.checked = CREATES_NON_FINITE.has(e.op);
        return result;
      }
    }
  }

  private finish(out: Float64Array, sum: number): Float64Array {
    if (!Number.isFinite(sum)) this.valid = false;
    return out;
  }

  private unaryColumn(op: UnaryOperator, a: Float64Array): Float64Array {
    const n = this.rows;
    const out = this.pool.writable(a);
    let s = 0;
    switch (op) {
      case 'neg':
        negate(a, out, n);
        break;
      case 'sqrt':
        for (let i = 0; i < n; i++) s += out[i] = Math.sqrt(a[i]!);
        break;
      case 'exp':
        for (let i = 0; i < n; i++) s += out[i] = Math.exp(a[i]!);
        break;
      case 'log':
        for (let i = 0; i < n; i++) s += out[i] = Math.log(a[i]!);
        break;
      case 'sin':
        for (let i = 0; i < n; i++) out[i] = Math.sin(a[i]!);
        break;
      case 'cos':
        for (let i = 0; i < n; i++) out[i] = Math.cos(a[i]!);
        break;
      case 'tan':
        for (let i = 0; i < n; i++) s += out[i] = Math.tan(a[i]!);
        break;
      case 'tanh':
        for (let i = 0; i < n; i++) out[i] = Math.tanh(a[i]!);
        break;
      case 'abs':
        for (let i = 0; i < n; i++) out[i] = Math.abs(a[i]!);
        break;
      case 'square':
        square(a, out, n);
        break;
      case 'cube':
        for (let i = 0; i < n; i++) {
          const x = a[i]!;
          out[i] = x * x * x;
        }
        break;
    }
    return this.finish(out, s);
  }

  /*
   * One method per placement of the scalar (none, left, right), each a switch over the operators: alike in
   * shape, but each case calls the kernel for its operand order, so that every loop sees one kind of operand.
   */
  private binaryColumns(op: BinaryOperator, a: Float64Array, b: Float64Array): Float64Array {
    const n = this.rows;
    const out = this.pool.isScratch(a) ? a : this.pool.writable(b);
    let s = 0;
    switch (op) {
      case '+':
        addColumns(a, b, out, n);
        break;
      case '-':
        subtractColumns(a, b, out, n);
        break;
      case '*':
        multiplyColumns(a, b, out, n);
        break;
      case '/':
        if (!divideColumns(a, b, out, n)) s = NaN;
        break;
      case '^':
        for (let i = 0; i < n; i++) s += out[i] = Math.pow(a[i]!, b[i]!);
        break;
    }
    if (out !== b) this.pool.release(b);
    return this.finish(out, s);
  }

  private binaryScalarColumn(op: BinaryOperator, a: number, b: Float64Array): Float64Array {
    const n = this.rows;
    const out = this.pool.writable(b);
    let s = 0;
    switch (op) {
      case '+':
        addScalar(b, a, out, n);
        break;
      case '-':
        subtractFromScalar(a, b, out, n);
        break;
      case '*':
        multiplyScalar(b, a, out, n);
        break;
      case '/':
        if (!divideScalarBy(a, b, out, n)) s = NaN;
        break;
      case '^':
        for (let i = 0; i < n; i++) s += out[i] = Math.pow(a, b[i]!);
        break;
    }
    return this.finish(out, s);
  }

  private binaryColumnScalar(op: BinaryOperator, a: Float64Array, b: number): Float64Array {
    const n = this.rows;
    const out = this.pool.writable(a);
    let s = 0;
    switch (op) {
      case '+':
        addScalar(a, b, out, n);
        break;
      case '-':
        addScalar(a, -b, out, n);
        break;
      case '*':
        multiplyScalar(a, b, out, n);
        break;
      case '/':
        if (!divideByScalar(a, b, out, n)) s = NaN;
        break;
      case '^':
        if (b === 2) {
          square(a, out, n);
          if (!allFinite(out)) s = NaN;
        } else {
          for (let i = 0; i < n; i++) s += out[i] = Math.pow(a[i]!, b);
        }
        break;
    }
    return this.finish(out, s);
  }
}
