import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Dataset } from '../../src/data';
import { binary, constant, feature } from '../../src/engine/expressions/expression';
import type { ScoredEntry } from '../../src/engine/search/pareto';
import type { Logger } from '../../src/extension/log';
import { RunManager, type SearchHandle } from '../../src/extension/runs/runManager';
import { RunStore, type RunRecord } from '../../src/extension/runs/runStore';
import type { StoreFolder } from '../../src/extension/runs/storeFolder';
import { workspaceStoreFolder } from '../../src/extension/runs/workspaceStoreFolder';
import type { RunProgress, RunResult } from '../../src/parallel/parallelSearch';

const quiet: Logger = { warn: () => undefined, error: () => undefined };
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A search the test drives: it reports the progress it is given and ends when told to. */
class ScriptedSearch implements SearchHandle {
  readonly result: Promise<RunResult>;
  cancelled = false;
  private finishWith!: (result: RunResult) => void;
  private readonly listeners: ((progress: RunProgress) => void)[] = [];

  constructor(private readonly onCancel?: (search: ScriptedSearch) => void) {
    this.result = new Promise((resolve) => (this.finishWith = resolve));
  }

  onProgress(listener: (progress: RunProgress) => void): void {
    this.listeners.push(listener);
  }

  cancel(): void {
    this.cancelled = true;
    this.onCancel?.(this);
  }

  report(front: ScoredEntry[]): void {
    const progress = { front, evaluations: 100, evaluationsPerSecond: 50, seconds: 2, iterations: 1, workers: 1, targetScale: 1 };
    for (const listener of this.listeners) listener(progress as RunProgress);
  }

  finish(front: ScoredEntry[], stoppedBy: RunResult['stoppedBy'] = 'time'): void {
    const result = { front, evaluations: 200, evaluationsPerSecond: 50, seconds: 4, iterations: 2, workers: 1, targetScale: 1 };
    this.finishWith({ ...result, workerErrors: [], stoppedBy } as RunResult);
  }
}

const linear: ScoredEntry = { expr: binary('*', constant(2), feature(0)), complexity: 3, loss: 0, score: 1, best: true };

function dataset(): Dataset {
  const x = Float64Array.from({ length: 10 }, (_, i) => i);
  return {
    X: [x],
    y: x.map((v) => 2 * v),
    featureNames: ['x'],
    targetName: 'y',
    rows: 10,
    lineOfRow: Int32Array.from({ length: 10 }, (_, i) => i + 2),
    dropped: { rows: 0, byColumn: {}, firstLines: [] },
  };
}

/** A store folder whose writes take a while, as on a slow disk. */
function slowFolder(folder: StoreFolder, ms: number): StoreFolder {
  return {
    ...folder,
    write: async (name, bytes) => {
      await sleep(ms);
      await folder.write(name, bytes);
    },
  };
}

function setUp(search: ScriptedSearch, writeDelayMs = 0): { manager: RunManager; reopen: () => RunStore } {
  const folder = vscode.Uri.file(join(mkdtempSync(join(tmpdir(), 'eqd-manager-')), 'runs'));
  const store = new RunStore(slowFolder(workspaceStoreFolder(folder), writeDelayMs), quiet);
  const manager = new RunManager(store, 'no worker', () => search);
  return { manager, reopen: () => new RunStore(workspaceStoreFolder(folder), quiet) };
}

function start(manager: RunManager): RunRecord {
  return manager.start({
    dataset: dataset(),
    sourceUri: vscode.Uri.file('/data/line.csv'),
    fileName: 'line.csv',
    settings: { options: { operators: ['+', '*'], timeLimitSeconds: 5 }, workers: 1 },
  });
}

function ended(manager: RunManager, id: string, timeoutMs = 10_000): Promise<RunRecord> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the run was still running after ${timeoutMs / 1000} s`)), timeoutMs);
    const listener = manager.onDidUpdateRun((r) => {
      if (r.id === id && r.status !== 'running') {
        clearTimeout(timer);
        listener.dispose();
        resolve(r);
      }
    });
  });
}

describe('Runs of a window', function () {
  this.timeout(30_000);

  it('end as failed, with the formulas found so far, when completing them throws', async () => {
    const search = new ScriptedSearch();
    const { manager, reopen } = setUp(search);
    try {
      const record = start(manager);
      const done = ended(manager, record.id);
      search.report([linear]);
      assert.equal(record.front.length, 1);
      // A result the completion cannot read.
      search.finish(null as unknown as ScoredEntry[]);
      const run = await done;
      assert.equal(run.status, 'failed');
      assert.match(run.error ?? '', /could not be completed/);
      assert.deepEqual(
        run.front.map((f) => f.expression),
        ['2 * x'],
      );
      assert.equal(manager.isRunning(record.id), false);
      assert.equal((await reopen().load(record.id))?.status, 'failed', 'and it is saved');
    } finally {
      manager.dispose();
    }
  });

  it('are completed and saved before the shutdown of the window ends', async () => {
    const search = new ScriptedSearch((s) => setTimeout(() => s.finish([linear], 'cancelled'), 200));
    const { manager, reopen } = setUp(search, 300);
    try {
      const record = start(manager);
      search.report([linear]);
      await manager.shutdown();
      assert.equal(search.cancelled, true);
      const saved = await reopen().load(record.id);
      assert.equal(saved?.status, 'cancelled');
      assert.equal(saved?.front.length, 1);
    } finally {
      manager.dispose();
    }
  });
});
