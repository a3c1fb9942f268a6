import assert from 'node:assert/strict';
import { PAPERS } from '../../../src/showcase';
import { buildTree, filterMessage, findPaper, paperNodeId } from '../../../src/extension/showcase/model';

describe('Showcase view: tree model', () => {
  it('holds the 32 papers in groups, each paper node pointing to its group', () => {
    for (const grouping of ['field', 'year'] as const) {
      const tree = buildTree(grouping, '');
      assert.equal(tree.count, 32);
      assert.equal(tree.groups.reduce((n, g) => n + g.papers.length, 0), 32);
      for (const group of tree.groups) {
        assert.equal(group.grouping, grouping);
        for (const node of group.papers) {
          assert.equal(node.parent, group);
          assert.equal(tree.node(node.paper.id), node);
          assert.equal(node.id, paperNodeId(node.paper.id));
        }
      }
    }
  });

  it('gives unique ids, with group ids that depend on the grouping and the filter', () => {
    const tree = buildTree('field', '');
    const ids = [...tree.groups.map((g) => g.id), ...tree.groups.flatMap((g) => g.papers.map((p) => p.id))];
    assert.equal(new Set(ids).size, ids.length);
    const years = buildTree('year', '').groups.map((g) => g.id);
    assert.ok(years.every((id) => !tree.groups.some((g) => g.id === id)));
    const filtered = buildTree('field', 'galaxy');
    assert.ok(filtered.groups.every((g) => !tree.groups.some((u) => u.id === g.id)));
    assert.equal(buildTree('field', 'galaxy').groups[0]?.id, filtered.groups[0]?.id);
  });

  it('keeps only the groups with matching papers when filtered', () => {
    const tree = buildTree('year', 'halo mass');
    assert.ok(tree.count > 0 && tree.count < 32);
    assert.ok(tree.groups.every((g) => g.papers.length > 0));
    assert.equal(tree.filter.text, 'halo mass');
    assert.equal(buildTree('year', 'xyzzy').groups.length, 0);
  });

  it('says what an active filter shows', () => {
    assert.equal(filterMessage(buildTree('field', '')), '');
    const tree = buildTree('field', '  halo   mass ');
    assert.equal(filterMessage(tree), `Filtered: halo mass — ${tree.count} papers`);
    assert.equal(filterMessage(buildTree('field', 'Kidger')), 'Filtered: Kidger — 1 paper');
    assert.equal(filterMessage(buildTree('field', 'xyzzy')), 'Filtered: xyzzy — 0 papers');
  });

  it('finds papers by id or link', () => {
    const p = PAPERS[11]!;
    assert.equal(findPaper(p.id), p);
    assert.equal(findPaper(p.link), p);
    assert.equal(findPaper('https://arxiv.org/abs/2309.08986/'), findPaper('http://arxiv.org/abs/2309.08986'));
    assert.equal(findPaper('https://arxiv.org/abs/2309.08986')?.id, 'discovery-of-a-planar-black-hole');
    assert.equal(findPaper('no-such-paper'), undefined);
    assert.equal(findPaper('https://example.org/'), undefined);
  });
});
