import type { Expr } from '../engine/expressions/expression';

/** One published paper of the research showcase, as built into data/papers.json. */
export interface Paper {
  readonly id: string;
  readonly title: string;
  readonly authors: readonly string[];
  /** Affiliation names in the order of the markers in the source (marker n is entry n - 1). */
  readonly affiliations: readonly string[];
  readonly link: string;
  /** The abstract as published, with LaTeX math such as `$\Lambda$CDM`. */
  readonly abstract: string;
  /** The abstract with the math turned into plain text, for tooltips and search. */
  readonly abstractText: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly year: number;
  readonly field: string;
  readonly methods: readonly string[];
  readonly keywords: readonly string[];
}

/** What a discovery run tells the ranking: its columns, the user's description and the formula found. */
export interface RelatedQuery {
  readonly columns?: readonly string[];
  readonly description?: string;
  /** A formula over the columns; only its shape is used. */
  readonly formula?: Expr;
}

export interface RelatedPaper {
  readonly paper: Paper;
  /** Relevance in [0, 1], comparable across queries (see rank.ts). */
  readonly score: number;
  /** Why the paper is related, in words for the user. */
  readonly reasons: readonly string[];
}
