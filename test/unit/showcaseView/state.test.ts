import assert from 'node:assert/strict';
import { ShowcaseState, STATE_KEYS, type StateStore } from '../../../src/extension/showcase/state';

class MemoryStore implements StateStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
    return Promise.resolve();
  }
}

describe('Showcase view: remembered state', () => {
  it('groups by field without a filter at first', () => {
    const state = new ShowcaseState(new MemoryStore());
    assert.equal(state.grouping, 'field');
    assert.equal(state.filter, '');
    assert.equal(state.filtered, false);
  });

  it('remembers the grouping and the filter in the store', async () => {
    const store = new MemoryStore();
    const state = new ShowcaseState(store);
    await state.setGrouping('year');
    await state.setFilter('  halo  mass ');
    assert.equal(store.get(STATE_KEYS.grouping), 'year');
    assert.equal(store.get(STATE_KEYS.filter), 'halo mass');
    const again = new ShowcaseState(store);
    assert.equal(again.grouping, 'year');
    assert.equal(again.filter, 'halo mass');
    assert.equal(again.filtered, true);
  });

  it('clears the filter for blank text', async () => {
    const store = new MemoryStore();
    const state = new ShowcaseState(store);
    await state.setFilter('galaxy');
    await state.setFilter('   ');
    assert.equal(state.filter, '');
    assert.equal(state.filtered, false);
    assert.equal(store.values.has(STATE_KEYS.filter), false);
  });

  it('ignores stored values it does not know', () => {
    const store = new MemoryStore();
    store.values.set(STATE_KEYS.grouping, 'author');
    store.values.set(STATE_KEYS.filter, 42);
    const state = new ShowcaseState(store);
    assert.equal(state.grouping, 'field');
    assert.equal(state.filter, '');
  });

  it('tells listeners about changes only', async () => {
    const state = new ShowcaseState(new MemoryStore());
    let calls = 0;
    const off = state.onDidChange(() => calls++);
    await state.setGrouping('field');
    await state.setFilter('');
    assert.equal(calls, 0);
    await state.setGrouping('year');
    await state.setFilter('galaxy');
    await state.setFilter(' galaxy ');
    assert.equal(calls, 2);
    off();
    await state.setFilter('');
    assert.equal(calls, 2);
  });
});
