import { ColumnEvaluator } from '../evaluation/evaluate';
import { meanLoss } from '../evaluation/loss';
import type { Expr } from '../expressions/expression';
import { selectRows, type SearchData } from '../problem/searchData';
import type { LossSpec } from './types';

/**
 * The rows an analysis can use: finite features and target, and a finite non-negative weight. The search's
 * data passes `checkSearchData` and comes back unchanged; other data loses its odd rows rather than making
 * an analysis fail. Returns null when the shape is inconsistent or nothing usable is left.
 */
export function usableRows(data: SearchData): SearchData | null {
  const n = data.y.length;
  if (n === 0 || data.X.length === 0) return null;
  if (data.X.some((column) => column.length !== n)) return null;
  if (data.weights && data.weights.length !== n) return null;
  const keep: number[] = [];
  let weightTotal = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(data.y[i]!)) continue;
    if (data.X.some((column) => !Number.isFinite(column[i]!))) continue;
    const w = data.weights ? data.weights[i]! : 1;
    if (!(w >= 0) || !Number.isFinite(w)) continue;
    weightTotal += w;
    keep.push(i);
  }
  if (keep.length === 0 || !(weightTotal > 0)) return null;
  return keep.length === n ? data : selectRows(data, keep);
}

/** At most `limit` rows spread evenly over the data, for steps whose cost grows with the rows. */
export function spreadSample(data: SearchData, limit: number): SearchData {
  const n = data.y.length;
  if (n <= limit) return data;
  const indices = Array.from({ length: limit }, (_, k) => Math.floor((k * n) / limit));
  return selectRows(data, indices);
}

/** Loss of `expr` on `data` exactly as the search computes it; Infinity when the formula is invalid there. */
export function lossOf(expr: Expr, data: SearchData, spec: LossSpec): number {
  const predicted = new ColumnEvaluator(data.X, data.y.length).evaluate(expr);
  if (!predicted) return Number.POSITIVE_INFINITY;
  const loss = meanLoss(spec.loss, predicted, data.y, data.weights, spec.huberDelta);
  return Number.isFinite(loss) ? loss : Number.POSITIVE_INFINITY;
}

/** Values of `expr` on every row of `data`, or null when any is not finite. */
export function valuesOf(expr: Expr, data: SearchData): Float64Array | null {
  return new ColumnEvaluator(data.X, data.y.length).evaluate(expr);
}
