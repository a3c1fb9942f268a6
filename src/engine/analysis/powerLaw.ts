import { size, type Expr } from '../expressions/expression';
import type { SearchData } from '../problem/searchData';
import { lossOf, spreadSample, usableRows, valuesOf } from './analysisData';
import { formKey } from './formKey';
import { fitLinearCombination } from './linearFit';
import { fitInLogSpace, refineInLinearSpace, type ExponentConstraints, type PowerLawFit } from './powerLawFit';
import { powerLawProblem, type PowerLawProblem } from './powerLawProblem';
import { powerProductTree, powerValue, rationalPower, realPower, type Power } from './powerTrees';
import { nearestSimpleRational } from './simpleRational';
import type { AnalysisSettings, OperatorVocabulary } from './types';

/** A power law `c * prod_j x_j^p_j` fitted to the data. */
export interface PowerLawCandidate {
  readonly expr: Expr;
  /** Loss on the usable rows of the data, in the search's loss. */
  readonly loss: number;
  readonly coefficient: number;
  /** Exponent of every feature of the data, in column order (0: left out). */
  readonly exponents: readonly number[];
  /** Whether every exponent is a simple fraction (denominator 1 to 4). */
  readonly snapped: boolean;
}

/**
 * A feature with negative values enters only with an integer exponent: it is held at the nearest integer
 * when its free exponent is this close to one, else left out.
 */
const INTEGER_EXPONENT_TOLERANCE = 0.25;

/**
 * Squared error, relative to the mean square of the target, below which a fit counts as exact: rounding
 * alone makes exact fits differ by about this much, so snapping compares them as equal.
 */
const EXACT_FIT_FLOOR = 1e-24;

/**
 * Rows the exponents are fitted on: a few thousand determine them as well as any number, and each
 * Gauss-Newton step costs a pass over them. The constant factor and the loss use every row.
 */
const FIT_ROWS = 5000;

/** Exponents this close are the same law: the free fit only adds rounding noise to the snapped one. */
const SAME_EXPONENT = 1e-9;

/**
 * Fits `y = c * prod_j x_j^p_j`: log|y| linear in log|x_j| on the rows where all are nonzero (a spread sample
 * of them on large data), refined in linear space, then the exponents snapped to simple fractions where the
 * data allows, then `c` refitted on all rows in the search's loss. Returns the snapped law and, when it
 * differs, the free-exponent law over the same features, as trees using only the allowed operators (none
 * when they cannot express the law).
 */
export function powerLawCandidates(
  data: SearchData,
  vocabulary: OperatorVocabulary,
  settings: AnalysisSettings,
): PowerLawCandidate[] {
  if (settings.isPastDeadline()) return [];
  const usable = usableRows(data);
  const problem = usable && powerLawProblem(spreadSample(usable, FIT_ROWS));
  if (!usable || !problem) return [];
  const constraints = integerExponentsOfSignedFeatures(problem);
  const start = constraints && fitInLogSpace(problem, constraints);
  if (!constraints || !start) return [];
  const free = refineInLinearSpace(problem, start, constraints, settings.isPastDeadline);
  if (!free) return [];

  const snapped = snapExponents(problem, free, constraints, settings.isPastDeadline);
  const candidates: PowerLawCandidate[] = [];
  const snappedLaw = candidateFor(snapped, problem, usable, vocabulary, settings);
  if (snappedLaw) candidates.push(snappedLaw);
  if (!settings.isPastDeadline()) {
    const unsnapped = freeExponentsOfSameFeatures(problem, snapped, constraints, settings.isPastDeadline);
    const freeLaw = unsnapped && candidateFor(unsnapped, problem, usable, vocabulary, settings);
    if (freeLaw && (!snappedLaw || differs(freeLaw, snappedLaw))) candidates.push(freeLaw);
  }
  return candidates;
}

function differs(a: PowerLawCandidate, b: PowerLawCandidate): boolean {
  if (formKey(a.expr) === formKey(b.expr)) return false;
  return a.exponents.some((p, j) => Math.abs(p - b.exponents[j]!) > SAME_EXPONENT);
}

/**
 * The free-exponent law over the features the snapped law kept: features snapped to 0 stay out (the data
 * showed no use for them), the others are refitted without snapping.
 */
function freeExponentsOfSameFeatures(
  problem: PowerLawProblem,
  snapped: readonly Power[],
  constraints: ExponentConstraints,
  isPastDeadline: () => boolean,
): Power[] | null {
  const held = constraints.map((h, j) => h ?? (powerValue(snapped[j]!) === 0 ? snapped[j]! : null));
  const start = fitInLogSpace(problem, held);
  const fit = start && refineInLinearSpace(problem, start, held, isPastDeadline);
  return fit ? held.map((h, j) => h ?? realPower(fit.exponents[j]!)) : null;
}

