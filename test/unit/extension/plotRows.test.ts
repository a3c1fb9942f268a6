import assert from 'node:assert/strict';
import type { Dataset } from '../../../src/data';
import { binary, constant, feature } from '../../../src/engine/expressions/expression';
import {
  PLOT_FEATURE_VALUES,
  plotRows,
  plotSample,
  plottedFeatures,
  usedFeatures,
} from '../../../src/extension/runs/runView';

function wideDataset(features: number, rows: number): Dataset {
  const X = Array.from({ length: features }, (_, j) => Float64Array.from({ length: rows }, (_, i) => i * 0.001 + j));
  return {
    X,
    y: Float64Array.from({ length: rows }, (_, i) => i),
    featureNames: X.map((_, j) => `x${j}`),
    targetName: 'y',
    rows,
    lineOfRow: Int32Array.from({ length: rows }, (_, i) => i + 2),
    dropped: { rows: 0, byColumn: {}, firstLines: [] },
  };
}

describe('Plotted rows of a run', () => {
  it('keep every feature of narrow data', () => {
    const sample = plotSample(wideDataset(3, 500));
    const kept = plottedFeatures(3, 500, []);
    assert.deepEqual(kept, [0, 1, 2]);
    const rows = plotRows(sample, kept);
    assert.deepEqual(
      rows.features.map((c) => c.length),
      [500, 500, 500],
    );
    assert.equal(rows.target.length, 500);
  });

  it('keep a bounded number of values on wide data: 999 columns of 2,000 rows store a few hundred kilobytes', () => {
    const dataset = wideDataset(999, 5000);
    const sample = plotSample(dataset);
    assert.equal(sample.target.length, 2000);
    const formulas = [binary('*', feature(998), constant(2)), binary('+', feature(500), feature(3))];
    const kept = plottedFeatures(999, 2000, usedFeatures(formulas));
    const rows = plotRows(sample, kept);
    const stored = rows.features.reduce((n, c) => n + c.length, 0);
    assert.ok(stored <= PLOT_FEATURE_VALUES, `${stored} values`);
    for (const used of [3, 500, 998]) assert.equal(rows.features[used]!.length, 2000, `feature ${used} is used`);
    assert.equal(rows.features.length, 999, 'still one entry per feature');
    assert.ok(JSON.stringify(rows).length < 1_000_000, `${JSON.stringify(rows).length} bytes`);
  });

  it('always keep the features the formulas use, even beyond the budget', () => {
    const used = Array.from({ length: 30 }, (_, i) => i * 3);
    const kept = plottedFeatures(100, 2000, used);
    assert.deepEqual(kept, used);
    assert.deepEqual(plottedFeatures(100, 2000, [99, 5]).slice(0, 3), [0, 1, 2]);
    assert.ok(plottedFeatures(100, 2000, [99, 5]).includes(99));
    assert.equal(plottedFeatures(100, 2000, [99, 5]).length, PLOT_FEATURE_VALUES / 2000);
  });

  it('know the features a front reads', () => {
    assert.deepEqual(usedFeatures([binary('+', feature(4), feature(1)), feature(4), constant(1)]), [1, 4]);
    assert.deepEqual(usedFeatures([]), []);
  });
});
