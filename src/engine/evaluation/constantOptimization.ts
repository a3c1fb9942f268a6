import { ColumnEvaluator } from './evaluate';
import { constantsOf, countConstants, withConstants, type Expr } from '../expressions/expression';
import { JacobianEvaluator } from './jacobian';
import { LOSSES, meanLoss } from './loss';
import type { LossName } from '../options';
import type { Random } from '../random';

/** The data constants are fitted on. */
export interface FitData {
  readonly columns: readonly Float64Array[];
  readonly y: Float64Array;
  readonly weights?: Float64Array;
  readonly loss: LossName;
  readonly huberDelta: number;
}

export interface FitOptions {
  /** Accepted Levenberg-Marquardt steps per start. */
  readonly iterations: number;
  /** Extra starts from randomly perturbed constants, besides the current ones. */
  readonly restarts: number;
  readonly rng: Random;
  /** Polled between steps: true ends the fit with the best constants found so far. */
  readonly shouldStop?: () => boolean;
}

export interface FitResult {
  expr: Expr;
  loss: number;
  /** Expression evaluations spent (value passes and Jacobian passes). */
  evaluations: number;
}

/**
 * Fits the constants of expressions to data by Levenberg-Marquardt on exact forward-mode Jacobians.
 * Losses other than squared error are handled by iteratively reweighted least squares: each step solves a
 * weighted least-squares problem whose weights make it agree with the loss's gradient at the current point,
 * and a step is accepted only when the true loss decreases.
 *
 * Hand-written: a general optimizer library would allocate per call and know nothing of the structure
 * (k is small, n is large), and this runs for a sizeable share of all candidates.
 */
export class ConstantFitter {
  private readonly values: ColumnEvaluator;
  private readonly jacobians: JacobianEvaluator;
  private readonly n: number;
  private readonly prediction: Float64Array;
  private readonly trial: Float64Array;

  constructor(private readonly data: FitData) {
    this.n = data.y.length;
    this.values = new ColumnEvaluator(data.columns, this.n);
    this.jacobians = new JacobianEvaluator(data.columns, this.n);
    this.prediction = new Float64Array(this.n);
    this.trial = new Float64Array(this.n);
  }

  /** Loss of `e` on the fitting data, Infinity when it is invalid there. */
  loss(e: Expr): number {
    const p = this.values.evaluate(e, this.prediction);
    if (!p) return Number.POSITIVE_INFINITY;
    const l = meanLoss(this.data.loss, p, this.data.y, this.data.weights, this.data.huberDelta);
    return Number.isFinite(l) ? l : Number.POSITIVE_INFINITY;
  }

  fit(e: Expr, options: FitOptions): FitResult {
    const k = countConstants(e);
    const start = constantsOf(e);
    let evaluations = 1;
    let best: FitResult = { expr: e, loss: this.loss(e), evaluations: 0 };
    if (k === 0) return { ...best, evaluations };
    for (let attempt = 0; attempt <= options.restarts; attempt++) {
      if (options.shouldStop?.()) break;
      const initial =
        attempt === 0 ? start : start.map((c) => c * (1 + 0.5 * options.rng.normal()) + (c === 0 ? options.rng.normal() : 0));
      const result = this.levenbergMarquardt(e, Float64Array.from(initial), options.iterations, options.shouldStop);
      evaluations += result.evaluations;
      if (result.loss < best.loss) best = result;
    }
    return { ...best, evaluations };
  }

