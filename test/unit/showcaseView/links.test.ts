import assert from 'node:assert/strict';
import { PAPERS } from '../../../src/showcase';
import { linkKey } from '../../../src/extension/showcase/links';
import { externalLink } from '../../../src/shared/webLink';

describe('Showcase view: links', () => {
  it('accepts absolute http and https links, such as every paper link', () => {
    for (const p of PAPERS) assert.ok(externalLink(p.link), `${p.id}: ${p.link}`);
    assert.equal(externalLink('https://arxiv.org/abs/2309.08986'), 'https://arxiv.org/abs/2309.08986');
    assert.equal(externalLink('  http://dx.doi.org/10.1002/we.70118 '), 'http://dx.doi.org/10.1002/we.70118');
  });

  it('refuses other schemes, relative links, credentials and non-strings', () => {
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'command:workbench.action.quit',
      'vscode://some.extension/path',
      'data:text/html,<script>1</script>',
      'ftp://example.org/paper.pdf',
      '//example.org/x',
      'arxiv.org/abs/1',
      'https://user:secret@example.org/',
      '',
      'https://',
    ]) {
      assert.equal(externalLink(bad), undefined, bad);
    }
    assert.equal(externalLink(undefined), undefined);
    assert.equal(externalLink(42), undefined);
  });

  it('compares links without regard to http or https, the host case or a final slash', () => {
    assert.equal(linkKey('http://ArXiv.org/abs/1/'), linkKey('https://arxiv.org/abs/1'));
    assert.notEqual(linkKey('https://arxiv.org/abs/1'), linkKey('https://arxiv.org/abs/2'));
    assert.equal(linkKey(' not a link '), 'not a link');
  });
});
