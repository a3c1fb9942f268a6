import assert from 'node:assert/strict';
import { capWorkers, workerCountOf, workerThreads } from '../../../src/engine/options';

describe('Options schema: worker threads', () => {
  it('starts one thread per core but one for auto, at least one, and never more than the cores', () => {
    assert.equal(workerThreads('auto', 8), 7);
    assert.equal(workerThreads('auto', 1), 1);
    assert.equal(workerThreads(3, 8), 3);
    assert.equal(workerThreads(5000, 8), 8);
    assert.throws(() => workerThreads(0, 8), RangeError);
    assert.throws(() => workerThreads(1.5, 8), /workers must be a positive integer or auto, got 1.5/);
  });

  it('lowers a number to the cores and keeps auto as it is', () => {
    assert.equal(capWorkers(5000, 4), 4);
    assert.equal(capWorkers(2, 4), 2);
    assert.equal(capWorkers('auto', 4), 'auto');
  });

  it('reads 0, as settings and runs saved before write it, as auto', () => {
    assert.equal(workerCountOf(0), 'auto');
    assert.equal(workerCountOf(3), 3);
    assert.equal(workerCountOf('auto'), 'auto');
  });
});
