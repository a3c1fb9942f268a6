import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { binary, constant, feature } from '../../../src/engine/expressions/expression';
import { plotFront } from '../../../src/engine/front/plottedFormula';
import type { ScoredEntry } from '../../../src/engine/search/pareto';
import { FrontPresenter } from '../../../src/parallel/frontPresenter';
import { presenterReplyChecks } from '../../../src/parallel/presenterProtocolChecks';
import { PresenterWorker, presenterEndpoint } from '../../../src/parallel/presenterWorker';
import { liveWorkerCount } from '../../../src/parallel/workerThread';
import { InvalidMessageError } from '../../../src/shared/messages';

const presenterScript = join(__dirname, '..', '..', '..', 'dist', 'presenter.js');

const plotted = { names: ['D', 'T'], columns: [Float64Array.of(1, 2, 3), Float64Array.of(10, 20, 40)], rows: 3 };
const front: ScoredEntry[] = [
  { expr: constant(4), complexity: 1, loss: 9, score: 0, best: false },
  { expr: binary('*', constant(2.5), feature(0)), complexity: 3, loss: 1, score: 1.1, best: true },
  { expr: binary('/', feature(1), binary('-', feature(0), constant(2))), complexity: 5, loss: 0.5, score: 0.3, best: false },
];
const expected = plotFront(front, plotted.names, plotted.columns, plotted.rows);

describe('front presenter', function () {
  this.timeout(20_000);

  before(() => {
    assert.ok(existsSync(presenterScript), `missing ${presenterScript}: run "npm run build" first`);
  });

  it('presents fronts in its thread as the engine does, given the plotted rows once', async () => {
    const presenter = new FrontPresenter(presenterScript, plotted);
    try {
      assert.deepEqual(await presenter.present(front), expected);
      assert.deepEqual(await presenter.present(front.slice(0, 1)), expected.slice(0, 1));
      assert.equal(expected[2]!.predictions, null, 'T / (D - 2) is infinite on the second row');
      assert.equal(presenter.failure, undefined);
    } finally {
      await presenter.terminate();
    }
    assert.equal(liveWorkerCount(), 0);
    await assert.rejects(presenter.present(front), /presenter has ended/);
  });

  it('presents on the calling thread when its thread cannot run, and says why', async () => {
    const presenter = new FrontPresenter(join(__dirname, 'no-such-presenter.js'), plotted);
    try {
      assert.deepEqual(await presenter.present(front), expected);
      assert.match(presenter.failure ?? '', /the presenter thread failed/);
    } finally {
      await presenter.terminate();
    }
    assert.equal(liveWorkerCount(), 0);
  });
});

describe('front presenter: the protocol', () => {
  it('checks requests: nothing before init, then trees over the columns of init only', () => {
    const endpoint = presenterEndpoint(new PresenterWorker());
    assert.throws(() => endpoint.request({ type: 'present', front }), InvalidMessageError);
    assert.throws(() => endpoint.request({ type: 'init', ...plotted, rows: 4 }), InvalidMessageError, 'columns of 3 rows');
    assert.throws(() => endpoint.request({ type: 'init', ...plotted, names: ['D'] }), InvalidMessageError, 'a name per column');
    endpoint.request({ type: 'init', ...plotted });
    assert.deepEqual(endpoint.request({ type: 'present', front }), expected);
    for (const entry of [
      { ...front[1]!, expr: feature(2), complexity: 1 },
      { ...front[1]!, complexity: 4 },
      { ...front[1]!, loss: Number.NaN },
      { ...front[1]!, best: 'yes' },
    ]) {
      assert.throws(() => endpoint.request({ type: 'present', front: [entry] }), InvalidMessageError, JSON.stringify(entry));
    }
  });

  it('checks replies: trees over the columns, fields that agree with them, one prediction per plotted row', () => {
    const { present } = presenterReplyChecks(plotted);
    assert.ok(present(expected));
    assert.ok(present(JSON.parse(JSON.stringify(expected))), 'as a structured clone brings it');
    const law = expected[1]!;
    for (const [what, formula] of [
      ['a feature the data do not have', { ...law, expr: feature(2), complexity: 1, constants: [] }],
      ['a complexity that is not the size of the tree', { ...law, complexity: 5 }],
      ['constants other than the tree has', { ...law, constants: [2] }],
      ['predictions on other rows', { ...law, predictions: [1, 2] }],
      ['no text', { ...law, text: undefined }],
      ['no tree', { ...law, expr: undefined }],
    ] as const) {
      assert.equal(present([formula]), false, what);
    }
  });
});
