import { countConstants, type Expr } from '../expressions/expression';
import { ColumnPool } from './columnPool';
import { allFinite } from './kernels';
import { applyUnary, unaryDerivative, type BinaryOperator, type UnaryOperator } from '../expressions/operators';

/** Values and derivatives of a subtree; `d[j]` is the derivative by the subtree's j-th constant. */
interface Dual {
  v: Float64Array;
  d: Float64Array[];
}

/**
 * Forward-mode derivatives of an expression with respect to its constants, over whole columns.
 *
 * Hand-written for speed: the constant optimizer needs the full Jacobian (rows x constants) at every step,
 * and carrying one tangent column per constant through each node's loop costs about (1 + k) evaluations,
 * with no per-row allocation. Constants of a subtree are contiguous in pre-order, so each node only carries
 * the derivatives of its own constants.
 */
export class JacobianEvaluator {
  readonly rows: number;
  private readonly columns: readonly Float64Array[];
  private readonly pool: ColumnPool;

  constructor(columns: readonly Float64Array[], rows?: number) {
    this.columns = columns;
    this.rows = rows ?? columns[0]?.length ?? 0;
    this.pool = new ColumnPool(this.rows, columns);
  }

  /**
   * Writes the values of `e` into `value` and d(value)/d(constant j) into `jacobian[j]` (constants in
   * pre-order). Returns false when a value or a derivative is not finite somewhere.
   */
  evaluate(e: Expr, value: Float64Array, jacobian: Float64Array[]): boolean {
    const k = countConstants(e);
    if (jacobian.length !== k) throw new RangeError(`expected ${k} Jacobian columns, got ${jacobian.length}`);
    const result = this.node(e);
    let ok = allFinite(result.v);
    value.set(result.v);
    for (let j = 0; j < k; j++) {
      const dj = result.d[j]!;
      ok = ok && allFinite(dj);
      jacobian[j]!.set(dj);
    }
    this.pool.release(result.v);
    for (const dj of result.d) this.pool.release(dj);
    return ok;
  }

  private node(e: Expr): Dual {
    switch (e.kind) {
      case 'constant': {
        const v = this.pool.take().fill(e.value);
        return { v, d: [this.pool.take().fill(1)] };
      }
      case 'feature':
        return { v: this.columns[e.index]!, d: [] };
      case 'unary':
        return this.unaryNode(e.op, this.node(e.arg));
      case 'binary':
        return this.binaryNode(e.op, this.node(e.left), this.node(e.right));
    }
  }

  private unaryNode(op: UnaryOperator, a: Dual): Dual {
    const n = this.rows;
    const v = this.pool.take();
    const x = a.v;
    if (a.d.length === 0) {
      for (let i = 0; i < n; i++) v[i] = applyUnary(op, x[i]!);
    } else {
      const slope = this.pool.take();
      for (let i = 0; i < n; i++) {
        const y = applyUnary(op, x[i]!);
        v[i] = y;
        slope[i] = unaryDerivative(op, x[i]!, y);
      }
      for (const dj of a.d) for (let i = 0; i < n; i++) dj[i]! *= slope[i]!;
      this.pool.release(slope);
    }
    this.pool.release(x);
    return { v, d: a.d };
  }

  private binaryNode(op: BinaryOperator, a: Dual, b: Dual): Dual {
    const n = this.rows;
    const x = a.v;
    const y = b.v;
    const v = this.pool.take();
    switch (op) {
      case '+':
        for (let i = 0; i < n; i++) v[i] = x[i]! + y[i]!;
        break;
      case '-':
        for (let i = 0; i < n; i++) v[i] = x[i]! - y[i]!;
        for (const dj of b.d) for (let i = 0; i < n; i++) dj[i] = -dj[i]!;
        break;
      case '*':
        for (let i = 0; i < n; i++) v[i] = x[i]! * y[i]!;
        for (const dj of a.d) for (let i = 0; i < n; i++) dj[i]! *= y[i]!;
        for (const dj of b.d) for (let i = 0; i < n; i++) dj[i]! *= x[i]!;
        break;
      case '/':
        for (let i = 0; i < n; i++) v[i] = x[i]! / y[i]!;
        for (const dj of a.d) for (let i = 0; i < n; i++) dj[i]! /= y[i]!;
        for (const dj of b.d) for (let i = 0; i < n; i++) dj[i] = (-v[i]! * dj[i]!) / y[i]!;
        break;
      case '^':
        for (let i = 0; i < n; i++) v[i] = Math.pow(x[i]!, y[i]!);
        for (const dj of a.d) {
          for (let i = 0; i < n; i++) dj[i]! *= y[i]! * Math.pow(x[i]!, y[i]! - 1);
        }
        for (const dj of b.d) {
          for (let i = 0; i < n; i++) dj[i] = v[i] === 0 ? 0 : dj[i]! * v[i]! * Math.log(x[i]!);
        }
        break;
    }
    this.pool.release(x);
    this.pool.release(y);
    return { v, d: a.d.length === 0 ? b.d : b.d.length === 0 ? a.d : a.d.concat(b.d) };
  }
}
