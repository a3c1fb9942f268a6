import { binary, constant, feature, unary, type Expr } from '../expressions/expression';
import type { SearchData } from '../problem/searchData';
import { valuesOf } from './analysisData';
import { positivePowerTree, rationalPower } from './powerTrees';
import { hasBinary, hasUnary, type OperatorVocabulary } from './types';

/** One column of a sparse-regression library: a function of the features, and how it is written. */
export interface LibraryTerm {
  /** How it reads, with features named by column index: `x0*x1`, `1/x2`, `exp(-x0)`, `1`. */
  readonly label: string;
  /** Its values on every row of the data. */
  readonly values: Float64Array;
  /** The tree of `coefficient * term` (`c / x2` rather than `c * (1 / x2)`). */
  readonly times: (coefficient: number) => Expr;
}

/** Most terms a library holds: the selection's cost grows with the square of their number. */
export const DEFAULT_LIBRARY_LIMIT = 300;

interface TermForm {
  readonly label: string;
  readonly times: (coefficient: number) => Expr;
}

/**
 * The terms that can be written with the allowed operators and are finite on every row: the features, their
 * squares and pairwise products, cubes, reciprocals, ratios, and sqrt, log, exp, exp(-x), sin, cos of each
 * (a term outside its domain somewhere, such as sqrt of a negative value, is left out), then the constant 1.
 * Groups are taken whole, simplest first, while they fit in `limit`. Terms may coincide on the data (a
 * constant feature and 1): the selection keeps one of such.
 */
export function termLibrary(
  data: SearchData,
  vocabulary: OperatorVocabulary,
  isPastDeadline: () => boolean,
  limit = DEFAULT_LIBRARY_LIMIT,
): LibraryTerm[] {
  const terms: LibraryTerm[] = [];
  for (const group of termGroups(data.X.length, vocabulary)) {
    if (terms.length + group.length > limit - 1) continue;
    for (const form of group) {
      if (isPastDeadline()) return withIntercept(terms, data);
      const values = valuesOf(form.times(1), data);
      if (values) terms.push({ ...form, values });
    }
  }
  return withIntercept(terms, data);
}

function withIntercept(terms: LibraryTerm[], data: SearchData): LibraryTerm[] {
  return [...terms, { label: '1', values: new Float64Array(data.y.length).fill(1), times: (c) => constant(c) }];
}

function termGroups(features: number, vocabulary: OperatorVocabulary): TermForm[][] {
  const canMultiply = hasBinary(vocabulary, '*');
  const canDivide = hasBinary(vocabulary, '/');
  const indices = Array.from({ length: features }, (_, i) => i);
  const name = (i: number): string => `x${i}`;
  const scaled = (label: string, term: Expr): TermForm => ({ label, times: (c) => binary('*', constant(c), term) });
  const groups: TermForm[][] = [];
  if (!canMultiply) {
    // Without `*` a coefficient can only divide: c / x.
    if (canDivide) groups.push(indices.map((i) => ({ label: `1/${name(i)}`, times: (c) => binary('/', constant(c), feature(i)) })));
    return groups;
  }
  groups.push(indices.map((i) => scaled(name(i), feature(i))));
  const functions: TermForm[] = [];
  for (const i of indices) {
    const x = feature(i);
    if (hasUnary(vocabulary, 'sqrt')) functions.push(scaled(`sqrt(${name(i)})`, unary('sqrt', x)));
    if (hasUnary(vocabulary, 'log')) functions.push(scaled(`log(${name(i)})`, unary('log', x)));
    if (hasUnary(vocabulary, 'exp')) {
      functions.push(scaled(`exp(${name(i)})`, unary('exp', x)));
      const decay = decayingExponential(i, vocabulary);
      if (decay) functions.push(decay);
    }
    if (hasUnary(vocabulary, 'sin')) functions.push(scaled(`sin(${name(i)})`, unary('sin', x)));
    if (hasUnary(vocabulary, 'cos')) functions.push(scaled(`cos(${name(i)})`, unary('cos', x)));
  }
  groups.push(functions);
  if (canDivide) groups.push(indices.map((i) => ({ label: `1/${name(i)}`, times: (c) => binary('/', constant(c), feature(i)) })));
  const products: TermForm[] = [];
  for (const i of indices) {
    for (const j of indices) {
      if (j < i) continue;
      if (i === j) products.push(scaled(`${name(i)}^2`, positivePowerTree(feature(i), rationalPower(2, 1), vocabulary)!));
      // Written ((c * x_i) * x_j), as the power law writes products, so the same form is recognised as one.
      else products.push({ label: `${name(i)}*${name(j)}`, times: (c) => binary('*', binary('*', constant(c), feature(i)), feature(j)) });
    }
  }
  groups.push(products);
  if (hasUnary(vocabulary, 'cube') || hasBinary(vocabulary, '^')) {
    groups.push(indices.map((i) => scaled(`${name(i)}^3`, positivePowerTree(feature(i), rationalPower(3, 1), vocabulary)!)));
  }
  if (canDivide) {
    const ratios: TermForm[] = [];
    for (const i of indices) {
      for (const j of indices) {
        if (i === j) continue;
        ratios.push({
          label: `${name(i)}/${name(j)}`,
          times: (c) => binary('/', binary('*', constant(c), feature(i)), feature(j)),
        });
      }
    }
    groups.push(ratios);
  }
  return groups;
}

/** c * exp(-x) as `c / exp(x)` when `/` is allowed, else with `neg`; null when neither is. */
function decayingExponential(i: number, vocabulary: OperatorVocabulary): TermForm | null {
  const label = `exp(-x${i})`;
  if (hasBinary(vocabulary, '/')) return { label, times: (c) => binary('/', constant(c), unary('exp', feature(i))) };
  if (hasUnary(vocabulary, 'neg')) {
    return { label, times: (c) => binary('*', constant(c), unary('exp', unary('neg', feature(i)))) };
  }
  return null;
}