/** Holds each feature with negative values at the nearest integer exponent of a first fit, or at 0. */
function integerExponentsOfSignedFeatures(problem: PowerLawProblem): ExponentConstraints | null {
  const first = fitInLogSpace(problem, problem.features.map(() => null));
  if (!first) return null;
  return problem.signs.map((signs, j) => {
    if (!signs) return null;
    const p = first[j]!;
    const nearest = Math.round(p);
    return rationalPower(Math.abs(p - nearest) <= INTEGER_EXPONENT_TOLERANCE ? nearest : 0, 1);
  });
}

/**
 * Exponents snapped to the nearest simple fraction while the fit stays as good as the free one allows:
 * a snap that fixes k more exponents is kept when the error grows by at most a factor n^(k/n) (n rows), the
 * Bayesian information criterion's price of k parameters, so the tolerance follows the noise of the free fit.
 * All at once first; otherwise one exponent at a time, nearest first, refitting the others after each.
 */
function snapExponents(
  problem: PowerLawProblem,
  free: PowerLawFit,
  constraints: ExponentConstraints,
  isPastDeadline: () => boolean,
): Power[] {
  const n = problem.y.length;
  const floor = EXACT_FIT_FLOOR * meanSquare(problem.y);
  const acceptable = (fit: PowerLawFit | null, snaps: number): fit is PowerLawFit =>
    fit !== null && fit.loss <= free.loss * Math.pow(n, snaps / n) + floor;
  const freeFeatures = constraints.flatMap((held, j) => (held === null ? [j] : []));
  const asPowers = (held: ExponentConstraints, fit: PowerLawFit): Power[] =>
    held.map((h, j) => h ?? realPower(fit.exponents[j]!));

  const allSnapped = constraints.map((held, j) => held ?? nearestSimpleRational(free.exponents[j]!));
  if (acceptable(refineInLinearSpace(problem, free.exponents, allSnapped, isPastDeadline), freeFeatures.length)) {
    return allSnapped;
  }

  let held: (Power | null)[] = [...constraints];
  let fit = free;
  let snaps = 0;
  for (let pass = 0; pass < 2; pass++) {
    const distance = (j: number): number => Math.abs(fit.exponents[j]! - powerValue(nearestSimpleRational(fit.exponents[j]!)));
    const order = freeFeatures.filter((j) => held[j] === null).sort((a, b) => distance(a) - distance(b));
    let changed = false;
    for (const j of order) {
      if (isPastDeadline()) return asPowers(held, fit);
      const trialHeld = [...held];
      trialHeld[j] = nearestSimpleRational(fit.exponents[j]!);
      const trial = refineInLinearSpace(problem, fit.exponents, trialHeld, isPastDeadline);
      if (acceptable(trial, snaps + 1)) {
        held = trialHeld;
        fit = trial;
        snaps++;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return asPowers(held, fit);
}

/** The law with these exponents as a tree, its constant refitted on all usable rows; null if not expressible. */
function candidateFor(
  powers: readonly Power[],
  problem: PowerLawProblem,
  data: SearchData,
  vocabulary: OperatorVocabulary,
  settings: AnalysisSettings,
): PowerLawCandidate | null {
  const factors = powers
    .map((power, k) => ({ feature: problem.features[k]!, power }))
    .filter((f) => powerValue(f.power) !== 0);
  if (factors.length === 0) return null;
  const shape = powerProductTree(1, factors, vocabulary);
  if (!shape || size(shape) > settings.maxSize) return null;
  const basis = valuesOf(shape, data);
  const coefficient = basis ? fitLinearCombination([basis], data.y, data.weights, settings)?.[0] : undefined;
  if (coefficient === undefined || coefficient === 0 || !Number.isFinite(coefficient)) return null;
  const expr = powerProductTree(coefficient, factors, vocabulary);
  const loss = expr ? lossOf(expr, data, settings) : Number.POSITIVE_INFINITY;
  if (!expr || !Number.isFinite(loss)) return null;
  const exponents = data.X.map((_, j) => {
    const factor = factors.find((f) => f.feature === j);
    return factor ? powerValue(factor.power) : 0;
  });
  return { expr, loss, coefficient, exponents, snapped: factors.every((f) => f.power.kind === 'rational') };
}

function meanSquare(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v * v;
  return values.length > 0 ? s / values.length : 0;
}
