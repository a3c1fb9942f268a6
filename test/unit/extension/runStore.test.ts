import assert from 'node:assert/strict';
import { binary, constant, feature } from '../../../src/engine/expressions/expression';
import type { Logger } from '../../../src/extension/log';
import { parseIndex, RunStore, type RunRecord } from '../../../src/extension/runs/runStore';
import { MemoryFolder } from './memoryFolder';
import { runRecord } from './runRecords';

class MemoryLog implements Logger {
  readonly lines: string[] = [];
  warn(message: string): void {
    this.lines.push(`warn: ${message}`);
  }
  error(error: string | Error): void {
    this.lines.push(`error: ${String(error)}`);
  }
}

function setUp(): { folder: MemoryFolder; store: RunStore; log: MemoryLog } {
  const folder = new MemoryFolder();
  const log = new MemoryLog();
  return { folder, store: new RunStore(folder, log), log };
}

/** Saves runs with a fresh store, as earlier sessions did; returns them oldest first. */
async function savedRuns(folder: MemoryFolder, count: number): Promise<RunRecord[]> {
  const store = new RunStore(folder, new MemoryLog());
  const runs: RunRecord[] = [];
  for (let i = 0; i < count; i++) {
    const run = runRecord({ createdAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(), title: `run ${i}` });
    await store.save(run);
    runs.push(run);
  }
  return runs;
}

const ids = (summaries: { id: string }[]): string[] => summaries.map((s) => s.id);
const newestFirst = (runs: RunRecord[]): string[] => [...runs].reverse().map((r) => r.id);

