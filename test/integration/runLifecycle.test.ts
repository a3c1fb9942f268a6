import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { PlottedFormula } from '../../src/engine/front/plottedFormula';
import type { Logger } from '../../src/extension/log';
import { RunLifecycle } from '../../src/extension/runs/runLifecycle';
import { RunStore, type RunRecord } from '../../src/extension/runs/runStore';
import type { StoreFolder } from '../../src/extension/runs/storeFolder';
import { workspaceStoreFolder } from '../../src/extension/runs/workspaceStoreFolder';
import { linear, lineRequest, ScriptedSearch } from '../fixtures/runs/scriptedSearch';

const quiet: Logger = { warn: () => undefined, error: () => undefined };
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

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

function setUp(search: ScriptedSearch, writeDelayMs = 0): { manager: RunLifecycle; reopen: () => RunStore } {
  const folder = vscode.Uri.file(join(mkdtempSync(join(tmpdir(), 'eqd-lifecycle-')), 'runs'));
  const store = new RunStore(slowFolder(workspaceStoreFolder(folder), writeDelayMs), quiet);
  const manager = new RunLifecycle(store, () => search, quiet);
  return { manager, reopen: () => new RunStore(workspaceStoreFolder(folder), quiet) };
}

function start(manager: RunLifecycle): RunRecord {
  return manager.start(lineRequest());
}

function ended(manager: RunLifecycle, id: string, timeoutMs = 10_000): Promise<RunRecord> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the run was still running after ${timeoutMs / 1000} s`)), timeoutMs);
    const listener = manager.onDidEnd((r) => {
      if (r.id === id) {
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
      search.finish(null as unknown as PlottedFormula[]);
      const run = await done;
      assert.equal(run.status, 'failed');
      assert.match(run.error ?? '', /could not be completed/);
      assert.deepEqual(
        run.front.map((f) => f.text),
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
