import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { binary, constant, feature } from '../../src/engine/expressions/expression';
import { plotFront } from '../../src/engine/front/plottedFormula';
import { copyFormula } from '../../src/extension/actions/formulaActions';
import type { Logger } from '../../src/extension/log';
import { RunLifecycle } from '../../src/extension/runs/runLifecycle';
import { RunStore, type RunRecord } from '../../src/extension/runs/runStore';
import { workspaceStoreFolder } from '../../src/extension/runs/workspaceStoreFolder';
import { RunsTreeProvider } from '../../src/extension/views/runsTree';

const quiet: Logger = { warn: () => undefined, error: () => undefined };

function record(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    id: randomUUID(),
    title: 'v from D',
    createdAt: new Date().toISOString(),
    status: 'finished',
    source: { fileName: 'hubble.csv', rows: 2, droppedRows: 0 },
    sourceUri: 'file:///data/hubble.csv',
    target: 'v',
    features: ['D'],
    featureRanges: [[1, 2]],
    options: { operators: ['+', '*'], maxSize: 30, timeLimitSeconds: 60, workers: 1, loss: 'mse' },
    plotRows: { features: [[1, 2]], target: [475, 950] },
    front: plotFront([{ expr: binary('*', constant(475), feature(0)), complexity: 3, loss: 1, score: 1, best: true }], ['D'], [Float64Array.of(1, 2)], 2),
    stats: { evaluations: 10, evaluationsPerSecond: 5, seconds: 2, stoppedBy: 'time' },
    related: [],
    ...overrides,
  };
}

const encoder = new TextEncoder();
const write = (uri: vscode.Uri, text: string): Thenable<void> => vscode.workspace.fs.writeFile(uri, encoder.encode(text));
const read = async (uri: vscode.Uri): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
const exists = (uri: vscode.Uri): Thenable<boolean> =>
  vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );

/** A store in a fresh folder `<tmp>/<random>/runs`, as the extension keeps one in its storage. */
function freshStore(): { parent: vscode.Uri; folder: vscode.Uri; store: () => RunStore } {
  const parent = vscode.Uri.file(mkdtempSync(join(tmpdir(), 'eqd-store-')));
  const folder = vscode.Uri.joinPath(parent, 'runs');
  return { parent, folder, store: () => new RunStore(workspaceStoreFolder(folder), quiet) };
}

/** Runs of a window where nothing runs. */
function idleRuns(store: RunStore): RunLifecycle {
  return new RunLifecycle(
    store,
    () => {
      throw new Error('no search starts in these tests');
    },
    quiet,
  );
}

