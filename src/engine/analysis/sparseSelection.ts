import { cholesky, forwardSubstitute, leastSquares, stableNorm } from './linearAlgebra';

/** The best subset of library columns found for one number of terms. */
export interface SparseLevel {
  /** Indices of the chosen columns, ascending. */
  readonly columns: readonly number[];
  /** Mean squared residual of their least-squares fit, relative to the target's mean square. */
  readonly relativeResidual: number;
  /** Extended Bayesian information criterion of the fit (see `selectSparseSubsets`): lower is better. */
  readonly criterion: number;
}

export interface SparseSelectionOptions {
  /** Most columns in a subset. */
  readonly maxTerms: number;
  /** Cost of each column (its tree's size, say): cheaper columns win ties and duplicates. */
  readonly columnCosts: readonly number[];
  /** Most a subset may cost in all: its columns' costs plus `joinCost` per column after the first. */
  readonly maxCost: number;
  readonly joinCost: number;
  readonly isPastDeadline: () => boolean;
}

/** Relative residual (true, refitted) at which a fit is exact: further terms could only fit rounding. */
const EXACT_RESIDUAL = 1e-20;
/** Levels in a row that may fail to improve the criterion before the search for more terms stops. */
const PATIENCE = 2;
/** Keeps ln() finite for exact fits. */
const RESIDUAL_FLOOR = 1e-30;
/** Columns this parallel (cosine of the angle between them) are the same term on this data. */
const DUPLICATE_COSINE = 1 - 1e-9;
/**
 * Added to the diagonal when comparing subsets, so a nearly collinear one is judged by a stable
 * factorisation; far below any residual difference that could change a choice.
 */
const RIDGE = 1e-12;
/** A pivot below this share of its diagonal entry means the new column adds nothing independent. */
const PIVOT_TOLERANCE = 1e-10;
const SWAP_PASSES = 3;

/**
 * For 1, 2, ... terms, a subset of the columns whose least-squares fit to `y` leaves the least residual:
 * greedy forward selection, each new level then improved by exchanging one chosen column for another while
 * that lowers the residual, and at the end each level improved from the one above it by dropping a term
 * (forward-backward: this repairs most of the greedy choice's mistakes when terms are correlated). The
 * forward path stops at an exact fit, after `PATIENCE` levels without a better information criterion, at
 * `maxTerms`, or at the deadline. Returns the levels finished.
 *
 * The criterion is the extended BIC (Chen and Chen 2008), n ln(residual) + k (ln n + 2 ln m) for k terms
 * out of m: with hundreds of terms to choose from, some fit the noise by chance, and plain BIC's ln n per
 * term lets them in.
 *
 * Candidates are compared on the Gram matrix of the columns scaled to unit root mean square, with Cholesky
 * factors updated one column at a time, so trying a column costs O(k^2) and no pass over the rows. Each
 * level's residual is then recomputed by QR on the columns themselves, which the exact-fit test needs.
 */
export function selectSparseSubsets(
  columns: readonly Float64Array[],
  y: Float64Array,
  weights: Float64Array | undefined,
  options: SparseSelectionOptions,
): SparseLevel[] {
  const gram = scaledGram(columns, y, weights, options.isPastDeadline);
  if (!gram) return [];
  const n = y.length;
  const allowed = distinctColumns(gram, options.columnCosts);
  const penaltyPerTerm = Math.log(n) + 2 * Math.log(Math.max(allowed.length, 1));
  const fits = (base: readonly number[], j: number): boolean =>
    base.reduce((s, c) => s + options.columnCosts[c]!, options.columnCosts[j]! + options.joinCost * base.length) <=
    options.maxCost;

  const levels: SparseLevel[] = [];
  let selected: number[] = [];
  let bestCriterion = Number.POSITIVE_INFINITY;
  let sinceBest = 0;
  for (let k = 1; k <= options.maxTerms && !options.isPastDeadline(); k++) {
    const added = bestAddition(gram, selected, allowed, fits);
    if (!added) break;
    selected = [...selected, added.column];
    let residual = added.residual;
    for (let pass = 0; pass < SWAP_PASSES && k > 1; pass++) {
      const swapped = bestExchange(gram, selected, residual, allowed, fits, options.isPastDeadline);
      if (!swapped) break;
      ({ subset: selected, residual } = swapped);
    }
    if (options.isPastDeadline()) break;
    const level = levelOf(gram, selected, penaltyPerTerm);
    if (!level) break;
    levels.push(level);
    if (level.relativeResidual <= EXACT_RESIDUAL) break;
    if (level.criterion < bestCriterion) {
      bestCriterion = level.criterion;
      sinceBest = 0;
    } else if (++sinceBest >= PATIENCE) break;
  }
  pruneBackward(gram, levels, allowed, fits, penaltyPerTerm, options.isPastDeadline);
  // Once a level fits exactly, larger ones only add terms with coefficients of rounding size.
  const exact = levels.findIndex((level) => level.relativeResidual <= EXACT_RESIDUAL);
  return exact >= 0 ? levels.slice(0, exact + 1) : levels;
}

