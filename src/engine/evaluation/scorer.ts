import { ConstantFitter } from './constantOptimization';
import { ColumnEvaluator } from './evaluate';
import type { Expr } from '../expressions/expression';
import { baselineLoss, meanLoss } from './loss';
import type { ResolvedOptions } from '../options';
import type { Random } from '../random';
import { selectRows, type SearchData } from '../problem/searchData';

/** The rows candidates are evaluated on (all of them, or a mini-batch), with an evaluator and a constant fitter for them. */
class EvaluationRows {
  readonly evaluator: ColumnEvaluator;
  readonly fitter: ConstantFitter;
  private readonly buffer: Float64Array;

  constructor(
    readonly data: SearchData,
    private readonly options: ResolvedOptions,
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
  }

  loss(e: Expr): number {
    const p = this.evaluator.evaluate(e, this.buffer);
    if (!p) return Number.POSITIVE_INFINITY;
    const l = meanLoss(this.options.loss, p, this.data.y, this.data.weights, this.options.huberDelta);
    return Number.isFinite(l) ? l : Number.POSITIVE_INFINITY;
  }
}

/**
 * Scores candidates: their loss on the data (or the current mini-batch), and their cost, the loss relative
 * to the best constant predictor plus the parsimony term. Counts every evaluation.
 */
export class Scorer {
  readonly baseline: number;
  readonly rows: number;
  /** Evaluations so far, in units of one expression evaluated on all rows. */
  evaluations = 0;
  private readonly full: EvaluationRows;
  private batch: EvaluationRows | null = null;
  private readonly normalization: number;

  constructor(
    readonly data: SearchData,
    private readonly options: ResolvedOptions,
    private readonly rng: Random,
  ) {
    this.rows = data.y.length;
    this.full = new EvaluationRows(data, options);
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
    this.batch = new EvaluationRows(selectRows(this.data, order.subarray(0, count)), this.options);
    this.batchId++;
  }

  /** Loss on the search data: the mini-batch when batching, else all rows. */
  searchLoss(e: Expr): number {
    const view = this.batch ?? this.full;
    this.evaluations += view.data.y.length / this.rows;
    return view.loss(e);
  }

  /** Loss on all rows. */
  fullLoss(e: Expr): number {
    this.evaluations += 1;
    return this.full.loss(e);
  }

  cost(loss: number, complexity: number): number {
    return loss / this.normalization + this.options.parsimony * complexity;
  }

  /** Fits constants on the search data (mini-batch or all rows); returns the refitted tree and its loss there. */
  fitConstants(e: Expr, iterations: number, restarts: number): { expr: Expr; loss: number } {
    const view = this.batch ?? this.full;
    const result = view.fitter.fit(e, { iterations, restarts, rng: this.rng });
    this.evaluations += (result.evaluations * view.data.y.length) / this.rows;
    return result;
  }

  /** Fits constants on all rows; `shouldStop` can end the fit between steps. */
  fitConstantsFull(e: Expr, iterations: number, restarts: number, shouldStop?: () => boolean): { expr: Expr; loss: number } {
    const result = this.full.fitter.fit(e, { iterations, restarts, rng: this.rng, ...(shouldStop ? { shouldStop } : {}) });
    this.evaluations += result.evaluations;
    return result;
  }
}
