import { affineForm, affineTree, affineTreeSize, affineVocabulary, type AffineVocabulary } from './affineForm';
import { ConstantFitter } from './constantOptimization';
import { ColumnEvaluator } from './evaluate';
import { binary, constant, countConstants, size, type Expr } from '../expressions/expression';
import { LinearScaling, type AffineFit, type AffineVariant } from './linearScaling';
import { baselineLoss, LOSSES, meanLoss } from './loss';
import type { ResolvedOptions } from '../options';
import type { Random } from '../random';
import { selectRows, type SearchData } from '../problem/searchData';

/** A formula `fameEntries` offers the hall of fame: its loss is on all rows. */
export interface FameOffer {
  readonly expr: Expr;
  readonly complexity: number;
  readonly loss: number;
}

/**
 * Fits whose error from the sums is below this share of the target's sum of squares are recomputed row by
 * row: there the difference of sums has lost most of its digits, and exact laws must come out exact.
 */
const NEAR_EXACT = 1e-6;

/** Rounding error of an error read off the sums, relative to the target's sum of squares (with a margin). */
const SUMS_ROUNDING = 1e-12;

/** The rows candidates are evaluated on (all of them, or a mini-batch), with an evaluator and a constant fitter for them. */
class EvaluationRows {
  readonly evaluator: ColumnEvaluator;
  readonly fitter: ConstantFitter;
  readonly buffer: Float64Array;
  private readonly scratch: Float64Array;
  /** Null when linear scaling is off. */
  readonly scaling: LinearScaling | null;
  /** The tree whose values `buffer` holds and `scaling` has measured, and the fit of its search loss. */
  measured: { expr: Expr; fit: AffineFit } | null = null;

  constructor(
    readonly data: SearchData,
    private readonly options: ResolvedOptions,
    scaled: boolean,
  ) {
    this.evaluator = new ColumnEvaluator(data.X, data.y.length);
    this.fitter = new ConstantFitter({
      columns: data.X,
      y: data.y,
      ...(data.weights ? { weights: data.weights } : {}),
      loss: options.loss,
      huberDelta: options.huberDelta,
    });
    this.buffer = new Float64Array(data.y.length);
    this.scratch = new Float64Array(data.y.length);
    this.scaling = scaled ? new LinearScaling(data.y, data.weights) : null;
  }

  /** Loss of `e` as written, leaving the tree measured last as it is. */
  formulaLoss(e: Expr): number {
    const p = this.evaluator.evaluate(e, this.scratch);
    if (!p) return Number.POSITIVE_INFINITY;
    const l = meanLoss(this.options.loss, p, this.data.y, this.data.weights, this.options.huberDelta);
    return Number.isFinite(l) ? l : Number.POSITIVE_INFINITY;
  }

  /** Loss of `e` as written. */
  loss(e: Expr): number {
    this.measured = null;
    const p = this.evaluator.evaluate(e, this.buffer);
    if (!p) return Number.POSITIVE_INFINITY;
    const l = meanLoss(this.options.loss, p, this.data.y, this.data.weights, this.options.huberDelta);
    return Number.isFinite(l) ? l : Number.POSITIVE_INFINITY;
  }

  /**
   * Loss of `e` after its best affine map the operators can write (linear scaling); as written when
   * scaling is off. Leaves `e` measured, for `fameOffers`.
   */
  scaledLoss(e: Expr, affine: AffineVocabulary): number {
    const scaling = this.scaling;
    if (!scaling) return this.loss(e);
    this.measured = null;
    const p = this.evaluator.evaluate(e, this.buffer);
    if (!p) return Number.POSITIVE_INFINITY;
    scaling.measure(p);
    let fit: AffineFit | null;
    if (affine.canScale && affine.canShift) {
      // A core that is constant on the data has no scale; its best map is the mean.
      fit = scaling.fit('affine') ?? scaling.fit('shifted');
    } else {
      const form = affineForm(e);
      const partial = form.core.kind === 'constant' ? null : scaling.fit(affine.canScale ? 'scaled' : 'shifted', form);
      const plain = scaling.fit('plain');
      fit = partial && (!plain || partial.sse < plain.sse) ? partial : plain;
    }
    if (!fit) return Number.POSITIVE_INFINITY;
    const loss = fit.sse <= NEAR_EXACT * scaling.squares ? scaling.exactLoss(p, fit) : fit.sse / scaling.totalWeight;
    if (!Number.isFinite(loss)) return Number.POSITIVE_INFINITY;
    this.measured = { expr: e, fit };
    return loss;
  }
}

