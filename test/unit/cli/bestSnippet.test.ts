import assert from 'node:assert/strict';
import { bestSnippet } from '../../../src/cli/bestSnippet';
import { SNIPPET_FORMATS } from '../../../src/cli/outputFormats';
import type { Dataset } from '../../../src/data';
import { binary, constant, feature } from '../../../src/engine/expressions/expression';
import { formatSnippet } from '../../../src/engine/expressions/formats';
import { frontFormulas } from '../../../src/engine/front/frontFormula';
import type { ScoredEntry } from '../../../src/engine/search/pareto';
import { provenance } from '../../../src/extension/actions/frontText';
import type { RunView } from '../../../src/shared/webviewProtocol';

const dataset: Dataset = {
  X: [Float64Array.from([0.5, 2, 1.25]), Float64Array.from([100, 6000, 300])],
  y: Float64Array.from([1, 2, 3]),
  featureNames: ['D', 'T (K)'],
  targetName: 'v',
  rows: 3,
  lineOfRow: Int32Array.from([2, 3, 4]),
  dropped: { rows: 0, byColumn: {}, firstLines: [] },
};

const scored: ScoredEntry[] = [
  { expr: constant(2), loss: 0.5, complexity: 1, score: 0, best: false },
  { expr: binary('*', constant(475.3), feature(0)), loss: 0.125, complexity: 3, score: 0.7, best: true },
  { expr: binary('/', feature(0), feature(1)), loss: 0.1, complexity: 3, score: 0.01, best: false },
];
const front = frontFormulas(scored, dataset.featureNames);

/** What "Insert into Editor" writes for the same run, built the way the extension builds it. */
function insertedByExtension(languageId: string): string {
  const rows = front.map((r) => ({ ...r, predictions: null }));
  const run = {
    source: { fileName: 'hubble.csv', rows: dataset.rows, droppedRows: 0 },
    target: dataset.targetName,
    features: dataset.featureNames,
    featureRanges: [
      [0.5, 2],
      [100, 6000],
    ],
    options: { operators: [], maxSize: 30, timeLimitSeconds: 60, workers: 1, loss: 'mse' },
    front: rows,
  } as unknown as RunView;
  const row = rows.find((r) => r.best)!;
  return formatSnippet(row.expr, languageId, {
    names: run.features,
    outputName: run.target,
    commentLines: provenance(run, row),
  });
}

describe('eqd discover --format <language>', () => {
  for (const format of SNIPPET_FORMATS) {
    it(`${format}: prints the best formula exactly as Insert into Editor writes it`, () => {
      const printed = bestSnippet(front, format, { dataset, fileName: 'hubble.csv', loss: 'mse' }, 'unused');
      assert.equal(printed, `${insertedByExtension(format)}\n`);
      assert.match(printed, /fitted for D in \[0\.5, 2\], T \(K\) in \[100, 6000\]/);
    });
  }

  it('says why there is no formula, in a comment of the language', () => {
    const source = { dataset, fileName: 'x.csv', loss: 'mse' };
    assert.equal(
      bestSnippet([], 'rust', source, 'stopped before any formula was found'),
      '// No formula: stopped before any formula was found.\n',
    );
    assert.equal(bestSnippet([], 'markdown', source, 'no valid formula was found'), '<!-- No formula: no valid formula was found. -->\n');
  });
});
