import assert from 'node:assert/strict';
import { DataFileMemory } from '../../../src/extension/input/dataFileMemory';
import type { Logger } from '../../../src/extension/log';

/** The workspace state as VS Code keeps it: values go through JSON. */
class MemoryState {
  readonly values = new Map<string, unknown>();

  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  update(key: string, value: unknown): Thenable<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
}

function setUp(): { state: MemoryState; memory: DataFileMemory; warnings: string[] } {
  const state = new MemoryState();
  const warnings: string[] = [];
  const log: Logger = { warn: (m) => warnings.push(m), error: (e) => warnings.push(String(e)) };
  return { state, memory: new DataFileMemory(state, log), warnings };
}

const uri = 'file:///data/hubble.csv';

describe('Data file memory', () => {
  it('remembers the columns and the description of each file in one record', async () => {
    const { state, memory } = setUp();
    await memory.update(uri, { columns: { target: 'v', features: ['D'] } });
    await memory.update(uri, { description: 'distances and velocities of galaxies' });
    await memory.update('file:///data/other.csv', { description: 'other' });
    assert.deepEqual(memory.get(uri), { columns: { target: 'v', features: ['D'] }, description: 'distances and velocities of galaxies' });
    assert.deepEqual(state.get(`dataFile:${uri}`), memory.get(uri));
    assert.deepEqual(memory.get('file:///data/other.csv'), { description: 'other' });
    assert.deepEqual(memory.get('file:///data/never.csv'), {});
  });

  it('forgets a note set to undefined, and the record once it is empty', async () => {
    const { state, memory } = setUp();
    await memory.update(uri, { columns: { target: 'v', features: ['D'] }, description: 'galaxies' });
    await memory.update(uri, { description: undefined });
    assert.deepEqual(memory.get(uri), { columns: { target: 'v', features: ['D'] } });
    await memory.update(uri, { columns: undefined });
    assert.equal(state.values.size, 0);
  });

  it('ignores a record that is not valid, saying so in the log, and replaces it on the next update', async () => {
    const { state, memory, warnings } = setUp();
    for (const damaged of ['text', 7, null, [], { columns: { target: 'v', features: 'D' } }, { description: 3 }, { columns: { features: [] } }]) {
      state.values.set(`dataFile:${uri}`, damaged);
      assert.deepEqual(memory.get(uri), {}, JSON.stringify(damaged));
    }
    assert.equal(warnings.length, 7);
    assert.match(warnings[0]!, /ignored what was remembered of file:\/\/\/data\/hubble\.csv/);
    await memory.update(uri, { description: 'galaxies' });
    assert.deepEqual(state.get(`dataFile:${uri}`), { description: 'galaxies' });
  });

  it('reads what earlier versions kept under keys of their own, and moves it into the record on the next update', async () => {
    const { state, memory } = setUp();
    state.values.set(`columns:${uri}`, { target: 'v', features: ['D'] });
    state.values.set(`description:${uri}`, 'galaxies');
    assert.deepEqual(memory.get(uri), { columns: { target: 'v', features: ['D'] }, description: 'galaxies' });
    await memory.update(uri, { columns: { target: 'D', features: ['v'] } });
    assert.deepEqual([...state.values.keys()], [`dataFile:${uri}`]);
    assert.deepEqual(memory.get(uri), { columns: { target: 'D', features: ['v'] }, description: 'galaxies' });
  });

  it('ignores an earlier version\'s note that is not valid, keeping the other', () => {
    const { state, memory } = setUp();
    state.values.set(`columns:${uri}`, { target: 'v' });
    state.values.set(`description:${uri}`, 'galaxies');
    assert.deepEqual(memory.get(uri), { description: 'galaxies' });
    state.values.set(`columns:${uri}`, { target: 'v', features: ['D'] });
    state.values.set(`description:${uri}`, { text: 'galaxies' });
    assert.deepEqual(memory.get(uri), { columns: { target: 'v', features: ['D'] } });
  });

  it('gives notes that changing does not change what is remembered', async () => {
    const { memory } = setUp();
    await memory.update(uri, { columns: { target: 'v', features: ['D'] } });
    memory.get(uri).columns!.features.push('x');
    assert.deepEqual(memory.get(uri).columns, { target: 'v', features: ['D'] });
  });
});
