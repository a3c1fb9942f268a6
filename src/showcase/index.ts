export type { Paper, RelatedPaper, RelatedQuery } from './types';
export { PAPERS, paperById } from './papers';
export { RELEVANCE_THRESHOLD, rankPapers, type RankOptions } from './rank';
export { classifyFormula, type ShapeKind } from './shape';
export { SHAPE_WORDS, type ShapeWords } from './shape-words';
export { splitIdentifier, terms, tokenize, type Token, type TokenizeOptions } from './tokenize';
export { stem } from './stem';
