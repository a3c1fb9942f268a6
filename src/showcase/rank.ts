import { boundOf, scoreConcept } from './concept-score';
import { indexFor } from './paper-index';
import { PAPERS } from './papers';
import { buildQuery } from './query';
import { reasonsFor } from './reasons';
import { classifyFormula, type ShapeKind } from './shape';
import { partsOf, share } from './share';
import type { Paper, RelatedPaper, RelatedQuery } from './types';

/**
 * Scores are normalised per query. Each concept of the query (a word, an abbreviation with its spelled-out form, a
 * formula shape) can add at most its BM25 bound, idf * (k1 + 1), and a paper's score is what it earns over what it
 * could earn: the share of the query's information it covers, in [0, 1]. Query words no paper contains keep their
 * high bound, so "invoice total, tax" matched on "total" alone is a small share. For long queries see share.ts.
 *
 * Calibration, on the runs of test/unit/showcase/queries.ts: the intended first answers of the 17 relevant runs
 * score 0.49 to 0.82 (0.49 is a ten-column weather table, five of them bookkeeping; the others are 0.63 or more).
 * The best paper for each of the 11 unrelated runs scores at most 0.23 ("speed, fuel_consumption" sharing the rare
 * word "consumption"; "temperature, ice_cream_sales" sharing "ice" and "temperature" is 0.20), and a table of generic
 * quantities only (time, distance, velocity, mass, energy, temperature) scores 0.19. 0.3 sits in that gap, nearer
 * the unrelated side so that good second answers (0.31 to 0.56: the other gravity-model paper next to trade flows,
 * the galaxy-halo paper next to assembly bias) still show.
 */
export const RELEVANCE_THRESHOLD = 0.3;

export interface RankOptions {
  /** The papers to rank; the showcase by default. */
  readonly papers?: readonly Paper[];
  /** Normalised score a paper needs; RELEVANCE_THRESHOLD by default, 0 to see every paper that matches at all. */
  readonly threshold?: number;
  readonly limit?: number;
  /** Shapes to use instead of classifying `query.formula`, when the caller already has them. */
  readonly shapes?: readonly ShapeKind[];
}

/**
 * The papers most related to a discovery run, best first, each with a score in [0, 1] and reasons. A paper must share
 * at least one word with the columns or description: a formula shape alone re-ranks and explains but never makes a
 * paper relevant. Nothing relevant gives an empty list.
 */
export function rankPapers(query: RelatedQuery, options: RankOptions = {}): RelatedPaper[] {
  const papers = options.papers ?? PAPERS;
  const threshold = options.threshold ?? RELEVANCE_THRESHOLD;
  const shapes = options.shapes ?? (query.formula ? classifyFormula(query.formula) : []);
  const concepts = buildQuery({ columns: query.columns, description: query.description, shapes });
  if (!concepts.some((c) => c.source !== 'shape')) return [];

  const index = indexFor(papers);
  const bounds = concepts.map((c) => boundOf(index, c));
  const parts = partsOf(concepts);
  const results: RelatedPaper[] = [];
  papers.forEach((paper, doc) => {
    const scores = concepts.map((c, i) => scoreConcept(index, doc, c, bounds[i]!));
    if (!scores.some((s) => s.concept.source !== 'shape' && s.score > 0)) return;
    const score = Math.max(...parts.map((part) => share(scores, part)));
    if (score >= threshold) results.push({ paper, score, reasons: reasonsFor(paper, scores) });
  });
  results.sort(
    (a, b) => b.score - a.score || b.paper.year - a.paper.year || a.paper.title.localeCompare(b.paper.title),
  );
  return results.slice(0, options.limit ?? results.length);
}
