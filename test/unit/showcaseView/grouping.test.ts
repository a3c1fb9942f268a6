import assert from 'node:assert/strict';
import { PAPERS } from '../../../src/showcase';
import { countText, fieldLabel, groupPapers } from '../../../src/extension/showcase/grouping';

describe('Showcase view: grouping', () => {
  it('groups all 32 papers by field, fields in alphabetical order, each paper once', () => {
    const groups = groupPapers(PAPERS, 'field');
    assert.equal(PAPERS.length, 32);
    assert.equal(groups.reduce((n, g) => n + g.papers.length, 0), 32);
    assert.equal(new Set(groups.flatMap((g) => g.papers.map((p) => p.id))).size, 32);
    const labels = groups.map((g) => g.label);
    assert.deepEqual(labels, [...labels].sort((a, b) => a.localeCompare(b)));
    for (const g of groups) assert.ok(g.papers.every((p) => fieldLabel(p.field) === g.label && p.field === g.key));
    const cosmology = groups.find((g) => g.key === 'cosmology');
    assert.equal(cosmology?.label, 'Cosmology');
    assert.equal(cosmology?.papers.length, PAPERS.filter((p) => p.field === 'cosmology').length);
  });

  it('groups by year, newest year first', () => {
    const groups = groupPapers(PAPERS, 'year');
    const years = groups.map((g) => Number(g.label));
    assert.deepEqual(years, [...new Set(PAPERS.map((p) => p.year))].sort((a, b) => b - a));
    for (const g of groups) assert.ok(g.papers.every((p) => String(p.year) === g.key));
    assert.equal(groups.reduce((n, g) => n + g.papers.length, 0), 32);
  });

  it('puts the newest paper first within a group, then orders by title', () => {
    for (const grouping of ['field', 'year'] as const) {
      for (const g of groupPapers(PAPERS, grouping)) {
        for (let i = 1; i < g.papers.length; i++) {
          const [a, b] = [g.papers[i - 1]!, g.papers[i]!];
          assert.ok(a.date > b.date || (a.date === b.date && a.title.localeCompare(b.title) <= 0), `${a.id} before ${b.id}`);
        }
      }
    }
  });

  it('leaves out groups without papers', () => {
    const two = PAPERS.filter((p) => p.field === 'mathematics');
    assert.deepEqual(
      groupPapers(two, 'field').map((g) => [g.label, g.papers.length]),
      [['Mathematics', two.length]],
    );
    assert.deepEqual(groupPapers([], 'year'), []);
  });

  it('labels fields with a capital and counts papers in words', () => {
    assert.equal(fieldLabel('climate & earth science'), 'Climate & earth science');
    assert.equal(countText(1), '1 paper');
    assert.equal(countText(0), '0 papers');
    assert.equal(countText(7), '7 papers');
  });
});
