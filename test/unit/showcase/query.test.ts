import assert from 'node:assert/strict';
import { buildQuery, type Concept } from '../../../src/showcase/query';

const find = (concepts: readonly Concept[], written: string): Concept => {
  const c = concepts.find((x) => x.written === written);
  assert.ok(c, `no concept "${written}" in ${concepts.map((x) => x.written).join(', ')}`);
  return c;
};

describe('showcase queries', () => {
  it('makes one concept per word of a column name', () => {
    const q = buildQuery({ columns: ['halo_mass', 'HI_mass', 'environment'] });
    assert.deepEqual(
      q.map((c) => c.key),
      ['halo', 'mass', 'hi', 'environment'],
    );
    assert.equal(find(q, 'mass').weight, 0.5, 'a generic quantity weighs half');
    assert.equal(find(q, 'halo').weight, 1);
  });

  it('spells out abbreviations as alternatives', () => {
    const q = buildQuery({ columns: ['v_rot', 'jet_pT', 'Re'] });
    assert.deepEqual(
      find(q, 'rot').alternatives.map((a) => a.surface),
      ['rot', 'rotation'],
    );
    assert.deepEqual(
      find(q, 'pt').alternatives.map((a) => a.terms),
      [['p', 't'], ['transvers', 'momentum']],
    );
    assert.deepEqual(find(q, 're').alternatives[0]!.terms, ['reynold', 'number']);
    const v = find(q, 'v');
    assert.ok(v.guess);
    assert.equal(v.alternatives[1]!.surface, 'velocity');
    assert.ok(v.alternatives[1]!.factor < 1);
  });

  it('adds one concept per formula shape, the first weighing more', () => {
    const q = buildQuery({ columns: ['mass'], shapes: ['exponential decay', 'power law'] });
    const shapes = q.filter((c) => c.source === 'shape');
    assert.deepEqual(
      shapes.map((c) => c.shape),
      ['exponential decay', 'power law'],
    );
    assert.ok(shapes[0]!.weight > shapes[1]!.weight);
    assert.deepEqual(
      shapes[1]!.alternatives.map((a) => a.surface),
      ['power law', 'scaling relation'],
    );
  });

  it('keeps description words apart from column words', () => {
    const q = buildQuery({ columns: ['flow'], description: 'commuting flows between cities' });
    assert.deepEqual(
      q.map((c) => [c.key, c.source]),
      [
        ['flow', 'column'],
        ['commut', 'description'],
        ['city', 'description'],
      ],
    );
  });
});
