import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { frontCsv, provenance } from '../../../src/extension/actions/frontText';
import { binary, constant, feature } from '../../../src/engine/expressions/expression';
import { frontFormulas } from '../../../src/engine/front/frontFormula';
import type { RunView } from '../../../src/shared/webviewProtocol';

const run: RunView = {
  id: 'r1',
  title: 'v from D',
  createdAt: '2026-11-23T12:00:00.000Z',
  status: 'finished',
  source: { fileName: 'hubble.csv', selection: 'lines 2–33', rows: 32, droppedRows: 0 },
  target: 'v',
  features: ['D', 'T (K)'],
  featureRanges: [
    [0.032350715, 2.0063],
    [100, 6000],
  ],
  options: { operators: ['+', '-', '*', '/'], maxSize: 30, timeLimitSeconds: 60, workers: 1, loss: 'mse' },
  plotRows: { features: [[], []], target: [] },
  front: frontFormulas(
    [
      { expr: constant(424.7), complexity: 1, loss: 113100, score: 0, best: false },
      { expr: binary('*', constant(475.3), feature(0)), complexity: 3, loss: 31140.5, score: 0.645, best: true },
      {
        expr: binary('/', binary('*', feature(0), binary('-', constant(476.8), feature(0))), feature(1)),
        complexity: 7,
        loss: 29000,
        score: 0.03,
        best: false,
      },
    ],
    ['D', 'T (K)'],
  ).map(({ expr: _expr, ...row }) => ({ ...row, predictions: null })),
  stats: { evaluations: 1000, evaluationsPerSecond: 100, seconds: 10 },
  related: [],
};

describe('front export and provenance text', () => {
  it("writes the front as CSV with PySR's hall-of-fame columns plus score and LaTeX", () => {
    const parsed = Papa.parse<string[]>(frontCsv(run));
    assert.deepEqual(parsed.data[0], ['Complexity', 'Loss', 'Equation', 'Score', 'LaTeX']);
    assert.equal(parsed.data.length, 4);
    assert.deepEqual(parsed.data[2], ['3', '31140.5', '475.3 * D', '0.645', '475.3 D']);
    assert.deepEqual(parsed.data[3], ['7', '29000', 'D * (476.8 - D) / T_K', '0.03', '\\frac{D \\cdot (476.8 - D)}{\\text{T (K)}}']);
  });

  it('says where a formula was fitted, its loss and the range of each input', () => {
    assert.deepEqual(provenance(run, run.front[1]!), [
      'v fitted by Equation Discovery on hubble.csv (lines 2–33), 32 rows',
      'loss 3.114e+4 (MSE), complexity 3; fitted for D in [0.03235, 2.006], T (K) in [100, 6000]',
    ]);
  });

  it('writes the comment for a run saved before input ranges were recorded', () => {
    const { featureRanges: _, ...old } = run;
    assert.deepEqual(provenance(old as RunView, run.front[1]!), [
      'v fitted by Equation Discovery on hubble.csv (lines 2–33), 32 rows',
      'loss 3.114e+4 (MSE), complexity 3; fitted for D, T (K)',
    ]);
  });
});