/**
 * Scores candidates: their loss on the data (or the current mini-batch), and their cost, the loss relative
 * to the best constant predictor plus the parsimony term. Counts every evaluation.
 *
 * With linear scaling (Keijzer 2003), a candidate's search loss is that of its best affine map
 * `a + b * f(x)`, solved in closed form, so evolution searches shapes and never has to evolve the outside
 * constants; the hall of fame is offered the formulas with `a` and `b` written in (`fameOffers`), counted in
 * their complexity. Only for the squared error, where the map has a closed form: the map that minimises
 * an absolute or Huber loss needs an iterative fit per candidate, and least-squares constants would follow
 * the very outliers those losses are chosen to ignore.
 */
export class Scorer {
  readonly baseline: number;
  readonly rows: number;
  /** Evaluations so far, in units of one expression evaluated on all rows. */
  evaluations = 0;
  /** Whether candidates are scored after their best affine map. */
  readonly linearScaling: boolean;
  private readonly affine: AffineVocabulary;
  private readonly full: EvaluationRows;
  private batch: EvaluationRows | null = null;
  private readonly normalization: number;

  constructor(
    readonly data: SearchData,
    private readonly options: ResolvedOptions,
    private readonly rng: Random,
  ) {
    this.rows = data.y.length;
    this.affine = affineVocabulary(options);
    this.linearScaling = LOSSES[options.loss].linearScaling && (this.affine.canScale || this.affine.canShift);
    this.full = new EvaluationRows(data, options, this.linearScaling);
    this.baseline = baselineLoss(options.loss, data.y, data.weights, options.huberDelta);
    // As in SymbolicRegression.jl: losses are compared relative to the baseline, unless the target is
    // nearly constant, where a floor keeps the ratio meaningful.
    this.normalization = this.baseline >= 0.01 ? this.baseline : 0.01;
    if (options.batching) this.refreshBatch();
  }

  get batching(): boolean {
    return this.batch !== null;
  }

  /** Changes each time a new mini-batch is drawn, so losses on an older batch can be told apart. */
  batchId = 0;

