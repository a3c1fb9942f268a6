import { binary, featuresOf, size, type Expr } from '../expressions/expression';
import type { SearchData } from '../problem/searchData';
import { lossOf, spreadSample, usableRows, valuesOf } from './analysisData';
import { fitLinearCombination } from './linearFit';
import { selectSparseSubsets } from './sparseSelection';
import { termLibrary, type LibraryTerm } from './termLibrary';
import { hasBinary, type AnalysisSettings, type OperatorVocabulary } from './types';

/** A sparse linear combination of library terms fitted to the data. */
export interface SparseRegressionCandidate {
  readonly expr: Expr;
  /** Loss on the usable rows of the data, in the search's loss. */
  readonly loss: number;
  /** The terms used, as `LibraryTerm.label`s (`x0`, `x1*x2`, `1/x0`, `1`), in the order of the sum. */
  readonly terms: readonly string[];
  /** The coefficient of each term. */
  readonly coefficients: readonly number[];
  /** Information criterion of the selection (lower is better): it picks a number of terms on noisy data. */
  readonly criterion: number;
}

export interface SparseRegressionSettings extends AnalysisSettings {
  /** Most terms in one candidate (default 8). */
  readonly maxTerms?: number;
  /** Most terms in the library (default `DEFAULT_LIBRARY_LIMIT`). */
  readonly libraryLimit?: number;
}

const DEFAULT_MAX_TERMS = 8;
/**
 * Rows the library is evaluated and the selection works on: choosing terms needs far fewer rows than
 * fitting them, and the selection's cost grows with rows times the square of the library's size. The chosen
 * terms are evaluated and their coefficients fitted on every row.
 */
const SELECTION_ROWS = 1000;

/**
 * Sparse regression over a library of terms built from the allowed operators (SINDy / FFX style): for each
 * number of terms 1, 2, ..., the subset the selection finds (on a spread sample of the rows for large data),
 * its coefficients fitted on all rows in the search's loss, as a sum tree. Candidates that read no feature
 * (a lone constant) are left to the search, and so are terms invalid on a row outside the sample.
 */
export function sparseRegressionCandidates(
  data: SearchData,
  vocabulary: OperatorVocabulary,
  settings: SparseRegressionSettings,
): SparseRegressionCandidate[] {
  if (settings.isPastDeadline()) return [];
  const usable = usableRows(data);
  if (!usable) return [];
  const sample = spreadSample(usable, SELECTION_ROWS);
  const library = termLibrary(sample, vocabulary, settings.isPastDeadline, settings.libraryLimit);
  const canSum = hasBinary(vocabulary, '+') || hasBinary(vocabulary, '-');
  const levels = selectSparseSubsets(library.map((t) => t.values), sample.y, sample.weights, {
    maxTerms: canSum ? (settings.maxTerms ?? DEFAULT_MAX_TERMS) : 1,
    columnCosts: library.map((t) => size(t.times(1))),
    maxCost: settings.maxSize,
    joinCost: 1,
    isPastDeadline: settings.isPastDeadline,
  });

  const candidates: SparseRegressionCandidate[] = [];
  // Fitting the coefficients of the levels selected is cheap, so it is done even past the deadline.
  for (const level of levels) {
    const terms = level.columns.map((j) => library[j]!);
    const columns = sample === usable ? terms.map((t) => t.values) : valuesOnAllRows(terms, usable);
    const coefficients = columns && fitLinearCombination(columns, usable.y, usable.weights, settings);
    const expr = coefficients && sumOfTerms(terms, coefficients, vocabulary);
    if (!expr || featuresOf(expr).length === 0 || size(expr) > settings.maxSize) continue;
    const loss = lossOf(expr, usable, settings);
    if (!Number.isFinite(loss)) continue;
    candidates.push({
      expr,
      loss,
      terms: terms.map((t) => t.label),
      coefficients: Array.from(coefficients),
      criterion: level.criterion,
    });
  }
  return candidates;
}

/** The terms' values on every row of `data`, or null when one is invalid on some row. */
function valuesOnAllRows(terms: readonly LibraryTerm[], data: SearchData): Float64Array[] | null {
  const columns: Float64Array[] = [];
  for (const term of terms) {
    const values = valuesOf(term.times(1), data);
    if (!values) return null;
    columns.push(values);
  }
  return columns;
}

/** `c1 * t1 + c2 * t2 - c3 * t3 ...`: a negative coefficient is subtracted when `-` is allowed. */
function sumOfTerms(terms: readonly LibraryTerm[], coefficients: Float64Array, vocabulary: OperatorVocabulary): Expr | null {
  const canAdd = hasBinary(vocabulary, '+');
  const canSubtract = hasBinary(vocabulary, '-');
  let sum: Expr | null = null;
  for (let k = 0; k < terms.length; k++) {
    const term = terms[k]!;
    const c = coefficients[k]!;
    if (sum === null) sum = term.times(c);
    else if (canSubtract && (c < 0 || !canAdd)) sum = binary('-', sum, term.times(-c));
    else if (canAdd) sum = binary('+', sum, term.times(c));
    else return null;
  }
  return sum;
}
