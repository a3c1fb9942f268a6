import assert from 'node:assert/strict';
import { paperById } from '../../../src/showcase';
import { buildTree } from '../../../src/extension/showcase/model';
import { linkOfArgument, paperOfArgument } from '../../../src/extension/showcase/resolve';

describe('Showcase view: command arguments', () => {
  const id = 'rediscovering-orbital-mechanics-with-machine-learning';
  const paper = paperById(id)!;

  it('names a paper by tree node, paper, id, link, { id } or { link }', () => {
    const node = buildTree('field', '').node(id)!;
    for (const arg of [node, paper, id, paper.link, { id }, { link: paper.link }, { title: 'x', link: paper.link, year: 2022 }]) {
      assert.equal(paperOfArgument(arg), paper, JSON.stringify(arg, (k, v: unknown) => (k === 'parent' ? undefined : v)));
    }
  });

  it('names no paper for anything else', () => {
    for (const arg of [undefined, null, 3, 'nope', {}, { id: 'nope' }, { link: 'https://example.org/' }, buildTree('field', '').groups[0]]) {
      assert.equal(paperOfArgument(arg), undefined);
    }
  });

  it('opens the link of a showcase paper, or the link an argument carries (validated by the caller)', () => {
    assert.equal(linkOfArgument(id), paper.link);
    assert.equal(linkOfArgument({ link: 'javascript:alert(1)' }), 'javascript:alert(1)');
    assert.equal(linkOfArgument('file:///etc/passwd'), 'file:///etc/passwd');
    assert.equal(linkOfArgument({ paper: { link: 'https://example.org/x' } }), 'https://example.org/x');
    assert.equal(linkOfArgument(undefined), undefined);
    assert.equal(linkOfArgument({ link: 5 }), undefined);
  });
});
