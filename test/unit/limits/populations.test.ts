import assert from 'node:assert/strict';
import { MAX_POPULATIONS, OptionsError, resolveOptions } from '../../../src/engine/options';

describe('Search option limits', () => {
  it('allows up to 100 populations and refuses more', () => {
    assert.equal(MAX_POPULATIONS, 100);
    assert.equal(resolveOptions({ populations: 100 }, 50).populations, 100);
    assert.throws(() => resolveOptions({ populations: 101 }, 50), OptionsError);
    assert.throws(() => resolveOptions({ populations: 100_000 }, 50), /populations must be at most 100/);
  });
});