  private levenbergMarquardt(shape: Expr, c: Float64Array, maxSteps: number, shouldStop?: () => boolean): FitResult {
    const n = this.n;
    const k = c.length;
    const { y, weights, loss, huberDelta } = this.data;
    const reweight = LOSSES[loss].irlsWeight;
    const jac = Array.from({ length: k }, () => new Float64Array(n));
    const irlsWeights = new Float64Array(n);
    const A = new Float64Array(k * k);
    const g = new Float64Array(k);
    const step = new Float64Array(k);
    const candidate = new Float64Array(k);
    let evaluations = 0;

    let current = withConstants(shape, c);
    let currentLoss = this.loss(current);
    evaluations++;
    if (!Number.isFinite(currentLoss)) return { expr: current, loss: currentLoss, evaluations };
    let lambda = 1e-3;

    for (let stepIndex = 0; stepIndex < maxSteps; stepIndex++) {
      if (shouldStop?.()) break;
      evaluations++;
      if (!this.jacobians.evaluate(current, this.prediction, jac)) break;

      // Normal equations of the (reweighted) least-squares problem: A = J'WJ, g = J'Wr.
      for (let i = 0; i < n; i++) {
        const r = this.prediction[i]! - y[i]!;
        const w = weights ? weights[i]! : 1;
        irlsWeights[i] = w * reweight(r, huberDelta);
      }
      A.fill(0);
      g.fill(0);
      for (let a = 0; a < k; a++) {
        const ja = jac[a]!;
        let ga = 0;
        for (let i = 0; i < n; i++) ga += irlsWeights[i]! * ja[i]! * (this.prediction[i]! - y[i]!);
        g[a] = ga;
        for (let b = 0; b <= a; b++) {
          const jb = jac[b]!;
          let s = 0;
          for (let i = 0; i < n; i++) s += irlsWeights[i]! * ja[i]! * jb[i]!;
          A[a * k + b] = s;
          A[b * k + a] = s;
        }
      }

      let improved = false;
      for (let attempt = 0; attempt < 12; attempt++) {
        if (attempt > 0 && shouldStop?.()) break;
        if (!solveDamped(A, g, lambda, k, step)) {
          lambda *= 10;
          continue;
        }
        for (let a = 0; a < k; a++) candidate[a] = c[a]! - step[a]!;
        const next = withConstants(shape, candidate);
        const p = this.values.evaluate(next, this.trial);
        evaluations++;
        const nextLoss = p ? meanLoss(loss, p, y, weights, huberDelta) : Number.POSITIVE_INFINITY;
        if (nextLoss < currentLoss) {
          const relative = (currentLoss - nextLoss) / Math.max(currentLoss, 1e-300);
          c.set(candidate);
          current = next;
          currentLoss = nextLoss;
          lambda = Math.max(lambda * 0.3, 1e-15);
          improved = relative > 1e-14;
          break;
        }
        lambda *= 4;
        if (lambda > 1e16) break;
      }
      if (!improved || currentLoss === 0) break;
    }
    return { expr: current, loss: currentLoss, evaluations };
  }
}

/**
 * Solves (A + lambda * diag(A)) x = g by Cholesky factorisation (A is k x k, symmetric positive
 * semi-definite). Returns false when the damped matrix is not positive definite.
 */
function solveDamped(A: Float64Array, g: Float64Array, lambda: number, k: number, x: Float64Array): boolean {
  const L = new Float64Array(k * k);
  let maxDiagonal = 0;
  for (let i = 0; i < k; i++) maxDiagonal = Math.max(maxDiagonal, A[i * k + i]!);
  // A floor on the damping keeps directions with a vanishing derivative from producing huge steps.
  const floor = 1e-10 * maxDiagonal + 1e-300;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * k + j]!;
      if (i === j) s += lambda * Math.max(A[i * k + i]!, floor);
      for (let m = 0; m < j; m++) s -= L[i * k + m]! * L[j * k + m]!;
      if (i === j) {
        if (!(s > 0)) return false;
        L[i * k + i] = Math.sqrt(s);
      } else {
        L[i * k + j] = s / L[j * k + j]!;
      }
    }
  }
  for (let i = 0; i < k; i++) {
    let s = g[i]!;
    for (let m = 0; m < i; m++) s -= L[i * k + m]! * x[m]!;
    x[i] = s / L[i * k + i]!;
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let m = i + 1; m < k; m++) s -= L[m * k + i]! * x[m]!;
    x[i] = s / L[i * k + i]!;
  }
  for (let i = 0; i < k; i++) if (!Number.isFinite(x[i]!)) return false;
  return true;
}
