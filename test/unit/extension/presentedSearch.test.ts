import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ColumnEvaluator, evaluateRow } from '../../../src/engine/evaluation/evaluate';
import { constant } from '../../../src/engine/expressions/expression';
import { frontFormulas } from '../../../src/engine/front/frontFormula';
import type { PlottedFormula } from '../../../src/engine/front/plottedFormula';
import type { ScoredEntry } from '../../../src/engine/search/pareto';
import type { Logger } from '../../../src/extension/log';
import { PresentedSearch } from '../../../src/extension/runs/presentedSearch';
import { RunLifecycle } from '../../../src/extension/runs/runLifecycle';
import { RunStore } from '../../../src/extension/runs/runStore';
import { parallelSearchStarter } from '../../../src/extension/runs/startSearch';
import type { Presenter } from '../../../src/parallel/frontPresenter';
import type { RunProgress, RunResult } from '../../../src/parallel/parallelSearch';
import { liveWorkerCount } from '../../../src/parallel/workerThread';
import { lineRequest } from '../../fixtures/runs/scriptedSearch';
import { MemoryFolder } from './memoryFolder';

const dist = join(__dirname, '..', '..', '..', 'dist');
const scripts = { worker: join(dist, 'worker.js'), presenter: join(dist, 'presenter.js') };
const quiet: Logger = { warn: () => undefined, error: () => undefined };

/** A front of one constant formula, `value`, standing for the search's report number `value`. */
const frontOf = (value: number): ScoredEntry[] => [{ expr: constant(value), complexity: 1, loss: 1, score: 0, best: true }];
const progressOf = (value: number): RunProgress =>
  ({ front: frontOf(value), evaluations: value, evaluationsPerSecond: 1, seconds: value, iterations: 1, targetScale: 1, workers: 1 });

/** A search the test drives, reporting fronts of constants. */
class FakeSearch {
  readonly result: Promise<RunResult>;
  finish!: (value: number) => void;
  private readonly listeners: ((progress: RunProgress) => void)[] = [];
  constructor() {
    this.result = new Promise((resolve) => {
      this.finish = (value) => resolve({ ...progressOf(value), stoppedBy: 'time', workerErrors: [] });
    });
  }
  onProgress(listener: (progress: RunProgress) => void): void {
    this.listeners.push(listener);
  }
  report(value: number): void {
    for (const listener of this.listeners) listener(progressOf(value));
  }
  cancel(): void {}
}

/** A presenter whose presentations end when the test says, in order. */
class HeldPresenter implements Presenter {
  readonly asked: number[] = [];
  terminated = false;
  private readonly held: (() => void)[] = [];
  present(front: readonly ScoredEntry[]): Promise<PlottedFormula[]> {
    this.asked.push((front[0]!.expr as { value: number }).value);
    return new Promise((resolve) => this.held.push(() => resolve(frontFormulas(front, []).map((f) => ({ ...f, predictions: null })))));
  }
  async release(): Promise<void> {
    this.held.shift()?.();
    await new Promise((r) => setImmediate(r));
  }
  async terminate(): Promise<void> {
    this.terminated = true;
  }
}

describe('Presented search', () => {
  it('presents the latest report while one is being presented, passing over those it overtook', async () => {
    const search = new FakeSearch();
    const presenter = new HeldPresenter();
    const presented = new PresentedSearch(search, presenter);
    const shown: string[] = [];
    presented.onProgress((p) => shown.push(p.front.map((f) => f.text).join()));
    search.report(1);
    search.report(2);
    search.report(3);
    await presenter.release();
    assert.deepEqual(shown, ['1']);
    await presenter.release();
    assert.deepEqual(shown, ['1', '3'], 'report 2 was overtaken by report 3 while 1 was presented');
    assert.deepEqual(presenter.asked, [1, 3]);

    search.finish(4);
    await new Promise((r) => setImmediate(r));
    search.report(5);
    await presenter.release();
    const result = await presented.result;
    assert.deepEqual(result.front.map((f) => f.text), ['4']);
    assert.deepEqual(presenter.asked, [1, 3, 4], 'nothing reported after the end is presented');
    assert.equal(presenter.terminated, true);
    assert.deepEqual(shown, ['1', '3']);
  });
});

describe('Presented search in threads: a live run on the extension host', function () {
  this.timeout(30_000);

  before(() => {
    for (const script of Object.values(scripts)) assert.ok(existsSync(script), `missing ${script}: run "npm run build" first`);
  });

  it('takes in ready fronts: no formula is evaluated on the calling thread while the run goes on', async () => {
    const runs = new RunLifecycle(new RunStore(new MemoryFolder(), quiet), parallelSearchStarter(scripts), quiet);
    const evaluate = ColumnEvaluator.prototype.evaluate;
    let evaluations = 0;
    const reports: PlottedFormula[][] = [];
    runs.onDidProgress((record) => reports.push(record.front));
    const request = lineRequest({ settings: { options: { operators: ['+', '*'], timeLimitSeconds: 5 }, workers: 1 } });
    // Counted once the search has started: preparing it (before the first worker starts) is not the run's job.
    const id = runs.start(request).id;
    ColumnEvaluator.prototype.evaluate = function (this: ColumnEvaluator, ...args) {
      evaluations++;
      return evaluate.apply(this, args);
    };
    try {
      await runs.whenEnded(id);
    } finally {
      ColumnEvaluator.prototype.evaluate = evaluate;
      runs.dispose();
    }
    const record = (await runs.get(id))!;
    assert.equal(record.status, 'finished');
    assert.equal(evaluations, 0, 'formulas evaluated on the extension host');
    assert.ok(reports.length > 0, 'progress came in');
    assert.ok(record.front.length > 0);
    const { X } = request.dataset;
    for (const formula of record.front) {
      const values = Array.from({ length: request.dataset.rows }, (_, i) => evaluateRow(formula.expr, [X[0]![i]!]));
      assert.deepEqual(formula.predictions, values, formula.text);
      assert.ok(formula.text.length > 0 && formula.latex.length > 0);
    }
    assert.equal(liveWorkerCount(), 0, 'the presenter thread ended with the run');
  });

  it('still shows the formulas when the presenter thread cannot run, and logs why', async () => {
    const lines: string[] = [];
    const log: Logger = { warn: (message) => lines.push(message), error: (error) => lines.push(String(error)) };
    const broken = { ...scripts, presenter: join(dist, 'no-such-presenter.js') };
    const runs = new RunLifecycle(new RunStore(new MemoryFolder(), quiet), parallelSearchStarter(broken), log);
    try {
      const request = lineRequest({ settings: { options: { operators: ['+', '*'], timeLimitSeconds: 5 }, workers: 1 } });
      const record = await runs.whenEnded(runs.start(request).id);
      assert.equal(record.status, 'finished');
      assert.ok(record.front.length > 0 && record.front.every((f) => f.predictions !== null && f.text.length > 0), JSON.stringify(record.front.map(({ expr: _e, ...f }) => f)));
      assert.match(lines.join('\n'), /^y from x: the presenter thread failed \(.+\)$/m);
    } finally {
      runs.dispose();
    }
    assert.equal(liveWorkerCount(), 0);
  });
});
