import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateRow } from '../../../src/engine/evaluation/evaluate';
import { MAX_POLISH_SHARE } from '../../../src/engine/search/timeBudget';
import { runSearch } from '../../../src/engine/search/search';
import { ParallelSearch, type RunProgress } from '../../../src/parallel/parallelSearch';
import { liveWorkerCount } from '../../../src/parallel/workerHandle';
import { resolveOptions } from '../../../src/engine/options';
import { SearchWorker } from '../../../src/parallel/searchWorker';

const workerScript = join(__dirname, '..', '..', '..', 'dist', 'worker.js');

const a = Float64Array.from({ length: 60 }, (_, i) => 1 + i / 20);
/** Kinetic energy of a rotating mass, y = 0.5 * m * r^2 * w^2: a law the structure analyses read off. */
const m = Float64Array.from({ length: 200 }, (_, i) => 1 + ((i * 37) % 200) / 50);
const r = Float64Array.from({ length: 200 }, (_, i) => 0.5 + ((i * 91) % 200) / 80);
const w = Float64Array.from({ length: 200 }, (_, i) => 1 + ((i * 53) % 200) / 22);
const rotation = { X: [m, r, w], y: m.map((v, i) => 0.5 * v * r[i]! ** 2 * w[i]! ** 2) };
const SCIENTIFIC = ['+', '-', '*', '/', '^', 'sqrt', 'exp', 'log', 'sin', 'cos'];
const isRotationLaw = (e: { expr: Parameters<typeof evaluateRow>[0]; loss: number }): boolean =>
  e.loss < 1e-20 && Math.abs(evaluateRow(e.expr, [2, 3, 4]) - 144) < 1e-9;

/** y = a^2 with noise: fronts on which the criteria pick different formulas. */
const noisy = { X: [a], y: a.map((v, i) => v * v + 0.3 * Math.sin(7 * i)) };

