import type { Dataset } from '../../data';
import { featuresOf, type Expr } from '../../engine/expressions/expression';
import type { RunView } from '../../shared/webviewProtocol';

/** Most rows sent to the results view for plotting. */
export const PLOT_ROWS = 2000;

/**
 * Most feature values a run keeps for its plots (20 features of 2,000 rows), besides those of the features its
 * formulas use: a run on a file of a thousand columns would otherwise save and send tens of megabytes.
 */
export const PLOT_FEATURE_VALUES = 40_000;

/** The rows the results view plots: all of them, or an evenly spaced subset of large data. */
export interface PlotSample {
  columns: Float64Array[];
  target: Float64Array;
}

export function plotSample(dataset: Dataset): PlotSample {
  const n = dataset.rows;
  const count = Math.min(n, PLOT_ROWS);
  const index = Int32Array.from({ length: count }, (_, i) => Math.floor((i * n) / count));
  const pick = (column: Float64Array): Float64Array => Float64Array.from(index, (i) => column[i]!);
  return { columns: dataset.X.map(pick), target: pick(dataset.y) };
}

/** Indices of the features some formula of the front reads, in increasing order. */
export function usedFeatures(formulas: readonly Expr[]): number[] {
  const used = new Set<number>();
  for (const expr of formulas) for (const index of featuresOf(expr)) used.add(index);
  return [...used].sort((a, b) => a - b);
}

/**
 * The features whose values a run keeps for its plots: every feature the formulas use, then the first others
 * while the total stays within `PLOT_FEATURE_VALUES`. In increasing order.
 */
export function plottedFeatures(featureCount: number, rows: number, used: readonly number[]): number[] {
  const kept = new Set(used.filter((i) => i >= 0 && i < featureCount));
  const budget = Math.floor(PLOT_FEATURE_VALUES / Math.max(rows, 1));
  for (let i = 0; i < featureCount && kept.size < budget; i++) kept.add(i);
  return [...kept].sort((a, b) => a - b);
}

/** The plotted rows as the view gets them: the kept features' values, an empty array for the others. */
export function plotRows(sample: PlotSample, kept: readonly number[]): RunView['plotRows'] {
  const keep = new Set(kept);
  return {
    features: sample.columns.map((column, i) => (keep.has(i) ? Array.from(column) : [])),
    target: Array.from(sample.target),
  };
}
