import type { Paper } from '../../showcase';
import { escapeMarkdown } from '../literal';
import { fieldLabel } from './grouping';

/** "T. Anthony Sun et al." for several authors, the name alone for one. */
export function authorsShort(paper: Paper): string {
  const [first] = paper.authors;
  if (first === undefined) return 'Unknown authors';
  return paper.authors.length > 1 ? `${first} et al.` : first;
}

/** The grey text after a paper's title in the tree: "T. Anthony Sun et al. · 2026". */
export function paperDescription(paper: Paper): string {
  return `${authorsShort(paper)} · ${paper.year}`;
}

/**
 * The hover text of a paper, as Markdown without HTML: title, authors, year and field, methods, tags, then the
 * abstract in plain text (its math already written out, no LaTeX).
 */
export function paperTooltip(paper: Paper): string {
  const lines = [
    `**${escapeMarkdown(paper.title)}**`,
    escapeMarkdown(paper.authors.join(', ')),
    `${paper.year} · ${escapeMarkdown(fieldLabel(paper.field))}`,
  ];
  if (paper.methods.length > 0) lines.push(`*Methods:* ${escapeMarkdown(paper.methods.join(', '))}`);
  if (paper.keywords.length > 0) lines.push(`*Tags:* ${escapeMarkdown(paper.keywords.join(', '))}`);
  lines.push(escapeMarkdown(paper.abstractText));
  return lines.join('\n\n');
}

/** Ends a sentence unless it already ends with a full stop, question or exclamation mark. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.?!]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** "First Author, Second Author, ... (2025). Title. Link". */
export function citation(paper: Paper): string {
  return `${paper.authors.join(', ')} (${paper.year}). ${sentence(paper.title)} ${paper.link}`;
}