/**
 * Improves smaller levels from larger ones: the best subset of k terms is often the best of k + 1 less its
 * least useful term, when the forward path took a term early that it later did not need (sqrt(x) - 1.25 is
 * close to a sum of exp(-x) and sin(x) over a short range: forward selection takes those first).
 */
function pruneBackward(
  gram: ScaledGram,
  levels: SparseLevel[],
  allowed: readonly number[],
  fits: (base: readonly number[], j: number) => boolean,
  penaltyPerTerm: number,
  isPastDeadline: () => boolean,
): void {
  for (let k = levels.length; k >= 2 && !isPastDeadline(); k--) {
    const from = levels[k - 1]!.columns;
    let best: { subset: number[]; residual: number } | null = null;
    for (let position = 0; position < from.length; position++) {
      const rest = from.filter((_, p) => p !== position);
      const factor = factorSubset(gram, rest);
      const residual = factor ? Math.max(0, 1 - factor.explained) : Number.POSITIVE_INFINITY;
      if (residual < (best?.residual ?? Number.POSITIVE_INFINITY)) best = { subset: rest, residual };
    }
    if (!best) continue;
    const swapped = bestExchange(gram, best.subset, best.residual, allowed, fits, isPastDeadline);
    const level = levelOf(gram, swapped?.subset ?? best.subset, penaltyPerTerm);
    const current = levels[k - 2]!;
    if (level && level.relativeResidual < current.relativeResidual * (1 - 1e-9)) levels[k - 2] = level;
  }
}

/** A level for a subset, its residual refitted by QR; null when the subset is degenerate. */
function levelOf(gram: ScaledGram, subset: readonly number[], penaltyPerTerm: number): SparseLevel | null {
  const columns = [...subset].sort((a, b) => a - b);
  const residual = trueResidual(gram, columns);
  if (residual === null) return null;
  const n = gram.target.length;
  const criterion = n * Math.log(Math.max(residual, RESIDUAL_FLOOR)) + columns.length * penaltyPerTerm;
  return { columns, relativeResidual: residual, criterion };
}

/** The column whose addition to `base` leaves the least residual, or null when none can be added. */
function bestAddition(
  gram: ScaledGram,
  base: readonly number[],
  allowed: readonly number[],
  fits: (base: readonly number[], j: number) => boolean,
): { column: number; residual: number } | null {
  const factor = factorSubset(gram, base);
  if (!factor) return null;
  let best: { column: number; residual: number } | null = null;
  for (const j of allowed) {
    if (base.includes(j) || !fits(base, j)) continue;
    const r = residualWith(gram, factor, j);
    if (r < (best?.residual ?? Number.POSITIVE_INFINITY)) best = { column: j, residual: r };
  }
  return best;
}

/** The exchange of one chosen column for another that lowers the residual most, or null if none does. */
function bestExchange(
  gram: ScaledGram,
  subset: readonly number[],
  residual: number,
  allowed: readonly number[],
  fits: (base: readonly number[], j: number) => boolean,
  isPastDeadline: () => boolean,
): { subset: number[]; residual: number } | null {
  let best: { subset: number[]; residual: number } | null = null;
  // Only a clear gain counts, so rounding differences between equivalent subsets cannot cycle.
  let bar = residual * (1 - 1e-9) - 1e-16;
  for (let position = 0; position < subset.length; position++) {
    if (isPastDeadline()) return null;
    const rest = subset.filter((_, p) => p !== position);
    const factor = factorSubset(gram, rest);
    if (!factor) continue;
    for (const j of allowed) {
      if (subset.includes(j) || !fits(rest, j)) continue;
      const r = residualWith(gram, factor, j);
      if (r < bar) {
        best = { subset: [...rest, j], residual: r };
        bar = r;
      }
    }
  }
  return best;
}

interface ScaledGram {
  readonly size: number;
  /** Weighted mean of products of the scaled columns, row-major. */
  readonly matrix: Float64Array;
  /** Weighted mean of each scaled column times the scaled target. */
  readonly projections: Float64Array;
  /** Whether a column can be used at all (finite and not identically zero). */
  readonly usable: readonly boolean[];
  /** The scaled columns (null when unusable) and target, rows weighted by sqrt(w / sum w). */
  readonly columns: readonly (Float64Array | null)[];
  readonly target: Float64Array;
  /** Work space of `residualWith`. */
  readonly scratch: Float64Array;
}

