import { randomUUID } from 'node:crypto';
import { binary, constant, feature } from '../../../src/engine/expressions/expression';
import { plotFront } from '../../../src/engine/front/plottedFormula';
import type { RunRecord } from '../../../src/extension/runs/runStore';

/** A small finished run, as the extension saves it. */
export function runRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    id: randomUUID(),
    title: 'v from D',
    createdAt: '2026-11-23T12:00:00.000Z',
    status: 'finished',
    source: { fileName: 'hubble.csv', rows: 3, droppedRows: 0 },
    sourceUri: 'file:///data/hubble.csv',
    target: 'v',
    features: ['D'],
    featureRanges: [[0.1, 2]],
    options: { operators: ['+', '-', '*', '/'], maxSize: 30, timeLimitSeconds: 60, workers: 1, loss: 'mse' },
    plotRows: { features: [[0.1, 1, 2]], target: [47, 475, 950] },
    front: plotFront(
      [
        { expr: constant(490), complexity: 1, loss: 1e5, score: 0, best: false },
        { expr: binary('*', constant(475), feature(0)), complexity: 3, loss: 12, score: 4.1, best: true },
      ],
      ['D'],
      [Float64Array.of(0.1, 1, 2)],
      3,
    ),
    stats: { evaluations: 1000, evaluationsPerSecond: 500, seconds: 2, stoppedBy: 'time' },
    related: [],
    ...overrides,
  };
}
