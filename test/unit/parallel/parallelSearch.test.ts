import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ParallelSearch, type RunProgress } from '../../../src/parallel/parallelSearch';
import { liveWorkerCount } from '../../../src/parallel/workerHandle';
import { evaluateRow } from '../../../src/engine/evaluation/evaluate';
import { binary, constant, feature, featuresOf, structureKey } from '../../../src/engine/expressions/expression';
import { resolveOptions } from '../../../src/engine/options';
import type { ScoredEntry } from '../../../src/engine/search/pareto';
import { SearchWorker } from '../../../src/parallel/searchWorker';
import { planFaults, type WorkerFault } from '../../fixtures/parallel/faultPlan';

const root = join(__dirname, '..', '..', '..');
const workerScript = join(root, 'dist', 'worker.js');
/** The real worker with the faults `planFaults` gives it (test/fixtures/parallel/faultyWorker.ts). */
const faultyWorkerScript = join(root, 'out', 'test', 'fixtures', 'parallel', 'faultyWorker.js');

/** Threads of this process, as the operating system counts them. */
function osThreadCount(): number {
  return readdirSync('/proc/self/task').length;
}

function quadraticData(rows = 300): { X: Float64Array[]; y: Float64Array } {
  const a = Float64Array.from({ length: rows }, (_, i) => 1 + (4 * i) / rows);
  const b = Float64Array.from({ length: rows }, (_, i) => 1 + ((7 * i) % rows) / rows);
  return { X: [a, b], y: a.map((v, i) => (v * v) / b[i]!) };
}

/** a²/b plus a small ripple that arithmetic cannot express exactly. */
function inexactData(rows = 300): { X: Float64Array[]; y: Float64Array } {
  const { X, y } = quadraticData(rows);
  return { X, y: y.map((v, i) => v + 0.01 * Math.sin(7 * X[0]![i]!)) };
}

/** A formula's loss recomputed on the user's data, divided by the target scale before squaring. */
function scaledMse(entry: ScoredEntry, X: Float64Array[], y: Float64Array, targetScale: number): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const r = (evaluateRow(entry.expr, X.map((c) => c[i]!)) - y[i]!) / targetScale;
    total += r * r;
  }
  return total / y.length;
}

/** A search on an exact law ends at its time limit, or earlier once it has held an exact fit. */
function endedWell(reason: string): boolean {
  return reason === 'time' || reason === 'exact';
}

async function settleThreads(baseline: number): Promise<number> {
  for (let i = 0; i < 50 && osThreadCount() > baseline; i++) await new Promise((r) => setTimeout(r, 20));
  return osThreadCount();
}

