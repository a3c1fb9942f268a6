import assert from 'node:assert/strict';
import type { Logger } from '../../../src/extension/log';
import { RunLifecycle } from '../../../src/extension/runs/runLifecycle';
import type { RunRecord } from '../../../src/extension/runs/runRecord';
import { RunStore } from '../../../src/extension/runs/runStore';
import { flat, linear, lineRequest, ScriptedSearch } from '../../fixtures/runs/scriptedSearch';
import { MemoryFolder } from './memoryFolder';

class MemoryLog implements Logger {
  readonly lines: string[] = [];
  warn(message: string): void {
    this.lines.push(`warn: ${message}`);
  }
  error(error: string | Error): void {
    this.lines.push(`error: ${String(error)}`);
  }
}

/** A lifecycle over an in-memory store whose searches are scripted, and the events it fires, in order. */
function setUp(): {
  runs: RunLifecycle;
  searches: ScriptedSearch[];
  folder: MemoryFolder;
  store: RunStore;
  log: MemoryLog;
  events: string[];
} {
  const folder = new MemoryFolder();
  const log = new MemoryLog();
  const store = new RunStore(folder, log);
  const searches: ScriptedSearch[] = [];
  const runs = new RunLifecycle(
    store,
    () => {
      const search = new ScriptedSearch();
      searches.push(search);
      return search;
    },
    log,
  );
  const events: string[] = [];
  runs.onDidStart((r) => events.push(`start ${r.status}`));
  runs.onDidProgress((r) => events.push(`progress ${r.front.length}`));
  runs.onDidSave((r) => events.push(`save ${r.status}`));
  runs.onDidFailToSave(({ record, error }) => events.push(`save failed ${record.status}: ${error}`));
  runs.onDidEnd((r) => events.push(`end ${r.status}`));
  runs.onDidDescribe((r) => events.push(`describe ${r.description ?? ''}`));
  return { runs, searches, folder, store, log, events };
}

const expressions = (record: RunRecord | undefined): string[] => (record?.front ?? []).map((f) => f.text);

