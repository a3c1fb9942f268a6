import assert from 'node:assert/strict';
import { PAPERS, paperById, type Paper } from '../../../src/showcase';
import { escapeMarkdown } from '../../../src/extension/literal';
import { authorsShort, citation, paperDescription, paperTooltip } from '../../../src/extension/showcase/paperText';

function paper(id: string): Paper {
  const p = paperById(id);
  assert.ok(p, `no paper ${id}`);
  return p;
}

const fake = (over: Partial<Paper>): Paper => ({ ...paper('on-neural-differential-equations-section-6'), ...over });

/** Text as a Markdown renderer shows it: backslash escapes and the bold/italic markers removed. */
function rendered(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

describe('Showcase view: paper texts', () => {
  it('describes a paper as "First Author et al. · year", or the one author\'s name', () => {
    assert.equal(paperDescription(paper('discovering-data-driven-microbial-growth-models')), 'T. Anthony Sun et al. · 2026');
    assert.equal(paperDescription(paper('on-neural-differential-equations-section-6')), 'Patrick Kidger · 2022');
    assert.equal(authorsShort(fake({ authors: [] })), 'Unknown authors');
  });

  it('escapes every Markdown character so that text shows as written', () => {
    assert.equal(escapeMarkdown('R^2 = 0.94, Y_SZ and A^* <0.09'), 'R\\^2 \\= 0\\.94\\, Y\\_SZ and A\\^\\* \\<0\\.09');
    assert.equal(escapeMarkdown('[link](command:x) `code` # title'), '\\[link\\]\\(command\\:x\\) \\`code\\` \\# title');
    assert.equal(escapeMarkdown('  two\n\n  lines  '), 'two lines');
    assert.equal(rendered(escapeMarkdown('a_b*c')), 'a_b*c');
  });

  it('builds a tooltip with the title, authors, year, field, methods, tags and the plain-text abstract', () => {
    const p = paper('the-sz-flux-mass-y-m');
    const md = paperTooltip(p);
    const blocks = md.split('\n\n');
    assert.equal(blocks[0], `**${escapeMarkdown(p.title)}**`);
    assert.equal(rendered(blocks[1]!), p.authors.join(', '));
    assert.equal(blocks[2], `${p.year} · Astrophysics`);
    assert.equal(rendered(blocks[3]!), `*Methods:* ${p.methods.join(', ')}`);
    assert.equal(rendered(blocks[4]!), `*Tags:* ${p.keywords.join(', ')}`);
    assert.equal(rendered(blocks[5]!), p.abstractText);
    assert.equal(blocks.length, 6);
  });

  it('never puts raw LaTeX, HTML or unescaped Markdown from the data into a tooltip', () => {
    for (const p of PAPERS) {
      const md = paperTooltip(p);
      // each abstract is its plain-text form: no $...$ math, no TeX commands
      assert.ok(!md.includes(escapeMarkdown(p.abstract)) || p.abstract === p.abstractText, p.id);
      assert.doesNotMatch(p.abstractText, /\$|\\[a-zA-Z]+/, p.id);
      // outside the bold and italic markers the tooltip adds, every punctuation character is escaped
      const stripped = md.replace(/^\*\*|\*\*$/gm, '').replace(/^\*(Methods|Tags):\* /gm, '');
      assert.doesNotMatch(stripped, /(^|[^\\])[<>[\]`_*$]/m, p.id);
    }
  });

  it('cites a paper as "Authors (year). Title. Link"', () => {
    const p = paper('discovery-of-a-planar-black-hole');
    assert.equal(citation(p), `Benjamin L. Davis, ${p.authors[1]} (2023). ${p.title}. https://arxiv.org/abs/2309.08986`);
    assert.equal(
      citation(fake({ title: 'Can it fit?', authors: ['A. One', 'B. Two', 'C. Three'], year: 2020, link: 'https://x.org/1' })),
      'A. One, B. Two, C. Three (2020). Can it fit? https://x.org/1',
    );
    assert.equal(
      citation(fake({ title: 'A study.', authors: ['A. One'], year: 2021, link: 'https://x.org/2' })),
      'A. One (2021). A study. https://x.org/2',
    );
  });
});
