import assert from 'node:assert/strict';
import { restoredView } from '../../../src/extension/results/restoredState';

describe('Results panel restored after a reload', () => {
  const id = '0b7c6c64-3f2e-4d3e-9a3b-6f1d2c9e8a71';

  it('shows the run and selection its saved state names', () => {
    assert.deepEqual(restoredView({ runId: id, selectedComplexity: 5, copyFormat: 'rust' }), { runId: id, selectedComplexity: 5 });
    assert.deepEqual(restoredView({ runId: id }), { runId: id });
  });

  it('shows nothing for a state that is not valid or names no run', () => {
    for (const state of [
      undefined,
      null,
      'x',
      {},
      { runId: '/../../x' },
      { runId: '../runs' },
      { runId: id, selectedComplexity: 'all' },
      { runId: id, selectedComplexity: 2.5 },
      { runId: id, copyFormat: 'cobol' },
      { runId: 42 },
    ]) {
      assert.deepEqual(restoredView(state), {}, JSON.stringify(state));
    }
  });
});