describe('Run store', () => {
  it('saves the first run of an empty folder without a word of repair', async () => {
    const { folder, store, log } = setUp();
    const run = runRecord();
    await store.save(run);
    assert.deepEqual(ids(await new RunStore(folder, new MemoryLog()).list()), [run.id]);
    assert.deepEqual(log.lines, []);
  });

  it('keeps a run where it is in the list when it is saved again', async () => {
    const { folder, store } = setUp();
    const runs = await savedRuns(folder, 3);
    await store.save({ ...runs[0]!, description: 'described later' });
    assert.deepEqual(ids(await store.list()), newestFirst(runs));
    assert.deepEqual(ids(await new RunStore(folder, new MemoryLog()).list()), newestFirst(runs));
  });

  it('reads the index and keeps it as it is when it matches the run files', async () => {
    const { folder, store, log } = setUp();
    const runs = await savedRuns(folder, 3);
    const before = folder.text('runs.json');
    assert.deepEqual(ids(await store.list()), newestFirst(runs));
    assert.equal(folder.text('runs.json'), before);
    assert.deepEqual(log.lines, []);
  });

  it('rebuilds a truncated index from the run files, and the next save keeps every earlier run', async () => {
    const { folder, store, log } = setUp();
    const runs = await savedRuns(folder, 3);
    folder.setText('runs.json', folder.text('runs.json')!.slice(0, 40));
    assert.deepEqual(ids(await store.list()), newestFirst(runs));
    await store.idle();
    assert.deepEqual(ids(parseIndex(folder.text('runs.json')!).summaries), newestFirst(runs), 'the index on disk is repaired');
    assert.match(log.lines.join('\n'), /rebuilt/);

    const next = runRecord({ createdAt: '2027-01-01T00:00:00.000Z' });
    await store.save(next);
    assert.deepEqual(ids(await store.list()), [next.id, ...newestFirst(runs)]);
  });

  it('lists the runs of an index holding {} instead of throwing', async () => {
    const { folder, store } = setUp();
    const runs = await savedRuns(folder, 2);
    folder.setText('runs.json', '{}');
    assert.deepEqual(ids(await store.list()), newestFirst(runs));
  });

  it('rebuilds a missing index, adds runs the index misses and drops entries whose file is gone', async () => {
    const { folder, store } = setUp();
    const runs = await savedRuns(folder, 3);
    const index = parseIndex(folder.text('runs.json')!).summaries;
    // The newest run's entry is lost, the oldest run's file is gone.
    folder.setText('runs.json', JSON.stringify(index.slice(1)));
    folder.files.delete(`run-${runs[0]!.id}.json`);
    assert.deepEqual(ids(await store.list()), [runs[2]!.id, runs[1]!.id]);

    const other = setUp();
    const lost = await savedRuns(other.folder, 2);
    other.folder.files.delete('runs.json');
    assert.deepEqual(ids(await other.store.list()), newestFirst(lost));
    await other.store.idle();
    assert.ok(other.folder.files.has('runs.json'));
  });

  it('leaves out index entries that are not run summaries, such as an id that is a path', async () => {
    const { folder, store } = setUp();
    const [run] = await savedRuns(folder, 1);
    const good = parseIndex(folder.text('runs.json')!).summaries[0]!;
    folder.setText('x.json', 'precious');
    folder.setText(
      'runs.json',
      JSON.stringify([{ ...good, id: '/../../x' }, good, { id: 5 }, null, 'run', { ...good, status: 'weird' }, good]),
    );
    assert.deepEqual(ids(await store.list()), [run!.id]);
    await store.idle();
    const parsed = parseIndex(folder.text('runs.json')!);
    assert.deepEqual(ids(parsed.summaries), [run!.id]);
    assert.equal(parsed.damaged, false, 'the repaired index holds only valid entries');
    assert.equal(folder.text('x.json'), 'precious');
  });

  it('refuses an id that is not a run id, whatever it asks for', async () => {
    const { folder, store } = setUp();
    await savedRuns(folder, 1);
    const before = new Map(folder.files);
    for (const id of ['/../../x', '../runs', 'x', '']) {
      assert.equal(await store.load(id), undefined);
      await assert.rejects(store.delete(id), /not a run id/);
      await assert.rejects(store.save(runRecord({ id })), /not a run id/);
    }
    assert.ok(folder.reads.every((name) => /^run-[0-9a-f-]{36}\.json$|^runs\.json$/.test(name)), folder.reads.join());
    assert.deepEqual([...folder.files.keys()].sort(), [...before.keys()].sort());
  });

  it('keeps both of two saves started together, before the index was read', async () => {
    const { folder } = setUp();
    const earlier = await savedRuns(folder, 1);
    const store = new RunStore(folder, new MemoryLog());
    const [a, b] = [runRecord({ title: 'a', createdAt: '2026-02-01T00:00:00Z' }), runRecord({ title: 'b', createdAt: '2026-02-02T00:00:00Z' })];
    await Promise.all([store.save(a), store.save(b)]);
    assert.deepEqual(ids(await store.list()), [b.id, a.id, earlier[0]!.id]);
    const fresh = new RunStore(folder, new MemoryLog());
    assert.deepEqual(ids(await fresh.list()), [b.id, a.id, earlier[0]!.id]);
  });

  it('never leaves a truncated index or run file when a write fails', async () => {
    const { folder, store } = setUp();
    const runs = await savedRuns(folder, 2);
    const index = folder.text('runs.json');
    folder.failWrite = () => true;
    await assert.rejects(store.save(runRecord()), /disk full/);
    await assert.rejects(store.save({ ...runs[0]!, title: 'renamed' }), /disk full/);
    assert.equal(folder.text('runs.json'), index);
    assert.equal((await new RunStore(folder, new MemoryLog()).load(runs[0]!.id))?.title, runs[0]!.title);
    assert.deepEqual([...folder.files.keys()].filter((n) => n.endsWith('.tmp')), [], 'no temporary file is left');

    folder.failWrite = undefined;
    const next = runRecord();
    await store.save(next);
    assert.deepEqual(ids(await store.list()), [next.id, ...newestFirst(runs)], 'a failed save does not block the next one');
  });

  it('removes temporary files a crash left behind', async () => {
    const { folder, store } = setUp();
    await savedRuns(folder, 1);
    folder.setText('runs.json.0123456789ab.tmp', '[{"id":');
    await store.list();
    await store.idle();
    assert.equal(folder.files.has('runs.json.0123456789ab.tmp'), false);
  });

  it('skips a damaged run file, and one that holds another run', async () => {
    const { folder, store, log } = setUp();
    const [a, b] = await savedRuns(folder, 2);
    folder.setText(`run-${a!.id}.json`, '{"id": "tr');
    folder.setText(`run-${b!.id}.json`, JSON.stringify(runRecord()));
    assert.equal(await store.load(a!.id), undefined);
    assert.equal(await store.load(b!.id), undefined);
    assert.match(log.lines.join('\n'), /damaged/);
  });

  it('loads runs saved before feature ranges and related research were recorded', async () => {
    const { folder, store } = setUp();
    const { featureRanges: _ranges, related: _related, ...old } = runRecord();
    folder.setText(`run-${old.id}.json`, JSON.stringify(old));
    const loaded = await store.load(old.id);
    assert.ok(loaded);
    assert.deepEqual(loaded.featureRanges, []);
    assert.deepEqual(loaded.related, []);
    assert.deepEqual(ids(await store.list()), [old.id], 'and lists them');
  });

  it('saves each formula with its tree and loads it back as it was', async () => {
    const { folder, store, log } = setUp();
    const run = runRecord();
    await store.save(run);
    const loaded = await new RunStore(folder, log).load(run.id);
    assert.deepEqual(loaded, run);
    assert.deepEqual(loaded!.front[1]!.expr, binary('*', constant(475), feature(0)));
    assert.deepEqual(loaded!.front[1]!.constants, [475]);
    assert.deepEqual(log.lines.filter((l) => l.startsWith('warn: the saved run ')), [], 'nothing left out');
  });

  it('loads a run saved when runs kept only the text of their formulas, with the trees read from it', async () => {
    const { folder, store, log } = setUp();
    const run = runRecord();
    const textOnly = { ...run, front: run.front.map(({ expr: _expr, constants: _constants, text, ...row }) => ({ ...row, expression: text })) };
    folder.setText(`run-${run.id}.json`, JSON.stringify(textOnly));
    const loaded = await store.load(run.id);
    assert.deepEqual(loaded, run);
    assert.deepEqual(ids(await store.list()), [run.id], 'and lists it, with its best formula');
    assert.equal((await store.list())[0]!.best, '475 * D');
    assert.deepEqual(log.lines.filter((l) => l.startsWith('warn: the saved run ')), [], 'nothing left out');
  });

  it('leaves out a saved formula whose tree is malformed, saying which, and keeps the run and the others', async () => {
    const { folder, store, log } = setUp();
    const [other, run] = await savedRuns(folder, 2);
    const saved = JSON.parse(folder.text(`run-${run!.id}.json`)!) as { front: Record<string, unknown>[] };
    saved.front[1]!['expr'] = { kind: 'binary', op: '*', left: { kind: 'constant', value: 475 }, right: { kind: 'feature', index: 3 } };
    folder.setText(`run-${run!.id}.json`, JSON.stringify(saved));

    const loaded = await store.load(run!.id);
    assert.ok(loaded, 'the run is not lost');
    assert.deepEqual(loaded.front, run!.front.slice(0, 1));
    assert.match(
      log.lines.join('\n'),
      new RegExp(`warn: the saved run ${run!.id}: the formula of complexity 3 has a malformed tree \\(not an expression over the run's 1 column\\); it was left out`),
    );
    assert.deepEqual(await store.load(other!.id), other);
    assert.deepEqual(ids(await store.list()), newestFirst([other!, run!]));
  });

  it('leaves out a saved formula whose fields disagree with its tree, or whose text cannot be read back', async () => {
    const { folder, store, log } = setUp();
    const run = runRecord();
    const [flat, law] = JSON.parse(JSON.stringify(run.front)) as Record<string, unknown>[];
    folder.setText(
      `run-${run.id}.json`,
      JSON.stringify({ ...run, front: [{ ...flat, constants: [491] }, { ...law, expr: undefined, expression: '475 *' }] }),
    );
    const loaded = await store.load(run.id);
    assert.deepEqual(loaded?.front, []);
    assert.match(log.lines.join('\n'), /the formula of complexity 1 has fields that are missing, mistyped or disagree with its tree/);
    assert.match(log.lines.join('\n'), /the formula of complexity 3 could not be read back from its text: .*475 \*/);
  });

  it('keeps the newest 50 runs and deletes the files of older ones', async () => {
    const { folder, store } = setUp();
    const runs = await savedRuns(folder, 51);
    assert.equal((await store.list()).length, 50);
    assert.equal(folder.files.has(`run-${runs[0]!.id}.json`), false);
    assert.equal(folder.files.has(`run-${runs[1]!.id}.json`), true);
  });

  it('deletes a run and its file, and tells listeners', async () => {
    const { folder, store } = setUp();
    const [a, b] = await savedRuns(folder, 2);
    let changes = 0;
    const listener = store.onDidChange(() => changes++);
    await store.delete(a!.id);
    assert.deepEqual(ids(await store.list()), [b!.id]);
    assert.equal(folder.files.has(`run-${a!.id}.json`), false);
    assert.equal(changes, 1);
    listener.dispose();
    await store.delete(b!.id);
    assert.equal(changes, 1);
  });

  it('says when every write asked for has ended', async () => {
    const { folder, store } = setUp();
    const runs = [runRecord(), runRecord(), runRecord()];
    const saves = runs.map((run) => store.save(run));
    await store.idle();
    assert.deepEqual(
      runs.map((r) => folder.files.has(`run-${r.id}.json`)),
      [true, true, true],
    );
    assert.equal(parseIndex(folder.text('runs.json')!).summaries.length, 3);
    await Promise.all(saves);
  });
});

describe('Run store: index parsing', () => {
  it('says a truncated, empty or non-list index is damaged', () => {
    for (const text of ['', '[{"id": "0b7c', '{}', 'null', '"runs"', '{"runs": []}']) {
      const parsed = parseIndex(text);
      assert.deepEqual(parsed, { summaries: [], damaged: true }, text);
    }
    assert.deepEqual(parseIndex('[]'), { summaries: [], damaged: false });
  });
});
