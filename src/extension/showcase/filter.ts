import { PAPERS, splitIdentifier, stem, tokenize, type Paper } from '../../showcase';

/** The filter as it is shown and stored: trimmed, runs of white space made one space. */
export function normalizeFilter(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** A text's words as the filter compares them: split like the showcase tokenizer does, lower case, stemmed. */
function wordTerms(text: string): string[] {
  return splitIdentifier(text).map((part) => stem(part.toLowerCase()));
}

const paperTerms = new WeakMap<Paper, ReadonlySet<string>>();

/** Every term of a paper's title, abstract, authors, tags (keywords), methods and field, stop words included. */
export function termsOfPaper(paper: Paper): ReadonlySet<string> {
  let set = paperTerms.get(paper);
  if (!set) {
    const texts = [paper.title, paper.abstractText, paper.field, ...paper.authors, ...paper.keywords, ...paper.methods];
    set = new Set(texts.flatMap(wordTerms));
    paperTerms.set(paper, set);
  }
  return set;
}

export interface FilterTerm {
  readonly term: string;
  /** Matches words that start with the term, not only the word itself. */
  readonly prefix: boolean;
}

export interface Filter {
  /** The normalized text; empty for no filter. */
  readonly text: string;
  readonly terms: readonly FilterTerm[];
}

/** Terms shorter than this are whole words even when no paper has them, so that "ga" does not find everything. */
const PREFIX_MIN_LENGTH = 3;

/**
 * Reads a filter. Stop words ("the", "model", "symbolic") are left out unless the filter has nothing else, so that
 * "symbolic regression" still filters on those words. A term that is a word of some paper matches that word only
 * ("mass" does not find "massive", nor "coli" the author Colin); any other term matches the words it starts
 * ("cosmo" finds "cosmology").
 */
export function parseFilter(text: string | undefined, papers: readonly Paper[] = PAPERS): Filter {
  const normalized = normalizeFilter(text);
  const content = tokenize(normalized).map((t) => t.term);
  const unique = [...new Set(content.length > 0 ? content : wordTerms(normalized))];
  const known = (term: string): boolean => papers.some((p) => termsOfPaper(p).has(term));
  return {
    text: normalized,
    terms: unique.map((term) => ({ term, prefix: term.length >= PREFIX_MIN_LENGTH && !known(term) })),
  };
}

function hasTerm(words: ReadonlySet<string>, { term, prefix }: FilterTerm): boolean {
  if (words.has(term)) return true;
  if (!prefix) return false;
  for (const word of words) if (word.startsWith(term)) return true;
  return false;
}

/** True when the paper has every term of the filter (and for an empty filter). */
export function paperMatches(paper: Paper, filter: Filter): boolean {
  const words = termsOfPaper(paper);
  return filter.terms.every((t) => hasTerm(words, t));
}

/** The papers that match the filter, in their order. */
export function filterPapers(papers: readonly Paper[], filter: Filter | string): Paper[] {
  const f = typeof filter === 'string' ? parseFilter(filter, papers) : filter;
  return papers.filter((p) => paperMatches(p, f));
}

/** Where the filter's terms occur in a text, as [start, end) offsets, to highlight them in a title. */
export function matchRanges(text: string, filter: Filter): [number, number][] {
  if (filter.terms.length === 0) return [];
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const words = new Set(wordTerms(m[0]));
    if (filter.terms.some((t) => hasTerm(words, t))) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}