describe('Run lifecycle', () => {
  it('starts a run: a running record with the request in it, and a start event', () => {
    const { runs, events } = setUp();
    const record = runs.start(lineRequest({ selection: { startLine: 2, endLine: 11 }, description: 'a line' }));
    assert.equal(record.status, 'running');
    assert.equal(record.title, 'y from x');
    assert.equal(record.sourceUri, 'file:///data/line.csv');
    assert.equal(record.source.selection, 'lines 2–11');
    assert.equal(record.description, 'a line');
    assert.deepEqual(record.featureRanges, [[0, 9]]);
    assert.deepEqual(record.options, { operators: ['+', '*'], maxSize: 30, timeLimitSeconds: 5, workers: 1, loss: 'mse' });
    assert.deepEqual(events, ['start running']);
    assert.deepEqual(
      runs.running.map((r) => r.id),
      [record.id],
    );
    assert.equal(runs.isRunning(record.id), true);
  });

  it('records nothing when the search cannot start', () => {
    const log = new MemoryLog();
    const runs = new RunLifecycle(
      new RunStore(new MemoryFolder(), log),
      () => {
        throw new Error('no such operator: sinh');
      },
      log,
    );
    const events: string[] = [];
    runs.onDidStart(() => events.push('start'));
    assert.throws(() => runs.start(lineRequest()), /sinh/);
    assert.deepEqual(runs.running, []);
    assert.deepEqual(events, []);
  });

  it('takes in progress: the front and statistics of each report, one event each', () => {
    const { runs, searches, events } = setUp();
    const record = runs.start(lineRequest());
    searches[0]!.report([flat], 1);
    searches[0]!.report([flat, linear], 3);
    assert.deepEqual(expressions(record), ['9', '2 * x']);
    assert.deepEqual(record.front[1]!.predictions, [0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    assert.equal(record.stats.seconds, 3);
    assert.deepEqual(events, ['start running', 'progress 1', 'progress 2']);
  });

  it('takes in the fronts as the search presents them: it neither formats nor evaluates a formula', async () => {
    const { runs, searches } = setUp();
    const record = runs.start(lineRequest());
    // Text and predictions that the tree does not give: only what the presenter said can show them.
    const presented = { ...linear, text: 'as presented', latex: '\\text{as presented}', predictions: Array<number>(10).fill(7) };
    searches[0]!.report([presented]);
    assert.equal(record.front[0], presented);
    const final = { ...presented, text: 'presented at the end', predictions: null };
    searches[0]!.finish([final]);
    await runs.whenEnded(record.id);
    assert.deepEqual(record.front, [final]);
  });

  it('passes over a report it cannot read, keeping the front it had', () => {
    const { runs, searches, events, log } = setUp();
    const record = runs.start(lineRequest());
    searches[0]!.report([linear]);
    searches[0]!.report(null as never);
    assert.deepEqual(expressions(record), ['2 * x']);
    assert.deepEqual(events, ['start running', 'progress 1']);
    assert.match(log.lines.join('\n'), /could not take in the progress of y from x/);
  });

  it('finishes a run: final front and related research, saved, then ended', async () => {
    const { runs, searches, events, store } = setUp();
    const record = runs.start(lineRequest());
    searches[0]!.finish([flat, linear]);
    const ended = await runs.whenEnded(record.id);
    assert.equal(ended, record);
    assert.equal(record.status, 'finished');
    assert.equal(record.stats.stoppedBy, 'time');
    assert.deepEqual(expressions(record), ['9', '2 * x']);
    assert.deepEqual(events, ['start running', 'save finished', 'end finished']);
    assert.equal(runs.isRunning(record.id), false);
    assert.equal((await store.load(record.id))?.status, 'finished');
    assert.deepEqual(
      (await store.list()).map((s) => s.best),
      ['2 * x'],
    );
  });

  it('ends a stopped run as cancelled, with the formulas found', async () => {
    const { runs, searches, events } = setUp();
    const other = runs.start(lineRequest());
    const record = runs.start(lineRequest());
    searches[1]!.report([linear]);
    runs.stop(record.id);
    assert.deepEqual(
      searches.map((s) => s.cancelled),
      [false, true],
      'only that run is stopped',
    );
    searches[1]!.finish([linear], 'cancelled');
    await runs.whenEnded(record.id);
    assert.equal(record.status, 'cancelled');
    assert.deepEqual(expressions(record), ['2 * x']);
    assert.deepEqual(events.slice(-2), ['save cancelled', 'end cancelled']);
    assert.equal(runs.isRunning(other.id), true);
    runs.stop();
    assert.equal(searches[0]!.cancelled, true, 'no id stops every run');
  });

  it('ends a run as failed when the search says it failed, keeping its front', async () => {
    const { runs, searches } = setUp();
    const record = runs.start(lineRequest());
    searches[0]!.finish([linear], 'cancelled', 'every worker failed');
    await runs.whenEnded(record.id);
    assert.equal(record.status, 'failed');
    assert.equal(record.error, 'every worker failed');
    assert.deepEqual(expressions(record), ['2 * x']);
  });

  it('ends a run as failed when the search rejects, with the formulas reported before', async () => {
    const { runs, searches, events } = setUp();
    const record = runs.start(lineRequest());
    searches[0]!.report([linear]);
    searches[0]!.crash('worker exited with code 1');
    await runs.whenEnded(record.id);
    assert.equal(record.status, 'failed');
    assert.equal(record.error, 'worker exited with code 1');
    assert.deepEqual(expressions(record), ['2 * x']);
    assert.deepEqual(events.slice(-2), ['save failed', 'end failed']);
  });

  it('ends a run as failed when its result cannot be read, logging why', async () => {
    const { runs, searches, log, store } = setUp();
    const record = runs.start(lineRequest());
    searches[0]!.report([linear]);
    searches[0]!.finish(null as never);
    await runs.whenEnded(record.id);
    assert.equal(record.status, 'failed');
    assert.match(record.error ?? '', /could not be completed/);
    assert.deepEqual(expressions(record), ['2 * x']);
    assert.match(log.lines.join('\n'), /completing y from x failed/);
    assert.equal((await store.load(record.id))?.status, 'failed');
  });

  it('keeps a run it could not save, and says so before the run ends', async () => {
    const { runs, searches, events, folder } = setUp();
    folder.failWrite = (name) => name.startsWith('run-');
    const record = runs.start(lineRequest());
    searches[0]!.finish([linear]);
    await runs.whenEnded(record.id);
    assert.equal(events.at(-1), 'end finished');
    assert.match(events.at(-2)!, /^save failed finished: disk full while writing run-.*\.tmp$/);
    assert.equal(await runs.get(record.id), record, 'the run stays available in this window');
    runs.forget(record.id);
    assert.equal(await runs.get(record.id), undefined);
  });

  it('describes a run: related research again, saved when it is not running', async () => {
    const { runs, searches, events, store } = setUp();
    const running = runs.start(lineRequest());
    await runs.describe(running.id, 'rotation speed and luminosity of spiral galaxies');
    assert.equal(running.description, 'rotation speed and luminosity of spiral galaxies');
    assert.ok(running.related.length > 0);
    assert.deepEqual(events, ['start running', 'describe rotation speed and luminosity of spiral galaxies'], 'a running run is saved at its end');

    searches[0]!.finish([linear]);
    await runs.whenEnded(running.id);
    events.length = 0;
    await runs.describe(running.id, '');
    assert.equal(running.description, undefined);
    assert.deepEqual(events, ['save finished', 'describe ']);
    assert.equal((await store.load(running.id))?.description, undefined);
    assert.equal(await runs.describe('5f0c3a52-0f5e-4d36-8d59-3f7e1c1d8a11', 'x'), undefined);
  });

  it('tells when a run ends, also for a run that has already ended, and rejects for an unknown id', async () => {
    const { runs, searches } = setUp();
    const record = runs.start(lineRequest());
    let ended = false;
    const whenEnded = runs.whenEnded(record.id).then((r) => {
      ended = true;
      return r;
    });
    await new Promise((r) => setImmediate(r));
    assert.equal(ended, false);
    searches[0]!.finish([linear]);
    assert.equal((await whenEnded).status, 'finished');
    assert.equal((await runs.whenEnded(record.id)).id, record.id);
    await assert.rejects(runs.whenEnded('5f0c3a52-0f5e-4d36-8d59-3f7e1c1d8a11'), /no run/);
  });

  it('shuts down: stops every search and waits until each run is saved', async () => {
    const { runs, searches, store } = setUp();
    const first = runs.start(lineRequest());
    const second = runs.start(lineRequest());
    for (const search of searches) search.report([linear]);
    const cancelled = searches.map((search) => new Promise<void>((resolve) => {
      const cancel = search.cancel.bind(search);
      search.cancel = () => {
        cancel();
        setTimeout(() => search.finish([linear], 'cancelled'), 20);
        resolve();
      };
    }));
    await runs.shutdown();
    await Promise.all(cancelled);
    assert.deepEqual(runs.running, []);
    for (const record of [first, second]) assert.equal((await store.load(record.id))?.status, 'cancelled');
  });

  it('keeps telling the other listeners when one of them throws', async () => {
    const { runs, searches, events, log } = setUp();
    runs.onDidEnd(() => {
      throw new Error('broken presenter');
    });
    const record = runs.start(lineRequest());
    searches[0]!.finish([linear]);
    await runs.whenEnded(record.id);
    assert.equal(events.at(-1), 'end finished');
    assert.match(log.lines.join('\n'), /a listener of the runs failed: broken presenter/);
  });
});