/** Gram matrix of the columns and the target, each scaled to unit weighted root mean square. */
function scaledGram(
  columns: readonly Float64Array[],
  y: Float64Array,
  weights: Float64Array | undefined,
  isPastDeadline: () => boolean,
): ScaledGram | null {
  const n = y.length;
  const m = columns.length;
  let weightTotal = 0;
  for (let i = 0; i < n; i++) weightTotal += weights ? weights[i]! : 1;
  if (!(weightTotal > 0) || m === 0) return null;
  // Rows carry sqrt(w / W) so that plain dot products are weighted means.
  const rowFactor = new Float64Array(n);
  for (let i = 0; i < n; i++) rowFactor[i] = Math.sqrt((weights ? weights[i]! : 1) / weightTotal);
  const scaled = (values: Float64Array): Float64Array | null => {
    const weighted = new Float64Array(n);
    for (let i = 0; i < n; i++) weighted[i] = values[i]! * rowFactor[i]!;
    const norm = stableNorm(weighted);
    if (!(norm > 0) || !Number.isFinite(norm)) return null;
    for (let i = 0; i < n; i++) weighted[i] = weighted[i]! / norm;
    return weighted;
  };
  const target = scaled(y);
  if (!target) return null;
  const a = columns.map(scaled);
  const matrix = new Float64Array(m * m);
  const projections = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    if (isPastDeadline()) return null;
    const aj = a[j];
    if (!aj) continue;
    projections[j] = dot(aj, target);
    for (let k = 0; k <= j; k++) {
      const ak = a[k];
      if (!ak) continue;
      const g = dot(aj, ak);
      matrix[j * m + k] = g;
      matrix[k * m + j] = g;
    }
  }
  return { size: m, matrix, projections, usable: a.map((c) => c !== null), columns: a, target, scratch: new Float64Array(m) };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Usable columns, leaving out each that is parallel to a cheaper one kept (it is the same term here). */
function distinctColumns(gram: ScaledGram, costs: readonly number[]): number[] {
  const order = Array.from({ length: gram.size }, (_, j) => j)
    .filter((j) => gram.usable[j])
    .sort((a, b) => costs[a]! - costs[b]! || a - b);
  const kept: number[] = [];
  for (const j of order) {
    if (kept.every((k) => Math.abs(gram.matrix[j * gram.size + k]!) < DUPLICATE_COSINE)) kept.push(j);
  }
  return kept.sort((a, b) => a - b);
}

/** Cholesky factor L of G_SS + ridge I and z = L^-1 b_S for a subset S, the state columns are tried against. */
interface SubsetFactor {
  readonly subset: readonly number[];
  readonly lower: Float64Array;
  readonly z: Float64Array;
  /** b_S' (G_SS + ridge I)^-1 b_S: the share of the target's mean square the subset's fit explains. */
  readonly explained: number;
}

function factorSubset(gram: ScaledGram, subset: readonly number[]): SubsetFactor | null {
  const k = subset.length;
  const m = gram.size;
  const block = new Float64Array(k * k);
  for (let r = 0; r < k; r++) {
    for (let c = 0; c < k; c++) block[r * k + c] = gram.matrix[subset[r]! * m + subset[c]!]!;
  }
  const lower = cholesky(block, k, RIDGE);
  if (!lower) return null;
  const z = forwardSubstitute(
    lower,
    k,
    subset.map((j) => gram.projections[j]!),
  );
  let explained = 0;
  for (let i = 0; i < k; i++) explained += z[i]! * z[i]!;
  return { subset, lower, z, explained };
}

/**
 * Relative residual of the fit on the factor's subset plus column j, by appending one row to the factor:
 * l = L^-1 G_Sj, pivot d = G_jj - l'l, and the new column explains (b_j - l'z)^2 / d more.
 */
function residualWith(gram: ScaledGram, factor: SubsetFactor, j: number): number {
  const k = factor.subset.length;
  const m = gram.size;
  const l = gram.scratch;
  let lengthSquared = 0;
  let projection = gram.projections[j]!;
  for (let r = 0; r < k; r++) {
    let s = gram.matrix[factor.subset[r]! * m + j]!;
    for (let c = 0; c < r; c++) s -= factor.lower[r * k + c]! * l[c]!;
    const v = s / factor.lower[r * k + r]!;
    l[r] = v;
    lengthSquared += v * v;
    projection -= v * factor.z[r]!;
  }
  const diagonal = gram.matrix[j * m + j]! + RIDGE;
  const pivot = diagonal - lengthSquared;
  if (!(pivot > PIVOT_TOLERANCE * diagonal)) return Number.POSITIVE_INFINITY;
  return Math.max(0, 1 - factor.explained - (projection * projection) / pivot);
}

/** Relative residual of the least-squares fit on the subset, by QR on the scaled columns; null if degenerate. */
function trueResidual(gram: ScaledGram, subset: readonly number[]): number | null {
  const columns = subset.map((j) => gram.columns[j]!);
  const coefficients = leastSquares(columns, gram.target);
  if (!coefficients) return null;
  let total = 0;
  for (let i = 0; i < gram.target.length; i++) {
    let r = gram.target[i]!;
    for (let c = 0; c < columns.length; c++) r -= coefficients[c]! * columns[c]![i]!;
    total += r * r;
  }
  return total;
}
