import { PAPERS, type Paper } from '../../showcase';
import { findPaper } from './model';

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * The showcase paper a command argument names: a tree node (what menus pass), a paper, `{ id }` or `{ link }`
 * (a related paper of the results view), or a string id or link. Anything else, or a paper that is not part of the
 * showcase, gives undefined.
 */
export function paperOfArgument(arg: unknown, papers: readonly Paper[] = PAPERS): Paper | undefined {
  if (typeof arg === 'string') return findPaper(arg, papers);
  const nested = field(arg, 'paper');
  if (nested !== undefined) return paperOfArgument(nested, papers);
  const id = field(arg, 'id');
  if (typeof id === 'string') {
    const paper = findPaper(id, papers);
    if (paper) return paper;
  }
  const link = field(arg, 'link');
  return typeof link === 'string' ? findPaper(link, papers) : undefined;
}

/** The link a command argument asks to open: the paper's link for a showcase paper, else a link it carries. */
export function linkOfArgument(arg: unknown, papers: readonly Paper[] = PAPERS): string | undefined {
  const paper = paperOfArgument(arg, papers);
  if (paper) return paper.link;
  if (typeof arg === 'string') return arg;
  const link = field(arg, 'link') ?? field(field(arg, 'paper'), 'link');
  return typeof link === 'string' ? link : undefined;
}
