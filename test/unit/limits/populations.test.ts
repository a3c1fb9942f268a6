import assert from 'node:assert/strict';
import { MAX_POPULATIONS, OptionsError, resolveOptions } from '../../../src/engine/options';

describe('Search option limits', () => {
  it('allows up to 100 populations and refuses more', () => {
    assert.equal(MAX_POPULATIONS, 100);
    assert.equal(resolveOptions({ populations: 100 }, 50).populations, 100);
    assert.throws(() => resolveOptions({ populations: 101 }, 50), OptionsError);
    assert.throws(() => resolveOptions({ populations: 100_000 }, 50), /populations must be at most 100/);
  });

  it('allows formulas of 3 to 100 nodes and populations of 4 to 1000 formulas', () => {
    assert.equal(resolveOptions({ maxSize: 100, populationSize: 1000 }, 50).populationSize, 1000);
    assert.throws(() => resolveOptions({ maxSize: 101 }, 50), /maxSize must be at most 100/);
    assert.throws(() => resolveOptions({ maxSize: 2 }, 50), /maxSize must be a positive integer of at least 3/);
    assert.throws(() => resolveOptions({ populationSize: 1001 }, 50), /populationSize must be at most 1000/);
  });
});
