/**
 * Scratch columns of one row count, reused from one evaluation to the next, so that evaluating a tree
 * allocates nothing once the pool holds as many columns as the deepest tree needs. The data's own columns
 * pass through evaluations as operands too: the pool never hands them out or takes them in, so they are
 * never overwritten.
 */
export class ColumnPool {
  private readonly free: Float64Array[] = [];
  private readonly dataColumns: ReadonlySet<Float64Array>;

  constructor(
    readonly rows: number,
    dataColumns: readonly Float64Array[],
  ) {
    this.dataColumns = new Set(dataColumns);
  }

  /** A scratch column; its contents are whatever it last held. */
  take(): Float64Array {
    return this.free.pop() ?? new Float64Array(this.rows);
  }

  /** Hands a column back for reuse; data columns are ignored. */
  release(v: Float64Array): void {
    if (!this.dataColumns.has(v)) this.free.push(v);
  }

  /** Whether `v` is a scratch column, which its holder may overwrite, rather than a data column. */
  isScratch(v: Float64Array): boolean {
    return !this.dataColumns.has(v);
  }

  /** A column the caller may overwrite: `v` itself when it is a scratch column, else a fresh scratch one. */
  writable(v: Float64Array): Float64Array {
    return this.dataColumns.has(v) ? this.take() : v;
  }
}