describe('parallel search: the pipeline stages on workers', function () {
  this.timeout(30_000);

  before(() => {
    assert.ok(existsSync(workerScript), `missing ${workerScript}: run "npm run build" first`);
  });

  it('stops at each budget as the single-thread search does', async () => {
    const line = { X: [a], y: a.map((v) => 3 * v + 1) };
    for (const [options, reason] of [
      [{ iterations: 1, populations: 2 }, 'iterations'],
      [{ maxEvaluations: 5000 }, 'evaluations'],
      [{ lossThreshold: 1e-12 }, 'lossThreshold'],
    ] as const) {
      const result = await ParallelSearch.start(line, { ...options, seed: 21 }, { workers: 2, workerScript }).result;
      assert.equal(result.stoppedBy, reason, result.workerErrors.join('; '));
      assert.equal(runSearch(line, { ...options, seed: 21 }).stoppedBy, reason, 'single thread');
    }
    assert.equal(liveWorkerCount(), 0);
  });

  it('polishes without a time limit (iterations or evaluations only), with no worker refusing the request', async () => {
    const line = { X: [a], y: a.map((v) => 3 * v + 1) };
    for (const options of [{ iterations: 2, populations: 2 }, { maxEvaluations: 5000 }]) {
      const result = await ParallelSearch.start(
        line,
        { ...options, timeLimitSeconds: Number.POSITIVE_INFINITY, seed: 23 },
        { workers: 2, workerScript },
      ).result;
      assert.deepEqual(result.workerErrors, []);
      assert.equal(result.failure, undefined);
      assert.ok(result.front.length > 0);
    }
  });

  it('ends within the time limit, polishing included', async () => {
    const result = await ParallelSearch.start(noisy, { timeLimitSeconds: 1.5, seed: 22 }, { workers: 2, workerScript }).result;
    assert.equal(result.stoppedBy, 'time');
    assert.ok(result.seconds >= 1.5 * (1 - MAX_POLISH_SHARE) && result.seconds < 1.5 + 0.25, `${result.seconds} s`);
  });

  it('gives its front in the user units, as the single-thread search does', async () => {
    const X = [a.map((v) => v * 1e-250)];
    const y = X[0]!.map((v) => 4 * v + 3e-250);
    const options = { maxEvaluations: 30_000, timeLimitSeconds: 20, seed: 23 };
    const parallel = await ParallelSearch.start({ X, y }, options, { workers: 2, workerScript }).result;
    const single = runSearch({ X, y }, options);
    for (const [name, result] of [['parallel', parallel], ['single thread', single]] as const) {
      const best = result.front[result.front.length - 1]!;
      for (const x of [1.2e-250, 3.9e-250]) {
        assert.ok(Math.abs(evaluateRow(best.expr, [x]) / (4 * x + 3e-250) - 1) < 1e-9, `${name} at ${x}`);
      }
    }
  });

  it('marks the best formula by the modelSelection option', async () => {
    const marked = new Map<string, number>();
    for (const modelSelection of ['best', 'accuracy'] as const) {
      const run = ParallelSearch.start(noisy, { modelSelection, maxEvaluations: 30_000, seed: 24, operators: ['+', '-', '*', '/', 'sin'] }, { workers: 2, workerScript });
      const { front } = await run.result;
      const best = front.findIndex((e) => e.best);
      if (modelSelection === 'accuracy') assert.equal(best, front.length - 1, 'the lowest loss is the last of the front');
      marked.set(modelSelection, front[best]!.complexity);
    }
    assert.ok(marked.get('best')! < marked.get('accuracy')!, `${[...marked]}`);
  });

  it('puts the structure analyses of one worker on the front within a small evaluation budget', async () => {
    const result = await ParallelSearch.start(rotation, { operators: SCIENTIFIC, maxEvaluations: 2000, seed: 26 }, { workers: 2, workerScript }).result;
    assert.deepEqual(result.workerErrors, []);
    assert.ok(result.stoppedBy === 'evaluations' || result.stoppedBy === 'exact', result.stoppedBy);
    assert.ok(result.front.some(isRotationLaw), result.front.map((e) => e.complexity).join(' '));
  });

  it('runs the structure analyses on the worker asked to, in its first slice; the others get them from the front', () => {
    const options = resolveOptions({ operators: SCIENTIFIC, seed: 27 }, rotation.y.length);
    const init = { ...rotation, options, islands: 2, stopFlag: new SharedArrayBuffer(4) };
    const analysing = new SearchWorker();
    const other = new SearchWorker();
    analysing.init({ ...init, seed: 1, structureAnalysis: true });
    other.init({ ...init, seed: 2 });
    const slice = { budgetMs: 0, migrants: [], fame: [] };
    const first = analysing.runSlice(slice);
    assert.ok(first.fame.some(isRotationLaw));
    assert.ok(!other.runSlice(slice).fame.some(isRotationLaw));
    assert.ok(other.runSlice({ ...slice, fame: first.fame }).fame.some(isRotationLaw));
  });

  it('ends on a cancel without polishing, with the front the workers last sent', async () => {
    const run = ParallelSearch.start(noisy, { timeLimitSeconds: 60, seed: 25 }, { workers: 2, workerScript, progressIntervalMs: 0 });
    const events: RunProgress[] = [];
    await new Promise<void>((resolve) =>
      run.onProgress((p) => {
        events.push(p);
        if (events.length === 3) resolve();
      }),
    );
    run.cancel();
    const result = await run.result;
    assert.equal(result.stoppedBy, 'cancelled');
    assert.ok(result.seconds < 10);
    const last = events[events.length - 1]!;
    const rows = (front: RunProgress['front']) => front.map((e) => [e.complexity, e.loss]);
    assert.ok(result.front.length > 0);
    assert.deepEqual(rows(result.front), rows(last.front), 'polishing would have refitted the constants');
    assert.equal(liveWorkerCount(), 0);
  });
});
