import type { Expr } from './expression';
import { applyBinary, applyUnary, type BinaryOperator, type UnaryOperator } from './operators';

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

/**
 * Evaluates expressions over whole columns, one node at a time (each node is a tight loop over the rows).
 *
 * Hand-written rather than compiled with `new Function` per candidate: a search evaluates millions of
 * short-lived trees, and compiling each costs more than running it. Column-at-a-time loops keep V8's
 * inner loops monomorphic and let constant operands stay scalars. Any non-finite intermediate value
 * (NaN, +-Infinity) makes the whole evaluation invalid, as in SymbolicRegression.jl: this is detected by
 * a running sum inside each loop, which is NaN or infinite as soon as one element is.
 */
export class ColumnEvaluator {
  readonly rows: number;
  private readonly columns: readonly Float64Array[];
  private readonly columnSet: ReadonlySet<Float64Array>;
  private readonly pool: Float64Array[] = [];
  private valid = true;

  constructor(columns: readonly Float64Array[], rows?: number) {
    this.columns = columns;
    this.rows = rows ?? columns[0]?.length ?? 0;
    for (const c of columns) {
      if (c.length !== this.rows) throw new RangeError('all columns must have the same length');
    }
    this.columnSet = new Set(columns);
  }

  /**
   * Values of `e` on every row, written into `out` (allocated if absent). Returns null when any
   * intermediate value is not finite.
   */
  evaluate(e: Expr, out?: Float64Array): Float64Array | null {
    this.valid = true;
    const result = this.node(e);
    const target = out ?? new Float64Array(this.rows);
    if (!this.valid) {
      if (typeof result !== 'number') this.release(result);
      return null;
    }
    if (typeof result === 'number') {
      if (!Number.isFinite(result)) return null;
      target.fill(result);
    } else {
      target.set(result);
      this.release(result);
    }
    return target;
  }

  private take(): Float64Array {
    return this.pool.pop() ?? new Float64Array(this.rows);
  }

  private release(v: Float64Array): void {
    if (!this.columnSet.has(v)) this.pool.push(v);
  }

  /** A buffer the caller may overwrite: `v` itself when it is a pooled buffer, else a fresh one. */
  private writable(v: Float64Array): Float64Array {
    return this.columnSet.has(v) ? this.take() : v;
  }

  private node(e: Expr): Value {
    if (!this.valid) return NaN;
    switch (e.kind) {
      case 'constant':
        return e.value;
      case 'feature':
        return this.columns[e.index]!;
      case 'unary': {
        const a = this.node(e.arg);
        if (typeof a === 'number') {
          const v = applyUnary(e.op, a);
          if (!Number.isFinite(v)) this.valid = false;
          return v;
        }
        return this.unaryColumn(e.op, a);
      }
      case 'binary': {
        const a = this.node(e.left);
        if (!this.valid) {
          if (typeof a !== 'number') this.release(a);
          return NaN;
        }
        const b = this.node(e.right);
        if (typeof a === 'number' && typeof b === 'number') {
          const v = applyBinary(e.op, a, b);
          if (!Number.isFinite(v)) this.valid = false;
          return v;
        }
        if (typeof a === 'number') return this.binaryScalarColumn(e.op, a, b as Float64Array);
        if (typeof b === 'number') return this.binaryColumnScalar(e.op, a, b);
        return this.binaryColumns(e.op, a, b);
      }
    }
  }

  private finish(out: Float64Array, sum: number): Float64Array {
    if (!Number.isFinite(sum)) this.valid = false;
    return out;
  }

  private unaryColumn(op: UnaryOperator, a: Float64Array): Float64Array {
    const n = this.rows;
    const out = this.writable(a);
    let s = 0;
    switch (op) {
      case 'neg':
        for (let i = 0; i < n; i++) s += out[i] = -a[i]!;
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
        for (let i = 0; i < n; i++) s += out[i] = Math.sin(a[i]!);
        break;
      case 'cos':
        for (let i = 0; i < n; i++) s += out[i] = Math.cos(a[i]!);
        break;
      case 'tan':
        for (let i = 0; i < n; i++) s += out[i] = Math.tan(a[i]!);
        break;
      case 'tanh':
        for (let i = 0; i < n; i++) s += out[i] = Math.tanh(a[i]!);
        break;
      case 'abs':
        for (let i = 0; i < n; i++) s += out[i] = Math.abs(a[i]!);
        break;
      case 'square':
        for (let i = 0; i < n; i++) {
          const x = a[i]!;
          s += out[i] = x * x;
        }
        break;
      case 'cube':
        for (let i = 0; i < n; i++) {
          const x = a[i]!;
          s += out[i] = x * x * x;
        }
        break;
    }
    return this.finish(out, s);
  }

  private binaryColumns(op: BinaryOperator, a: Float64Array, b: Float64Array): Float64Array {
    const n = this.rows;
    const aOwned = !this.columnSet.has(a);
    const out = aOwned ? a : this.writable(b);
    let s = 0;
    switch (op) {
      case '+':
        for (let i = 0; i < n; i++) s += out[i] = a[i]! + b[i]!;
        break;
      case '-':
        for (let i = 0; i < n; i++) s += out[i] = a[i]! - b[i]!;
        break;
      case '*':
        for (let i = 0; i < n; i++) s += out[i] = a[i]! * b[i]!;
        break;
      case '/':
        for (let i = 0; i < n; i++) s += out[i] = a[i]! / b[i]!;
        break;
      case '^':
        for (let i = 0; i < n; i++) s += out[i] = Math.pow(a[i]!, b[i]!);
        break;
    }
    if (out !== b) this.release(b);
    return this.finish(out, s);
  }

  private binaryScalarColumn(op: BinaryOperator, a: number, b: Float64Array): Float64Array {
    const n = this.rows;
    const out = this.writable(b);
    let s = 0;
    switch (op) {
      case '+':
        for (let i = 0; i < n; i++) s += out[i] = a + b[i]!;
        break;
      case '-':
        for (let i = 0; i < n; i++) s += out[i] = a - b[i]!;
        break;
      case '*':
        for (let i = 0; i < n; i++) s += out[i] = a * b[i]!;
        break;
      case '/':
        for (let i = 0; i < n; i++) s += out[i] = a / b[i]!;
        break;
      case '^':
        for (let i = 0; i < n; i++) s += out[i] = Math.pow(a, b[i]!);
        break;
    }
    return this.finish(out, s);
  }

  private binaryColumnScalar(op: BinaryOperator, a: Float64Array, b: number): Float64Array {
    const n = this.rows;
    const out = this.writable(a);
    let s = 0;
    switch (op) {
      case '+':
        for (let i = 0; i < n; i++) s += out[i] = a[i]! + b;
        break;
      case '-':
        for (let i = 0; i < n; i++) s += out[i] = a[i]! - b;
        break;
      case '*':
        for (let i = 0; i < n; i++) s += out[i] = a[i]! * b;
        break;
      case '/':
        for (let i = 0; i < n; i++) s += out[i] = a[i]! / b;
        break;
      case '^':
        if (b === 2) {
          for (let i = 0; i < n; i++) {
            const x = a[i]!;
            s += out[i] = x * x;
          }
        } else {
          for (let i = 0; i < n; i++) s += out[i] = Math.pow(a[i]!, b);
        }
        break;
    }
    return this.finish(out, s);
  }
}