describe('Saved runs on disk', function () {
  this.timeout(30_000);

  it('survive a truncated runs.json: the list is rebuilt from the run files and the next save keeps them', async () => {
    const { folder, store } = freshStore();
    const first = store();
    const runs = [record({ createdAt: '2026-01-01T00:00:00Z' }), record({ createdAt: '2026-01-02T00:00:00Z' })];
    for (const run of runs) await first.save(run);
    const index = vscode.Uri.joinPath(folder, 'runs.json');
    await write(index, (await read(index)).slice(0, 25));

    const reopened = store();
    assert.deepEqual(
      (await reopened.list()).map((s) => s.id),
      [runs[1]!.id, runs[0]!.id],
    );
    const next = record();
    await reopened.save(next);
    assert.deepEqual(
      (await store().list()).map((s) => s.id),
      [next.id, runs[1]!.id, runs[0]!.id],
    );
    const left = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
    assert.deepEqual(left.filter((name) => name.endsWith('.tmp')), [], 'no temporary file is left');
  });

  it('show in the Runs view when runs.json holds {}', async () => {
    const { folder, store } = freshStore();
    const run = record();
    await store().save(run);
    await write(vscode.Uri.joinPath(folder, 'runs.json'), '{}');
    const reopened = store();
    const runs = idleRuns(reopened);
    const tree = new RunsTreeProvider(reopened, runs);
    try {
      const children = await tree.getChildren();
      assert.deepEqual(
        children.map((c) => c.id),
        [run.id],
      );
      const item = tree.getTreeItem(children[0]!);
      assert.ok(item.tooltip instanceof vscode.MarkdownString);
      assert.notEqual(item.tooltip.isTrusted, true);
      assert.notEqual(item.tooltip.supportHtml, true);
    } finally {
      tree.dispose();
      runs.dispose();
    }
  });

  it('never reach a file outside the store through an id such as /../../x', async () => {
    const { parent, folder, store } = freshStore();
    const good = record();
    await store().save(good);
    // What `run-${id}.json` resolved to for that id: a file next to the store's folder.
    const outside = vscode.Uri.joinPath(parent, 'x.json');
    await write(outside, 'precious');
    const summaries = JSON.parse(await read(vscode.Uri.joinPath(folder, 'runs.json'))) as unknown[];
    await write(vscode.Uri.joinPath(folder, 'runs.json'), JSON.stringify([{ ...(summaries[0] as object), id: '/../../x' }, ...summaries]));

    const reopened = store();
    assert.deepEqual(
      (await reopened.list()).map((s) => s.id),
      [good.id],
    );
    await assert.rejects(reopened.delete('/../../x'), /not a run id/);
    assert.equal(await reopened.load('/../../x'), undefined);
    for (let i = 0; i < 3; i++) await reopened.save(record());
    assert.equal(await read(outside), 'precious');
  });

  it('take a new title from Rename, in the store and the Runs view, and name a stopped run "Stopped"', async () => {
    const { store } = freshStore();
    const opened = store();
    const run = record({ status: 'cancelled' });
    await opened.save(run);
    const runs = idleRuns(opened);
    const tree = new RunsTreeProvider(opened, runs);
    try {
      const renamed = await runs.rename(run.id, 'Hubble 1929, second try');
      assert.equal(renamed?.title, 'Hubble 1929, second try');
      assert.equal((await store().load(run.id))?.title, 'Hubble 1929, second try');
      const [child] = await tree.getChildren();
      const item = tree.getTreeItem(child!);
      assert.equal(item.label, 'Hubble 1929, second try');
      assert.ok(item.tooltip instanceof vscode.MarkdownString);
      assert.match(item.tooltip.value, /^\*\*Hubble 1929\\, second try\*\*\n\nStopped · /);
      assert.equal(await runs.rename('00000000-0000-4000-8000-000000000000', 'x'), undefined);
    } finally {
      tree.dispose();
      runs.dispose();
    }
  });

  it('keep both of two saves made before the list was read', async () => {
    const { store } = freshStore();
    const earlier = record();
    await store().save(earlier);
    const reopened = store();
    const [a, b] = [record(), record()];
    await Promise.all([reopened.save(a), reopened.save(b)]);
    assert.deepEqual(
      (await store().list()).map((s) => s.id).sort(),
      [a.id, b.id, earlier.id].sort(),
    );
  });

  it('open a run saved when runs kept only formula texts, whose formulas copy as before', async () => {
    const { folder, store } = freshStore();
    const run = record();
    const textOnly = { ...run, front: run.front.map(({ expr: _expr, constants: _constants, text, ...row }) => ({ ...row, expression: text })) };
    await vscode.workspace.fs.createDirectory(folder);
    await write(vscode.Uri.joinPath(folder, `run-${run.id}.json`), JSON.stringify(textOnly));
    const loaded = await store().load(run.id);
    assert.ok(loaded);
    assert.deepEqual(loaded.front, run.front);
    await copyFormula(loaded, 3, 'python');
    assert.equal(await vscode.env.clipboard.readText(), '475.0 * D');
  });

  it('include a run whose record was saved but whose index entry was not', async () => {
    const { folder, store } = freshStore();
    const run = record();
    await vscode.workspace.fs.createDirectory(folder);
    await write(vscode.Uri.joinPath(folder, `run-${run.id}.json`), JSON.stringify(run));
    assert.equal(await exists(vscode.Uri.joinPath(folder, 'runs.json')), false);
    const reopened = store();
    assert.deepEqual(
      (await reopened.list()).map((s) => s.id),
      [run.id],
    );
    await reopened.idle();
    assert.equal(await exists(vscode.Uri.joinPath(folder, 'runs.json')), true);
  });
});
