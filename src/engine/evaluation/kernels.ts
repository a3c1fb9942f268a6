/*
 * The arithmetic loops of the column evaluator, unrolled by four by hand. V8 does not unroll or vectorise
 * loops over typed arrays; four elements per iteration nearly halve the time of these memory-bound loops,
 * which make up most of the evaluation of arithmetic formulas. Each kernel writes `out[0..n)`; `out` may be
 * one of the inputs. The kernels that can create non-finite values return whether all results are finite.
 *
 * The kernels repeat one another line for line on purpose: a shared loop taking the operation as a callback
 * would be polymorphic at the call, and V8 then no longer compiles it to a tight loop.
 */

export function addColumns(a: Float64Array, b: Float64Array, out: Float64Array, n: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    out[i] = a[i]! + b[i]!;
    out[i + 1] = a[i + 1]! + b[i + 1]!;
    out[i + 2] = a[i + 2]! + b[i + 2]!;
    out[i + 3] = a[i + 3]! + b[i + 3]!;
  }
  for (; i < n; i++) out[i] = a[i]! + b[i]!;
}

export function subtractColumns(a: Float64Array, b: Float64Array, out: Float64Array, n: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    out[i] = a[i]! - b[i]!;
    out[i + 1] = a[i + 1]! - b[i + 1]!;
    out[i + 2] = a[i + 2]! - b[i + 2]!;
    out[i + 3] = a[i + 3]! - b[i + 3]!;
  }
  for (; i < n; i++) out[i] = a[i]! - b[i]!;
}

export function multiplyColumns(a: Float64Array, b: Float64Array, out: Float64Array, n: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    out[i] = a[i]! * b[i]!;
    out[i + 1] = a[i + 1]! * b[i + 1]!;
    out[i + 2] = a[i + 2]! * b[i + 2]!;
    out[i + 3] = a[i + 3]! * b[i + 3]!;
  }
  for (; i < n; i++) out[i] = a[i]! * b[i]!;
}

export function divideColumns(a: Float64Array, b: Float64Array, out: Float64Array, n: number): boolean {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += out[i] = a[i]! / b[i]!;
    s1 += out[i + 1] = a[i + 1]! / b[i + 1]!;
    s2 += out[i + 2] = a[i + 2]! / b[i + 2]!;
    s3 += out[i + 3] = a[i + 3]! / b[i + 3]!;
  }
  for (; i < n; i++) s0 += out[i] = a[i]! / b[i]!;
  return Number.isFinite(s0 + s1 + s2 + s3);
}

/** out = a + c (also a - c, as a + -c: negation is exact). */
export function addScalar(a: Float64Array, c: number, out: Float64Array, n: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    out[i] = a[i]! + c;
    out[i + 1] = a[i + 1]! + c;
    out[i + 2] = a[i + 2]! + c;
    out[i + 3] = a[i + 3]! + c;
  }
  for (; i < n; i++) out[i] = a[i]! + c;
}

/** out = c - a. */
export function subtractFromScalar(c: number, a: Float64Array, out: Float64Array, n: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    out[i] = c - a[i]!;
    out[i + 1] = c - a[i + 1]!;
    out[i + 2] = c - a[i + 2]!;
    out[i + 3] = c - a[i + 3]!;
  }
  for (; i < n; i++) out[i] = c - a[i]!;
}

export function multiplyScalar(a: Float64Array, c: number, out: Float64Array, n: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    out[i] = a[i]! * c;
    out[i + 1] = a[i + 1]! * c;
    out[i + 2] = a[i + 2]! * c;
    out[i + 3] = a[i + 3]! * c;
  }
  for (; i < n; i++) out[i] = a[i]! * c;
}

/** out = a / c. */
export function divideByScalar(a: Float64Array, c: number, out: Float64Array, n: number): boolean {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += out[i] = a[i]! / c;
    s1 += out[i + 1] = a[i + 1]! / c;
    s2 += out[i + 2] = a[i + 2]! / c;
    s3 += out[i + 3] = a[i + 3]! / c;
  }
  for (; i < n; i++) s0 += out[i] = a[i]! / c;
  return Number.isFinite(s0 + s1 + s2 + s3);
}

/** out = c / a. */
export function divideScalarBy(c: number, a: Float64Array, out: Float64Array, n: number): boolean {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += out[i] = c / a[i]!;
    s1 += out[i + 1] = c / a[i + 1]!;
    s2 += out[i + 2] = c / a[i + 2]!;
    s3 += out[i + 3] = c / a[i + 3]!;
  }
  for (; i < n; i++) s0 += out[i] = c / a[i]!;
  return Number.isFinite(s0 + s1 + s2 + s3);
}

export function negate(a: Float64Array, out: Float64Array, n: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    out[i] = -a[i]!;
    out[i + 1] = -a[i + 1]!;
    out[i + 2] = -a[i + 2]!;
    out[i + 3] = -a[i + 3]!;
  }
  for (; i < n; i++) out[i] = -a[i]!;
}

export function square(a: Float64Array, out: Float64Array, n: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const x0 = a[i]!;
    const x1 = a[i + 1]!;
    const x2 = a[i + 2]!;
    const x3 = a[i + 3]!;
    out[i] = x0 * x0;
    out[i + 1] = x1 * x1;
    out[i + 2] = x2 * x2;
    out[i + 3] = x3 * x3;
  }
  for (; i < n; i++) {
    const x = a[i]!;
    out[i] = x * x;
  }
}

/** True when every value is finite. Four partial sums keep the loop free of a long dependency chain. */
export function allFinite(v: Float64Array): boolean {
  const n = v.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += v[i]! * 0;
    s1 += v[i + 1]! * 0;
    s2 += v[i + 2]! * 0;
    s3 += v[i + 3]! * 0;
  }
  for (; i < n; i++) s0 += v[i]! * 0;
  return s0 + s1 + s2 + s3 === 0;
}
