import { Bm25Index, type FieldedDocument } from './bm25';
import { terms } from './tokenize';
import type { Paper } from './types';

/** BM25F with the usual k1 and b; a word in the title or the curated keywords counts twice one in the abstract. */
export const BM25 = {
  k1: 1.2,
  b: 0.75,
  weights: { title: 2, keywords: 2, methods: 1.5, abstract: 1 },
} as const;

/** Single letters in prose are mostly math symbols (the h of M_⊙/h); only the curated keywords may use them. */
const prose = (text: string): string[] => terms(text).filter((t) => [...t].length > 1);

function documentOf(p: Paper): FieldedDocument {
  return {
    title: prose(p.title),
    abstract: prose(p.abstractText),
    keywords: p.keywords.flatMap((k) => terms(k)),
    methods: [...p.methods, p.field].flatMap((m) => terms(m)),
  };
}

const indexes = new WeakMap<readonly Paper[], Bm25Index>();

/** The search index of a list of papers, built once per list; document i is papers[i]. */
export function indexFor(papers: readonly Paper[]): Bm25Index {
  let index = indexes.get(papers);
  if (!index) {
    index = new Bm25Index(papers.map(documentOf), BM25);
    indexes.set(papers, index);
  }
  return index;
}
