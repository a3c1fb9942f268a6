import type { SearchData } from '../problem/searchData';

/**
 * The rows and features a power law `y = c * prod_j |x_j|^p_j` can be fitted on in log space: rows where the
 * target and every feature taken are nonzero, features whose magnitude varies there (a constant one would
 * only duplicate `c`).
 */
export interface PowerLawProblem {
  /** Original index of each feature taken, in order. */
  readonly features: readonly number[];
  /** log|x_j| on the rows taken, per feature taken. */
  readonly logs: readonly Float64Array[];
  /**
   * sign(x_j) on the rows taken for features with a negative value somewhere in the data, which may enter
   * only with integer exponents (`(-2)^0.5` is not a number); null for features that are never negative.
   */
  readonly signs: readonly (Float64Array | null)[];
  readonly y: Float64Array;
  readonly logAbsY: Float64Array;
  readonly weights: Float64Array | undefined;
}

/** Fewest rows a fit with `unknowns` parameters is attempted on. */
function minimumRows(unknowns: number): number {
  return Math.max(5, unknowns + 2);
}

/** The power-law problem of `data`, or null when too few rows have a nonzero target. */
export function powerLawProblem(data: SearchData): PowerLawProblem | null {
  const n = data.y.length;
  const all = data.X.map((_, j) => j);
  const nonzeroTarget = (i: number): boolean => data.y[i] !== 0;
  let features = all;
  let rows = rowsWhere(n, (i) => nonzeroTarget(i) && features.every((j) => data.X[j]![i] !== 0));
  if (rows.length < minimumRows(features.length + 1)) {
    // A feature that is zero where the target is not cannot be a factor of a power law; leave such ones out.
    features = all.filter((j) => rowsWhere(n, (i) => nonzeroTarget(i) && data.X[j]![i] === 0).length === 0);
    rows = rowsWhere(n, (i) => nonzeroTarget(i) && features.every((j) => data.X[j]![i] !== 0));
  }
  features = features.filter((j) => varies(rows, (i) => Math.abs(data.X[j]![i]!)));
  if (rows.length < minimumRows(features.length + 1) || features.length === 0) return null;

  const pick = (f: (i: number) => number): Float64Array => {
    const out = new Float64Array(rows.length);
    for (let r = 0; r < rows.length; r++) out[r] = f(rows[r]!);
    return out;
  };
  return {
    features,
    logs: features.map((j) => pick((i) => Math.log(Math.abs(data.X[j]![i]!)))),
    signs: features.map((j) => (data.X[j]!.some((v) => v < 0) ? pick((i) => Math.sign(data.X[j]![i]!)) : null)),
    y: pick((i) => data.y[i]!),
    logAbsY: pick((i) => Math.log(Math.abs(data.y[i]!))),
    weights: data.weights ? pick((i) => data.weights![i]!) : undefined,
  };
}

function rowsWhere(n: number, keep: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep(i)) out.push(i);
  return out;
}

function varies(rows: readonly number[], value: (i: number) => number): boolean {
  if (rows.length === 0) return false;
  const first = value(rows[0]!);
  const tolerance = 1e-12 * Math.abs(first);
  return rows.some((i) => Math.abs(value(i) - first) > tolerance);
}
