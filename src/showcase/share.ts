import type { ConceptScore } from './concept-score';
import type { Concept, ConceptSource } from './query';

export interface Part {
  readonly sources: ReadonlySet<ConceptSource>;
  /** A part judged apart from the rest must match this many of its concepts. */
  readonly minMatches: number;
}

/**
 * The parts of a query judged on their own: all of it, and the columns and the description apart, so that cryptic
 * column names (mu, S, K) do not drown a description that names the topic, nor the reverse. A part alone needs a
 * real word (not only single letters), must match two of its words when it has two (one shared word of a short
 * description, the "dark" of "dark energy" in "dark matter", is no topic), and leaves the formula's shapes to the
 * whole query: a shape with one shared generic word would otherwise look like half a match.
 */
export function partsOf(concepts: readonly Concept[]): Part[] {
  const parts: Part[] = [{ sources: new Set<ConceptSource>(['column', 'description', 'shape']), minMatches: 1 }];
  const words = concepts.filter((c) => c.source !== 'shape').length;
  for (const source of ['column', 'description'] as const) {
    const own = concepts.filter((c) => c.source === source);
    if (own.length === words || own.every((c) => c.guess)) continue;
    parts.push({ sources: new Set([source]), minMatches: Math.min(2, own.length) });
  }
  return parts;
}

/**
 * A wide table names many things no paper is about (dates, station ids, coordinates), and a paper that matches five
 * of its words is as related as one matching a five-word query. So the most a paper could earn is taken as the
 * bounds of the query's five most informative concepts, or of the concepts it matches if those weigh more.
 */
const COUNTED_CONCEPTS = 5;

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** What a paper earns from a part of the query over the most it could earn there, in [0, 1]. */
export function share(scores: readonly ConceptScore[], part: Part): number {
  const mine = scores.filter((s) => part.sources.has(s.concept.source));
  const matched = mine.filter((s) => s.score > 0);
  if (matched.length < part.minMatches) return 0;
  const largest = mine
    .map((s) => s.bound)
    .sort((a, b) => b - a)
    .slice(0, COUNTED_CONCEPTS);
  const bound = Math.max(sum(largest), sum(matched.map((s) => s.bound)));
  return bound > 0 ? sum(matched.map((s) => s.score)) / bound : 0;
}
