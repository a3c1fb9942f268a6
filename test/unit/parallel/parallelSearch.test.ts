import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ParallelSearch, type RunProgress } from '../../../src/parallel/parallelSearch';
import { liveWorkerCount } from '../../../src/parallel/workerHandle';
import { evaluateRow } from '../../../src/engine/evaluate';

const workerScript = join(__dirname, '..', '..', '..', 'dist', 'worker.js');

/** Threads of this process, as the operating system counts them. */
function osThreadCount(): number {
  return readdirSync('/proc/self/task').length;
}

function quadraticData(rows = 300): { X: Float64Array[]; y: Float64Array } {
  const a = Float64Array.from({ length: rows }, (_, i) => 1 + (4 * i) / rows);
  const b = Float64Array.from({ length: rows }, (_, i) => 1 + ((7 * i) % rows) / rows);
  return { X: [a, b], y: a.map((v, i) => (v * v) / b[i]!) };
}

async function settleThreads(baseline: number): Promise<number> {
  for (let i = 0; i < 50 && osThreadCount() > baseline; i++) await new Promise((r) => setTimeout(r, 20));
  return osThreadCount();
}

describe('parallel search in worker threads', function () {
  this.timeout(30_000);

  before(() => {
    assert.ok(existsSync(workerScript), `missing ${workerScript}: run "npm run build" first`);
  });

  it('finds an exact law with two workers and reports progress with the front', async () => {
    const threadsBefore = osThreadCount();
    const data = quadraticData();
    const run = ParallelSearch.start(data, { timeLimitSeconds: 4, seed: 1 }, { workers: 2, workerScript, progressIntervalMs: 100 });
    const events: RunProgress[] = [];
    run.onProgress((p) => events.push(p));
    const result = await run.result;
    assert.equal(result.workers, 2);
    assert.deepEqual(result.workerErrors, []);
    assert.equal(result.stoppedBy, 'time');
    assert.ok(events.length >= 5, `only ${events.length} progress events`);
    for (let i = 1; i < events.length; i++) {
      assert.ok(events[i]!.evaluations >= events[i - 1]!.evaluations, 'evaluations never go down');
      assert.ok(events[i]!.seconds - events[i - 1]!.seconds >= 0.09, 'progress is throttled');
    }
    assert.ok(events.every((e) => e.front.length > 0 && e.workers === 2));
    const exact = result.front.find((e) => e.loss < 1e-20);
    assert.ok(exact, 'the exact law a^2/b is on the front');
    assert.ok(exact.complexity <= 5);
    assert.ok(Math.abs(evaluateRow(exact.expr, [3, 2]) - 4.5) < 1e-12);
    assert.equal(result.front.filter((e) => e.best).length, 1);
    assert.equal(liveWorkerCount(), 0);
    assert.equal(await settleThreads(threadsBefore), threadsBefore, 'no worker thread outlives the search');
  });

  it('stops within 200 ms of a cancel and keeps the front found so far', async () => {
    const threadsBefore = osThreadCount();
    const run = ParallelSearch.start(quadraticData(2000), { timeLimitSeconds: 60, seed: 2 }, { workers: 2, workerScript });
    await new Promise((r) => setTimeout(r, 1500));
    const cancelledAt = performance.now();
    run.cancel();
    const result = await run.result;
    const elapsed = performance.now() - cancelledAt;
    assert.ok(elapsed < 200, `cancel took ${elapsed.toFixed(0)} ms`);
    assert.equal(result.stoppedBy, 'cancelled');
    assert.ok(result.front.length > 0, 'the front is kept');
    assert.ok(result.evaluations > 0);
    assert.equal(liveWorkerCount(), 0);
    assert.equal(await settleThreads(threadsBefore), threadsBefore);
  });

  for (const mode of ['throw', 'exit'] as const) {
    it(`reports a worker that fails (${mode}) and goes on with the others`, async () => {
      const run = ParallelSearch.start(
        quadraticData(),
        { timeLimitSeconds: 2, seed: 3 },
        { workers: 2, workerScript, fault: { worker: 1, failOnSlice: 2, mode } },
      );
      const result = await run.result;
      assert.equal(result.workerErrors.length, 1);
      assert.match(result.workerErrors[0]!, mode === 'throw' ? /worker 1: injected failure on slice 2/ : /worker 1 exited with code 3/);
      assert.equal(result.failure, undefined);
      assert.equal(result.stoppedBy, 'time');
      assert.ok(result.front.length > 0);
      assert.equal(liveWorkerCount(), 0);
    });
  }

  it('fails with a clear message when every worker fails, keeping the front', async () => {
    const run = ParallelSearch.start(
      quadraticData(),
      { timeLimitSeconds: 10, seed: 4 },
      { workers: 1, workerScript, fault: { worker: 0, failOnSlice: 3, mode: 'throw' } },
    );
    const result = await run.result;
    assert.equal(result.stoppedBy, 'error');
    assert.match(result.failure ?? '', /every search worker failed.*injected failure on slice 3/);
    assert.ok(result.front.length > 0, 'what the worker found before failing is kept');
    assert.equal(liveWorkerCount(), 0);
  });

  it('rejects bad options before starting any worker', () => {
    assert.throws(() => ParallelSearch.start(quadraticData(), { operators: ['+', 'foo'] }, { workerScript }), /unknown operator "foo"/);
    assert.throws(() => ParallelSearch.start({ X: [new Float64Array(3)], y: new Float64Array(4) }, {}, { workerScript }), /feature 0 has 3 rows/);
    assert.equal(liveWorkerCount(), 0);
  });
});