  /** Draws a new mini-batch: distinct random rows. */
  refreshBatch(): void {
    if (!this.options.batching) return;
    const count = Math.min(this.options.batchSize, this.rows);
    const order = Int32Array.from({ length: this.rows }, (_, i) => i);
    for (let i = 0; i < count; i++) {
      const j = i + this.rng.int(this.rows - i);
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    this.batch = new EvaluationRows(selectRows(this.data, order.subarray(0, count)), this.options, this.linearScaling);
    this.batchId++;
  }

  /** Loss on the search data (the mini-batch when batching, else all rows), after linear scaling when on. */
  searchLoss(e: Expr): number {
    const view = this.batch ?? this.full;
    this.evaluations += view.data.y.length / this.rows;
    return view.scaledLoss(e, this.affine);
  }

  /** Loss of `e` as written, on all rows. */
  fullLoss(e: Expr): number {
    this.evaluations += 1;
    return this.full.loss(e);
  }

  /**
   * The formulas `e` gives the hall of fame, with their losses on all rows: `e` as written and, with linear
   * scaling, its core with the least-squares outside constants the operators can write (`B * core + A`,
   * `B * core`, `core + A`, the core alone), the best of each complexity. `wanted(complexity, loss)` says
   * whether the hall of fame would keep such a formula; only those are built and their losses recomputed
   * row by row.
   */
  fameOffers(e: Expr, wanted: (complexity: number, loss: number) => boolean): FameOffer[] {
    const full = this.full;
    const scaling = full.scaling;
    if (!scaling) {
      const loss = this.fullLoss(e);
      return wanted(size(e), loss) ? [{ expr: e, complexity: size(e), loss }] : [];
    }
    if (full.measured?.expr !== e) {
      this.evaluations += 1;
      if (!Number.isFinite(full.scaledLoss(e, this.affine))) return [];
    }
    const form = affineForm(e);
    const coreSize = size(form.core);
    const fits: { fit: AffineFit; complexity: number }[] = [];
    const consider = (variant: AffineVariant, complexity: number): void => {
      const fit = scaling.fit(variant, form);
      if (fit) fits.push({ fit, complexity });
    };
    consider('plain', size(e));
    if (form.core.kind !== 'constant') {
      const { canScale, canShift } = this.affine;
      const rec = form.reciprocal;
      const identity = form.offset === 0 && form.scale === 1 && !rec;
      if (!rec && !identity) consider('core', coreSize);
      if (canScale) consider('scaled', affineTreeSize(coreSize, rec, false, true));
      if (canShift && !rec) consider('shifted', affineTreeSize(coreSize, rec, true, false));
      if (canScale && canShift) consider('affine', affineTreeSize(coreSize, rec, true, true));
    }
    const tolerance = (SUMS_ROUNDING * scaling.squares) / scaling.totalWeight;
    const bestByComplexity = new Map<number, AffineFit>();
    for (const { fit, complexity } of fits) {
      const kept = bestByComplexity.get(complexity);
      if (!kept || fit.sse < kept.sse) bestByComplexity.set(complexity, fit);
    }
    const offers: FameOffer[] = [];
    for (const [complexity, fit] of bestByComplexity) {
      if (!wanted(complexity, fit.sse / scaling.totalWeight - tolerance)) continue;
      const expr = fit.variant === 'plain' ? e : this.variantTree(fit, form);
      if (!expr) continue;
      // The tree itself, not the map of e's values: where e's outside constants are extreme, its values
      // have lost digits of its core that the tree keeps.
      this.evaluations += 1;
      const loss = full.formulaLoss(expr);
      if (wanted(complexity, loss)) offers.push({ expr, complexity: size(expr), loss });
    }
    return offers;
  }

  private variantTree(fit: AffineFit, form: ReturnType<typeof affineForm>): Expr | null {
    const withOffset = fit.variant === 'shifted' || fit.variant === 'affine';
    const withScale = fit.variant === 'scaled' || fit.variant === 'affine';
    return affineTree(form, withOffset ? fit.offset : null, withScale || form.reciprocal ? fit.scale : null, this.options);
  }

  cost(loss: number, complexity: number): number {
    return loss / this.normalization + this.options.parsimony * complexity;
  }

  /**
   * Fits constants on the search data (mini-batch or all rows); returns the refitted tree and its search
   * loss there. With linear scaling, the tree's constants are fitted together with the outside constants
   * of its affine map, which are then left to the scaling again.
   */
  fitConstants(e: Expr, iterations: number, restarts: number): { expr: Expr; loss: number } {
    const view = this.batch ?? this.full;
    const share = view.data.y.length / this.rows;
    if (!view.scaling) {
      const result = view.fitter.fit(e, { iterations, restarts, rng: this.rng });
      this.evaluations += result.evaluations * share;
      return result;
    }
    const scaledLoss = this.searchLoss(e);
    const fit = view.measured?.expr === e ? view.measured.fit : null;
    if (!fit || !Number.isFinite(scaledLoss) || countConstants(e) === 0) return { expr: e, loss: scaledLoss };
    const { canScale, canShift } = this.affine;
    let wrapped: Expr = e;
    if (canScale) wrapped = binary('*', constant(fit.beta), wrapped);
    if (canShift) wrapped = binary('+', constant(fit.mean - fit.beta * view.scaling.valuesMean), wrapped);
    const result = view.fitter.fit(wrapped, { iterations, restarts, rng: this.rng });
    this.evaluations += result.evaluations * share;
    if (result.expr === wrapped) return { expr: e, loss: scaledLoss };
    let fitted = result.expr;
    if (canShift) fitted = (fitted as { right: Expr }).right;
    if (canScale) fitted = (fitted as { right: Expr }).right;
    const loss = this.searchLoss(fitted);
    return loss <= scaledLoss ? { expr: fitted, loss } : { expr: e, loss: scaledLoss };
  }

  /** Fits constants on all rows; `shouldStop` can end the fit between steps. */
  fitConstantsFull(e: Expr, iterations: number, restarts: number, shouldStop?: () => boolean): { expr: Expr; loss: number } {
    const result = this.full.fitter.fit(e, { iterations, restarts, rng: this.rng, ...(shouldStop ? { shouldStop } : {}) });
    this.evaluations += result.evaluations;
    return result;
  }
}
