import type { Dataset } from '../../data';
import { ColumnEvaluator } from '../../engine/evaluate';
import { reportFront } from '../../engine/frontReport';
import type { ScoredEntry } from '../../engine/pareto';
import type { FrontRow } from '../../shared/protocol';

/** Most rows sent to the results view for plotting. */
export const PLOT_ROWS = 2000;

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

/** Front rows for the view: text, LaTeX and predictions on the plotted rows. */
export function frontRows(front: readonly ScoredEntry[], names: readonly string[], sample: PlotSample): FrontRow[] {
  const evaluator = new ColumnEvaluator(sample.columns, sample.target.length);
  const report = reportFront(front, names);
  return front.map((entry, i) => {
    const predicted = evaluator.evaluate(entry.expr);
    return { ...report[i]!, predictions: predicted ? Array.from(predicted) : null };
  });
}
