import assert from 'node:assert/strict';
import { expandAbbreviation } from '../../../src/showcase/abbreviations';
import { stem } from '../../../src/showcase/stem';
import { splitIdentifier, terms, tokenize } from '../../../src/showcase/tokenize';

const lower = (text: string): string[] => splitIdentifier(text).map((p) => p.toLowerCase());

describe('showcase tokenizer', () => {
  it('reads scientific column names', () => {
    assert.deepEqual(lower('HI_mass'), ['hi', 'mass']);
    assert.deepEqual(lower('logP'), ['log', 'p']);
    assert.deepEqual(lower('v_rot'), ['v', 'rot']);
    assert.deepEqual(lower('halo_mass'), ['halo', 'mass']);
    assert.deepEqual(lower('starFormationRate'), ['star', 'formation', 'rate']);
    assert.deepEqual(lower('XMLParser'), ['xml', 'parser']);
    assert.deepEqual(lower('H2O'), ['h', '2', 'o']);
    assert.deepEqual(lower('OD600'), ['od', '600']);
    assert.deepEqual(lower('wind-speed.m/s'), ['wind', 'speed', 'm', 's']);
  });

  it('folds accents and math letters', () => {
    assert.deepEqual(lower('Kičiatovas'), ['kiciatovas']);
    assert.deepEqual(lower('𝐶𝑓'), ['cf']);
  });

  it('drops numbers, stop words and generic research words, and stems', () => {
    const planets = terms('The velocities of 30 planets in our solar system');
    assert.deepEqual(planets, ['velocity', 'planet', 'solar', 'system']);
    assert.deepEqual(terms('We use symbolic regression to model the data'), []);
    assert.deepEqual(terms("Newton's law"), ['newton', 'law']);
  });

  it('keeps what the user wrote next to the search term', () => {
    assert.deepEqual(tokenize('Galaxies'), [{ term: 'galaxy', surface: 'galaxies' }]);
  });

  it('drops storage words only from column names', () => {
    assert.deepEqual(terms('logP', { column: true }), ['p']);
    assert.deepEqual(terms('logP'), ['log', 'p']);
    assert.deepEqual(terms('flow_id', { column: true }), ['flow']);
    assert.deepEqual(terms('x', { column: true }), []);
  });

  it('stems so that related forms meet', () => {
    const same = [
      ['velocities', 'velocity'],
      ['environmental', 'environment'],
      ['scaling', 'scale'],
      ['masses', 'mass'],
      ['galaxies', 'galaxy'],
      ['dynamical', 'dynamics'],
      ['cosmological', 'cosmology'],
      ['orbital', 'orbit'],
      ['bacteria', 'bacterial'],
      ['microbial', 'microbes'],
      ['decaying', 'decays'],
    ];
    for (const [a, b] of same) assert.equal(stem(a!), stem(b!), `${a} / ${b}`);
    assert.equal(stem('analysis'), 'analysis');
    assert.equal(stem('gas'), 'gas');
    assert.notEqual(stem('growth'), stem('grow'));
  });

  it('spells out common abbreviations, single letters with their case', () => {
    assert.equal(expandAbbreviation('rot'), 'rotation');
    assert.equal(expandAbbreviation('pT'), 'transverse momentum');
    assert.equal(expandAbbreviation('T'), 'temperature');
    assert.equal(expandAbbreviation('t'), 'time');
    assert.equal(expandAbbreviation('constructor'), undefined);
    assert.equal(expandAbbreviation('halo'), undefined);
  });
});
