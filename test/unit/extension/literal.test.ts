import assert from 'node:assert/strict';
import { codeBlock, defuseLinks, escapeMarkdown } from '../../../src/extension/literal';
import { runTooltip } from '../../../src/extension/views/runTooltip';

/** The link syntax VS Code's notifications turn into links (command links included). */
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;

/** Markdown that would make a link or an image, an HTML tag or an icon, outside of backslash escapes. */
const ACTIVE_MARKDOWN = /(^|[^\\])(\[[^\]]*\]\(|<[a-z/]|\$\()/im;

describe('Literal text', () => {
  it('keeps notifications from turning text of a data file into links', () => {
    const text = 'not numeric "[Fix](command:workbench.action.terminal.sendSequence?%7B%7D)" on line 3';
    assert.match(text, NOTIFICATION_LINK);
    assert.doesNotMatch(defuseLinks(text), NOTIFICATION_LINK);
    assert.match(defuseLinks(text), /\[Fix\] \(command:/);
    assert.equal(defuseLinks('a (b) [c]'), 'a (b) [c]');
  });

  it('makes a code block that text cannot close', () => {
    assert.equal(codeBlock('475 * D'), '```text\n475 * D\n```');
    const sly = 'x\n```\n[a](command:x)';
    const block = codeBlock(sly);
    const fence = block.slice(0, block.indexOf('text'));
    assert.equal(fence, '````');
    assert.ok(block.endsWith(`\n${fence}`));
    assert.equal(block.split('\n').filter((line) => line.startsWith('````')).length, 2);
  });
});

describe('Runs view tooltip', () => {
  const run = {
    id: '0b7c6c64-3f2e-4d3e-9a3b-6f1d2c9e8a71',
    createdAt: '2026-11-23T12:00:00.000Z',
    status: 'finished' as const,
  };

  it('shows column names as written, with no link, image, HTML or icon from them', () => {
    const title = 'y from [click](command:workbench.action.terminal.new), ![x](https://evil.example/p.png), <img src=x>, $(alert)';
    const tooltip = runTooltip({ ...run, title });
    const [heading, status] = tooltip.split('\n\n');
    assert.equal(heading, `**${escapeMarkdown(title)}**`);
    assert.doesNotMatch(heading!.slice(2, -2), ACTIVE_MARKDOWN);
    assert.match(status!, /^Finished · /);
  });

  it('shows the best formula in a code block it cannot leave', () => {
    const tooltip = runTooltip({ ...run, title: 'v from D', best: '475 * D' });
    assert.match(tooltip, /\n\nBest formula:\n\n```text\n475 \* D\n```$/);
    const sly = runTooltip({ ...run, title: 't', best: 'a\n```\n[x](command:y)' });
    assert.ok(sly.endsWith('[x](command:y)\n````'), sly);
  });
});
