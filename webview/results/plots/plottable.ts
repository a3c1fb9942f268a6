import type { RunView } from '../../../src/shared/webviewProtocol';

/** Indices of the features whose values the run kept for plotting: on wide data, only some of them. */
export function plottableFeatures(run: Pick<RunView, 'features' | 'plotRows'>): number[] {
  const rows = run.plotRows.target.length;
  return run.features.flatMap((_, i) => (rows > 0 && run.plotRows.features[i]?.length === rows ? [i] : []));
}

/** The feature to plot: the one named `wanted` when it can be plotted, else the first that can. */
export function featureToPlot(features: readonly string[], plottable: readonly number[], wanted: string | undefined): number | undefined {
  const named = wanted === undefined ? -1 : features.indexOf(wanted);
  return plottable.includes(named) ? named : plottable[0];
}
