import assert from 'node:assert/strict';
import { CurrentRunResolver, currentRunOrder, type CurrentRunSources } from '../../../src/extension/runs/currentRun';
import type { RunRecord } from '../../../src/extension/runs/runRecord';
import { runRecord } from './runRecords';

/** Sources over a set of runs: `shown`, `running` (in start order) and `saved` (newest first) name them by id. */
function sources(
  runs: RunRecord[],
  place: { shown?: string; running?: string[]; saved?: string[] },
): CurrentRunSources & { loads: string[] } {
  const loads: string[] = [];
  return {
    loads,
    shownRun: () => place.shown,
    runningRuns: () => place.running ?? [],
    savedRuns: async () => place.saved ?? [],
    load: async (id) => {
      loads.push(id);
      return runs.find((r) => r.id === id);
    },
  };
}

describe('Current run', () => {
  const [a, b, c, d] = [runRecord(), runRecord(), runRecord(), runRecord()];
  const all = [a, b, c, d];

  it('is looked for in the run shown, then the running runs latest started first, then the saved runs newest first', () => {
    assert.deepEqual(currentRunOrder('s', ['r1', 'r2'], ['n1', 'n2']), ['s', 'r2', 'r1', 'n1', 'n2']);
    assert.deepEqual(currentRunOrder(undefined, [], ['n1', 'n2']), ['n1', 'n2']);
    assert.deepEqual(currentRunOrder('r1', ['r1', 'r2'], ['r1', 'n1']), ['r1', 'r2', 'n1'], 'each run once');
  });

  it('is the run the results view shows, even while another one runs', async () => {
    const place = { shown: a.id, running: [b.id], saved: [c.id, a.id] };
    assert.equal((await new CurrentRunResolver(sources(all, place)).find())?.id, a.id);
  });

  it('is the latest started running run when the view shows none', async () => {
    const place = { running: [b.id, c.id], saved: [d.id] };
    assert.equal((await new CurrentRunResolver(sources(all, place)).find())?.id, c.id);
  });

  it('is the newest saved run when nothing is shown or running', async () => {
    const place = { saved: [d.id, a.id] };
    const found = sources(all, place);
    assert.equal((await new CurrentRunResolver(found).find())?.id, d.id);
    assert.deepEqual(found.loads, [d.id], 'older runs are not read');
  });

  it('passes over a run that is gone for the next one', async () => {
    const gone = runRecord();
    const place = { shown: gone.id, saved: [gone.id, b.id] };
    assert.equal((await new CurrentRunResolver(sources(all, place)).find())?.id, b.id);
  });

  it('is none when there is no run', async () => {
    assert.equal(await new CurrentRunResolver(sources(all, {})).find(), undefined);
  });

  it('among running runs, is the one shown when it runs, else the latest started', async () => {
    const resolver = (place: { shown?: string; running?: string[]; saved?: string[] }): CurrentRunResolver =>
      new CurrentRunResolver(sources(all, place));
    assert.equal((await resolver({ shown: a.id, running: [a.id, b.id] }).findRunning())?.id, a.id);
    assert.equal((await resolver({ shown: c.id, running: [a.id, b.id], saved: [c.id] }).findRunning())?.id, b.id);
    assert.equal(await resolver({ shown: c.id, saved: [c.id, d.id] }).findRunning(), undefined);
  });
});
