import type { AffineForm } from './affineForm';

/**
 * Ways of writing a tree `e = offset + scale * core` with refitted outside constants, each least-squares
 * optimal for its form: `e` as it is, the core alone, `B * core`, `core + A`, and `B * core + A` (the
 * affine map of Keijzer's linear scaling).
 */
export type AffineVariant = 'plain' | 'core' | 'scaled' | 'shifted' | 'affine';

/**
 * A variant's least-squares constants, as the map `mean + beta * (p - mean of p)` of the tree's values p,
 * and as the core's `offset + scale * core`.
 */
export interface AffineFit {
  readonly variant: AffineVariant;
  /** The mean prediction. */
  readonly mean: number;
  readonly beta: number;
  /** Offset and scale of the core, as the variant's tree carries them. */
  readonly offset: number;
  readonly scale: number;
    /** Weighted sum of squared residuals, from the sums (rounding error of order 1e-16 of `squares`). */
  readonly sse: number;
}

const IDENTITY: Pick<AffineForm, 'offset' | 'scale'> = { offset: 0, scale: 1 };

/**
 * Least-squares affine maps `alpha + beta * p` of a tree's values p onto the target (weighted where there
 * are weights), solved in closed form from one pass over p (`measure`). The target is centred once; the
 * values are summed about their first value, so that sums of values with a large common offset keep their
 * digits. Errors read off the sums lose digits for nearly exact fits (a difference of two large sums), so
 * `exactLoss` recomputes those row by row.
 */
export class LinearScaling {
  readonly totalWeight: number;
  readonly mean: number;
  /** Weighted sum of squares of the target about its mean. */
  readonly centredSquares: number;
  /** Weighted sum of squares of the target: the scale of the rounding error of the sums. */
  readonly squares: number;
  private readonly centred: Float64Array;
  private shift = 0;
  private sd = 0;
  private sdd = 0;
  private sdy = 0;

  constructor(
    y: Float64Array,
    private readonly weights: Float64Array | undefined,
  ) {
    const n = y.length;
    let total = 0;
    let weighted = 0;
    for (let i = 0; i < n; i++) {
      const w = weights ? weights[i]! : 1;
      total += w;
      weighted += w * y[i]!;
    }
    this.totalWeight = total;
    this.mean = weighted / total;
    this.centred = new Float64Array(n);
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const c = y[i]! - this.mean;
      this.centred[i] = c;
      squares += (weights ? weights[i]! : 1) * c * c;
    }
    this.centredSquares = squares;
    this.squares = squares + total * this.mean * this.mean;
  }

  /** Takes the sums of `p`, the values of a tree on every row, for the fits that follow. */
  measure(p: Float64Array): void {
    const n = p.length;
    const yc = this.centred;
    const shift = n > 0 ? p[0]! : 0;
    let sd = 0;
    let sdd = 0;
    let sdy = 0;
    const weights = this.weights;
    if (!weights) {
      // Once per candidate: the loop without the per-row weight.
      for (let i = 0; i < n; i++) {
        const d = p[i]! - shift;
        sd += d;
        sdd += d * d;
        sdy += d * yc[i]!;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const w = weights[i]!;
        const d = p[i]! - shift;
        sd += w * d;
        sdd += w * d * d;
        sdy += w * d * yc[i]!;
      }
    }
    this.shift = shift;
    this.sd = sd;
    this.sdd = sdd;
    this.sdy = sdy;
  }

  /** Mean of the values last measured. */
  get valuesMean(): number {
    return this.shift + this.sd / this.totalWeight;
  }

  /**
   * The least-squares constants of `variant` for the tree last measured, whose outside constants `form`
   * gives (the identity reads the whole tree as the core). Null when the variant is undefined there (a
   * scale of a core that is constant on the data).
   */
  fit(variant: AffineVariant, form: Pick<AffineForm, 'offset' | 'scale'> = IDENTITY): AffineFit | null {
    const W = this.totalWeight;
    const my = this.mean;
    const spread = Math.max(0, this.sdd - (this.sd * this.sd) / W);
    const pMean = this.shift + this.sd / W;
    const { offset: off, scale: sc } = form;
    // The core's values q = (p - off) / sc: their mean, spread and covariance with the target.
    const qMean = (pMean - off) / sc;
    const sqq = spread / (sc * sc);
    const sqy = this.sdy / sc;
    const syy = this.centredSquares;
    let A: number;
    let B: number;
    let sse: number;
    switch (variant) {
      case 'plain':
        return finiteFit(variant, pMean, 1, off, sc, syy + W * (my - pMean) ** 2 - 2 * this.sdy + spread);
      case 'core':
        A = 0;
        B = 1;
        sse = syy + W * (my - qMean) ** 2 - 2 * sqy + sqq;
        break;
      case 'scaled': {
        const num = sqy + W * qMean * my;
        const den = sqq + W * qMean * qMean;
        if (!(den > 0)) return null;
        A = 0;
        B = num / den;
        sse = this.squares - B * num;
        break;
      }
      case 'shifted':
        A = my - qMean;
        B = 1;
        sse = syy - 2 * sqy + sqq;
        break;
      case 'affine':
        if (!(sqq > 0)) return null;
        B = sqy / sqq;
        A = my - B * qMean;
        sse = syy - B * sqy;
        break;
    }
    return finiteFit(variant, A + B * qMean, B / sc, A, B, sse);
  }

  /**
   * Weighted mean squared error of a fit to the values `p` last measured, summed row by row. About the
   * means, so that a large offset cancelling a large scale does not cost digits.
   */
  exactLoss(p: Float64Array, fit: AffineFit): number {
    const n = p.length;
    const yc = this.centred;
    const pMean = this.valuesMean;
    const level = fit.mean - this.mean;
    const beta = fit.beta;
    let total = 0;
    const weights = this.weights;
    if (!weights) {
      for (let i = 0; i < n; i++) {
        const r = yc[i]! - level - beta * (p[i]! - pMean);
        total += r * r;
      }
      return total / n;
    }
    for (let i = 0; i < n; i++) {
      const r = yc[i]! - level - beta * (p[i]! - pMean);
      total += weights[i]! * r * r;
    }
    return total / this.totalWeight;
  }
}

function finiteFit(variant: AffineVariant, mean: number, beta: number, offset: number, scale: number, sse: number): AffineFit | null {
  if (!Number.isFinite(mean) || !Number.isFinite(beta) || !Number.isFinite(sse)) return null;
  return { variant, mean, beta, offset, scale, sse: Math.max(0, sse) };
}
