import assert from 'node:assert/strict';
import { provenanceLines, type FitSource } from '../../../src/engine/expressions/formats';

const source: FitSource = {
  fileName: 'hubble.csv',
  selection: 'lines 2–33',
  rows: 32,
  target: 'v',
  features: ['D', 'T (K)'],
  featureRanges: [
    [0.032350715, 2.0063],
    [100, 6000],
  ],
  loss: 'mse',
};
const fit = { loss: 31140.5, complexity: 3 };

describe('provenance comment', () => {
  it('says where a formula was fitted, its loss and the range of each input', () => {
    assert.deepEqual(provenanceLines(source, fit), [
      'v fitted by Equation Discovery on hubble.csv (lines 2–33), 32 rows',
      'loss 3.114e+4 (MSE), complexity 3; fitted for D in [0.03235, 2.006], T (K) in [100, 6000]',
    ]);
  });

  it('leaves out the ranges a saved run does not have', () => {
    const { featureRanges: _, ...old } = source;
    assert.equal(provenanceLines(old, fit)[1], 'loss 3.114e+4 (MSE), complexity 3; fitted for D, T (K)');
    // JSON keeps an empty column's infinite extent as nulls, and a short list misses the last inputs.
    const nulls = { ...source, featureRanges: [[null, null]] as unknown as [number, number][] };
    assert.equal(provenanceLines(nulls, fit)[1], 'loss 3.114e+4 (MSE), complexity 3; fitted for D, T (K)');
  });

  it('shows the names from the data escaped and shortened, one line each', () => {
    const hostile = {
      ...source,
      fileName: 'a\nb.csv',
      selection: undefined,
      target: 'y\u2028console.log(1)//',
      features: ['x\rimport os', 'z'.repeat(1000)],
    };
    const lines = provenanceLines(hostile, fit);
    assert.equal(lines[0], 'y\\u2028console.log(1)// fitted by Equation Discovery on a\\nb.csv, 32 rows');
    assert.equal(
      lines[1],
      `loss 3.114e+4 (MSE), complexity 3; fitted for x\\rimport os in [0.03235, 2.006], ${'z'.repeat(200)}… in [100, 6000]`,
    );
  });
});
