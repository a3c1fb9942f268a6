import assert from 'node:assert/strict';
import { PAPERS, paperById } from '../../../src/showcase';
import { filterPapers, matchRanges, normalizeFilter, parseFilter } from '../../../src/extension/showcase/filter';

const ids = (filter: string): string[] => filterPapers(PAPERS, filter).map((p) => p.id);

describe('Showcase view: filter', () => {
  it('keeps every paper for an empty or blank filter', () => {
    assert.equal(ids('').length, 32);
    assert.equal(ids('   \t ').length, 32);
    assert.deepEqual(parseFilter('  ').terms, []);
  });

  it('normalizes white space', () => {
    assert.equal(normalizeFilter('  halo \n  mass '), 'halo mass');
    assert.equal(normalizeFilter(undefined), '');
    assert.equal(parseFilter(' halo   mass ').text, 'halo mass');
  });

  it('stems words, so "galaxies" finds the papers that say "galaxy" and the other way round', () => {
    const plural = ids('galaxies');
    assert.ok(plural.length >= 3, `${plural.length} papers`);
    assert.deepEqual(plural, ids('galaxy'));
    assert.ok(plural.includes('modeling-the-galaxy-halo-connection-with'));
    assert.deepEqual(ids('Galaxies'), plural);
  });

  it('needs every word of the filter', () => {
    const both = ids('halo mass');
    assert.ok(both.length > 0);
    const halo = new Set(ids('halo'));
    const mass = new Set(ids('mass'));
    assert.ok(both.every((id) => halo.has(id) && mass.has(id)));
    assert.equal(both.length, [...halo].filter((id) => mass.has(id)).length);
    assert.ok(both.length < mass.size);
  });

  it('searches titles, abstracts, authors and tags', () => {
    assert.deepEqual(ids('Kidger'), ['on-neural-differential-equations-section-6']);
    assert.ok(ids('Wadekar').length >= 3);
    // an accented author matches with or without the accent
    assert.deepEqual(ids('Kičiatovas'), ['discovering-data-driven-microbial-growth-models']);
    assert.deepEqual(ids('kiciatovas'), ['discovering-data-driven-microbial-growth-models']);
    // "Monod" is a tag; "optical density" a tag only
    assert.ok(ids('optical density').includes('discovering-data-driven-microbial-growth-models'));
    // title words
    assert.deepEqual(ids('sonic crystals'), ['analytical-formulae-for-design-of-one']);
    // abstract only
    const abstractOnly = ids('Lyapunov');
    assert.ok(abstractOnly.includes('individual-chaotic-behaviour-of-the-s'));
  });

  it('drops stop words when the filter has other words, and uses them when it has nothing else', () => {
    assert.deepEqual(ids('the black holes'), ids('black holes'));
    const sr = ids('symbolic regression');
    assert.ok(sr.length > 20 && sr.length <= 32);
    assert.deepEqual(parseFilter('symbolic regression').terms.map((t) => t.term), ['symbolic', 'regression']);
  });

  it('matches the start of words only for terms no paper has as a word', () => {
    assert.deepEqual(parseFilter('mass').terms, [{ term: 'mass', prefix: false }]);
    assert.deepEqual(parseFilter('cosmo').terms, [{ term: 'cosmo', prefix: true }]);
    assert.ok(ids('cosmo').length > 0);
    assert.ok(ids('cosmo').every((id) => /cosmolog/i.test(JSON.stringify(paperById(id)))));
    // "coli" is a word (E. coli): the author "Colin" does not match it
    assert.deepEqual(ids('coli'), ['discovering-data-driven-microbial-growth-models']);
    // two letters are never a prefix
    assert.deepEqual(ids('ga'), []);
  });

  it('finds nothing for words no paper has', () => {
    assert.deepEqual(ids('xyzzy'), []);
    assert.deepEqual(ids('galaxy xyzzy'), []);
  });

  it('marks the words of a title that the filter asks for', () => {
    const title = 'Modeling the galaxy-halo connection with machine learning';
    const ranges = matchRanges(title, parseFilter('galaxies halo'));
    assert.deepEqual(
      ranges.map(([s, e]) => title.slice(s, e)),
      ['galaxy', 'halo'],
    );
    assert.deepEqual(matchRanges(title, parseFilter('')), []);
    const cosmo = 'Symbolic regression in cosmological simulations';
    assert.deepEqual(
      matchRanges(cosmo, parseFilter('cosmo')).map(([s, e]) => cosmo.slice(s, e)),
      ['cosmological'],
    );
  });
});
