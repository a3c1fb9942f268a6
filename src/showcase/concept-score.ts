import type { Bm25Index } from './bm25';
import type { Alternative, Concept } from './query';

export interface ConceptScore {
  readonly concept: Concept;
  /** What the paper earns for the concept, at most `bound`. */
  readonly score: number;
  /** The most any paper could earn for it. */
  readonly bound: number;
  /** The alternative that earned the score. */
  readonly matched?: Alternative;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/**
 * Most a concept can earn: its best alternative the papers know, so an abbreviation unknown to the showcase yields
 * to its meaning. A guessed meaning (of a single letter) does not replace the letter: data with columns "M, P" says
 * little, and reading M as mass must not make it look like a full match.
 */
export function boundOf(index: Bm25Index, c: Concept): number {
  const bound = (a: Alternative): number => mean(a.terms.map((t) => index.maxTermScore(t)));
  const known = c.alternatives.filter((a) => a.terms.some((t) => index.df(t) > 0));
  const candidates = c.guess || known.length === 0 ? c.alternatives : known;
  return c.weight * Math.max(0, ...candidates.map(bound));
}

/** A concept's score in one document: its best alternative's mean BM25 term score. */
export function scoreConcept(index: Bm25Index, doc: number, c: Concept, bound: number): ConceptScore {
  let best: ConceptScore = { concept: c, score: 0, bound };
  for (const a of c.alternatives) {
    // A phrase counts only whole: "power spectrum" is no "power law".
    const termScores = a.terms.map((t) => index.termScore(doc, t));
    if (termScores.some((x) => x === 0)) continue;
    const score = c.weight * a.factor * mean(termScores);
    if (score > best.score) best = { concept: c, score: Math.min(score, bound), bound, matched: a };
  }
  return best;
}
