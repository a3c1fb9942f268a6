import assert from 'node:assert/strict';
import { Bm25Index } from '../../../src/showcase/bm25';

describe('BM25F index', () => {
  const index = new Bm25Index(
    [
      { title: ['halo', 'mass'], abstract: ['halo', 'gas', 'gas', 'gas'] },
      { title: ['planet'], abstract: ['gas', 'orbit'] },
      { title: ['wind'], abstract: ['turbine', 'gas'] },
    ],
    { k1: 1.2, b: 0.75, weights: { title: 3, abstract: 1 } },
  );

  it('gives rare terms more weight than common ones, and unknown terms the most', () => {
    assert.ok(index.idf('planet') > index.idf('gas'));
    assert.ok(index.idf('unheard') > index.idf('planet'));
    assert.ok(index.idf('gas') > 0);
    assert.equal(index.df('gas'), 3);
  });

  it('weights fields and saturates term frequency below the bound', () => {
    assert.ok(index.termScore(0, 'halo') > index.termScore(0, 'gas') / 3);
    assert.ok(index.termScore(1, 'planet') > 0 && index.termScore(1, 'planet') < index.maxTermScore('planet'));
    assert.equal(index.termScore(2, 'planet'), 0);
    assert.deepEqual([...index.fieldsOf(0, 'halo')].sort(), ['abstract', 'title']);
  });

  it('normalises by document length', () => {
    const short = new Bm25Index([{ a: ['x'] }, { a: ['x', 'y', 'y', 'y', 'y', 'y', 'y', 'y'] }, { a: ['z'] }], {
      k1: 1.2,
      b: 0.75,
      weights: {},
    });
    assert.ok(short.termScore(0, 'x') > short.termScore(1, 'x'));
  });
});