describe('parallel search in worker threads', function () {
  this.timeout(30_000);

  before(() => {
    for (const script of [workerScript, faultyWorkerScript]) {
      assert.ok(existsSync(script), `missing ${script}: run "npm run build" first`);
    }
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
    assert.ok(endedWell(result.stoppedBy), result.stoppedBy);
    // Reports come with the workers' slices (300 ms), and the search may end a second after an exact fit.
    assert.ok(events.length >= 3, `only ${events.length} progress events`);
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

  it('stops on a cancel and keeps the front found so far', async () => {
    const threadsBefore = osThreadCount();
    const run = ParallelSearch.start(quadraticData(2000), { timeLimitSeconds: 60, seed: 2 }, { workers: 2, workerScript });
    await new Promise((r) => setTimeout(r, 1500));
    run.cancel();
    const result = await run.result;
    assert.equal(result.stoppedBy, 'cancelled');
    assert.ok(result.front.length > 0, 'the front is kept');
    assert.ok(result.evaluations > 0);
    assert.equal(liveWorkerCount(), 0);
    assert.equal(await settleThreads(threadsBefore), threadsBefore);
  });

  /** Runs a search whose workers start with `faults` (by start order), then ends the plan. */
  async function searchWithFaults(faults: (WorkerFault | null)[], workers: number, timeLimitSeconds: number, seed: number) {
    const endPlan = planFaults(faults);
    try {
      // Short slices, so that even a slow start leaves every worker several slices before the time limit.
      const parallel = { workers, workerScript: faultyWorkerScript, sliceMs: 100 };
      // A law the default operators cannot write exactly: no early stop on an exact fit comes before the faults.
      return await ParallelSearch.start(inexactData(), { timeLimitSeconds, seed }, parallel).result;
    } finally {
      endPlan();
    }
  }

  for (const [fault, error] of [
    ['throw', /^worker [01]: injected failure on slice 2$/],
    ['exit', /^worker [01]: worker [01] exited with code 3$/],
    ['malformed report', /^worker [01]: malformed runSlice reply$/],
  ] as const) {
    it(`reports a worker that fails (${fault}) and goes on with the others`, async () => {
      const result = await searchWithFaults([{ slice: 2, fault }], 2, 2, 3);
      assert.equal(result.workerErrors.length, 1, result.workerErrors.join('; '));
      assert.match(result.workerErrors[0]!, error);
      assert.equal(result.failure, undefined);
      assert.ok(endedWell(result.stoppedBy), result.stoppedBy);
      assert.ok(result.front.length > 0);
      assert.ok(result.front.every((e) => featuresOf(e.expr).every((i) => i < 2)), 'no formula of a malformed report is kept');
      assert.equal(liveWorkerCount(), 0);
    });
  }

  it('runs the faulty worker entry like the real one when it has no fault', async () => {
    const result = await searchWithFaults([], 2, 2, 3);
    assert.deepEqual(result.workerErrors, []);
    assert.ok(endedWell(result.stoppedBy), result.stoppedBy);
    assert.ok(result.front.length > 0);
  });

  it('fails with a clear message when every worker fails, keeping the front', async () => {
    const result = await searchWithFaults([{ slice: 3, fault: 'throw' }], 1, 10, 4);
    assert.equal(result.stoppedBy, 'error');
    assert.match(result.failure ?? '', /every search worker failed.*injected failure on slice 3/);
    assert.ok(result.front.length > 0, 'what the worker found before failing is kept');
    assert.equal(liveWorkerCount(), 0);
  });

  for (const [name, X, f] of [
    ['y = 2a with a ~ 1e300', [Float64Array.from({ length: 40 }, (_, i) => (1 + i / 20) * 1e300)], (a: number) => 2 * a],
    ['y = (2a + 1) 1e-170 with a ~ 1', [Float64Array.from({ length: 40 }, (_, i) => 1 + i / 20)], (a: number) => (2 * a + 1) * 1e-170],
  ] as const) {
    it(`finds ${name} and reports it in the user's units, live and at the end`, async () => {
      const y = X[0].map(f);
      const run = ParallelSearch.start({ X: [...X], y }, { maxEvaluations: 300_000, timeLimitSeconds: 20, seed: 5 }, { workers: 2, workerScript, progressIntervalMs: 0 });
      const events: RunProgress[] = [];
      run.onProgress((p) => events.push(p));
      const result = await run.result;
      assert.ok(result.stoppedBy === 'evaluations' || result.stoppedBy === 'exact', result.stoppedBy);
      const front = result.front.map((e) => `${e.complexity}: ${structureKey(e.expr)} (${e.loss})`).join(' | ');
      const best = result.front.find((e) => e.best)!;
      for (const a of [1.3, 2.9]) {
        const at = X[0][0]! * a;
        assert.ok(Math.abs(evaluateRow(best.expr, [at]) - f(at)) <= 1e-12 * Math.abs(f(at)), front);
      }
      assert.ok(events.length > 0);
      for (const p of [...events, result]) {
        assert.equal(p.targetScale, result.targetScale);
        for (const e of p.front) {
          const recomputed = scaledMse(e, [...X], y, p.targetScale);
          assert.ok(Number.isFinite(e.loss) && Math.abs(recomputed - e.loss) <= 1e-9 * e.loss + 1e-24, `${e.loss} vs ${recomputed}: ${front}`);
        }
      }
    });
  }

  it('polishes a front on a worker only within the budget it is given', () => {
    const a = Float64Array.from({ length: 30 }, (_, i) => 1 + i / 10);
    const y = a.map((v) => 3 * v - 1);
    const worker = new SearchWorker();
    worker.init({ X: [a], y, options: resolveOptions({ seed: 1 }, 30), islands: 1, seed: 1, stopFlag: new SharedArrayBuffer(4) });
    const rough = binary('-', binary('*', constant(2.9), feature(0)), constant(0.8));
    const loss = y.reduce((t, v, i) => t + (2.9 * a[i]! - 0.8 - v) ** 2, 0) / 30;
    const spent = worker.polish({ entries: [{ expr: rough, loss }], floor: 0, budgetMs: 0 });
    assert.deepEqual(spent.map((e) => [structureKey(e.expr), e.loss]), [[structureKey(rough), loss]]);
    const polished = worker.polish({ entries: [{ expr: rough, loss }], floor: 0, budgetMs: 10_000 });
    assert.ok(polished[0]!.loss < 1e-24, `${polished[0]!.loss}`);
  });

  it('rejects bad options before starting any worker', () => {
    assert.throws(() => ParallelSearch.start(quadraticData(), { operators: ['+', 'foo'] }, { workerScript }), /unknown operator "foo"/);
    assert.throws(() => ParallelSearch.start({ X: [new Float64Array(3)], y: new Float64Array(4) }, {}, { workerScript }), /feature 0 has 3 rows/);
    assert.equal(liveWorkerCount(), 0);
  });
});
