import assert from 'node:assert/strict';
import { featureToPlot, plottableFeatures } from '../../../webview/results/plots/plottable';

describe('Results view: features that can be plotted', () => {
  const run = {
    features: ['a', 'b', 'c', 'd'],
    plotRows: { features: [[1, 2], [], [3, 4], [5]], target: [10, 20] },
  };

  it('are those whose values the run kept, one per plotted row', () => {
    assert.deepEqual(plottableFeatures(run), [0, 2]);
    assert.deepEqual(plottableFeatures({ ...run, plotRows: { features: [[1, 2]], target: [1, 2] } }), [0]);
    assert.deepEqual(plottableFeatures({ features: ['a'], plotRows: { features: [[]], target: [] } }), []);
  });

  it('plot the feature asked for when it has values, else the first that has', () => {
    const plottable = plottableFeatures(run);
    assert.equal(featureToPlot(run.features, plottable, 'c'), 2);
    assert.equal(featureToPlot(run.features, plottable, 'b'), 0, 'b was not kept');
    assert.equal(featureToPlot(run.features, plottable, 'zzz'), 0);
    assert.equal(featureToPlot(run.features, plottable, undefined), 0);
    assert.equal(featureToPlot(run.features, [], 'a'), undefined);
  });
});
