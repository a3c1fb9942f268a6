import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PAPERS, paperById } from '../../../src/showcase/papers';

const root = join(__dirname, '../../..');

describe('showcase papers', () => {
  const curated = parse(readFileSync(join(root, 'data/paper-tags.yml'), 'utf8')) as { fields: string[] };

  it('has the 32 papers of the source, each with tags', () => {
    assert.equal(PAPERS.length, 32);
    for (const p of PAPERS) {
      assert.ok(curated.fields.includes(p.field), `${p.id}: ${p.field}`);
      assert.ok(p.methods.length > 0 && p.keywords.length > 0, p.id);
    }
  });

  it('has unique slug ids', () => {
    const ids = PAPERS.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    assert.equal(paperById('modeling-assembly-bias-with-machine-learning')?.year, 2020);
  });

  it('strips affiliation markers from author names but keeps the names whole', () => {
    const authors = PAPERS.flatMap((p) => p.authors);
    assert.ok(authors.every((a) => !/\(\s*\d/.test(a)));
    assert.ok(authors.includes('King Kuok (Mimi) Hii'));
    assert.deepEqual(paperById('discovering-interpretable-models-of-scientific-image')?.affiliations, [
      'The Alan Turing Institute',
      'University College London',
    ]);
  });

  it('keeps the LaTeX abstract and gives a plain-text one', () => {
    const p = paperById('symbolic-regression-analysis-of-dynamical-dark')!;
    assert.ok(p.abstract.includes('$\\Lambda$CDM'));
    assert.ok(p.abstractText.includes('ΛCDM'));
    assert.ok(p.abstractText.includes('Ω_m'));
    for (const q of PAPERS) assert.ok(!q.abstractText.includes('$') && !q.abstractText.includes('\\'), q.id);
  });

  it('takes the year from the date', () => {
    for (const p of PAPERS) assert.equal(p.year, Number(p.date.slice(0, 4)));
  });
});
