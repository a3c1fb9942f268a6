import type { BinaryOperator, UnaryOperator } from '../../../../src/engine/expressions/operators';
import type { SearchData } from '../../../../src/engine/problem/searchData';
import { Random } from '../../../../src/engine/random';
import type { AnalysisSettings, OperatorVocabulary } from '../../../../src/engine/analysis/types';

/** A vocabulary from operator names as a user types them. */
export function vocabulary(...names: (BinaryOperator | UnaryOperator)[]): OperatorVocabulary {
  const binary = ['+', '-', '*', '/', '^'];
  return {
    binaryOperators: names.filter((n): n is BinaryOperator => binary.includes(n)),
    unaryOperators: names.filter((n): n is UnaryOperator => !binary.includes(n)),
  };
}

export const MSE_SETTINGS: AnalysisSettings = {
  loss: 'mse',
  huberDelta: 1,
  maxSize: 40,
  isPastDeadline: () => false,
};

/** `rows` rows of features drawn uniformly from the given ranges (seeded), and the target `law` of them. */
export function sampleData(
  rows: number,
  ranges: readonly (readonly [number, number])[],
  law: (x: readonly number[]) => number,
  seed = 1,
): SearchData {
  const rng = new Random(seed);
  const X = ranges.map(() => new Float64Array(rows));
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const row = ranges.map(([low, high], j) => (X[j]![i] = rng.uniform(low, high)));
    y[i] = law(row);
  }
  return { X, y };
}

/** A copy of `data` with Gaussian noise of `fraction` times the target's root mean square added (seeded). */
export function withNoise(data: SearchData, fraction: number, seed = 2): SearchData {
  const rng = new Random(seed);
  let sum = 0;
  for (const v of data.y) sum += v * v;
  const sigma = fraction * Math.sqrt(sum / data.y.length);
  return { ...data, y: data.y.map((v) => v + sigma * rng.normal()) };
}

export function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}
