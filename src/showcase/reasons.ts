import type { ConceptScore } from './concept-score';
import { SHAPE_WORDS } from './shape-words';
import type { Paper } from './types';

const MAX_WORDS = 6;

/** "shares words: halo, mass, reynolds number (re)", strongest first. */
export function wordsReason(scores: readonly ConceptScore[]): string | undefined {
  const shown = new Set<string>();
  const words: string[] = [];
  for (const s of [...scores].sort((a, b) => b.score - a.score)) {
    if (s.concept.source === 'shape' || !s.matched || shown.has(s.matched.surface)) continue;
    shown.add(s.matched.surface);
    const written = s.concept.written;
    words.push(s.matched.surface === written ? written : `${s.matched.surface} (${written})`);
  }
  return words.length > 0 ? `shares words: ${words.slice(0, MAX_WORDS).join(', ')}` : undefined;
}

/** "formula is a power law, like this paper's scaling relation", when the paper found that kind of law. */
export function shapeReason(paper: Paper, s: ConceptScore): string | undefined {
  const shape = s.concept.shape;
  if (shape === undefined) return undefined;
  const words = SHAPE_WORDS[shape];
  const method = words.methods.find((m) => paper.methods.includes(m));
  if (method !== undefined) return `formula is ${words.phrase}, like this paper's ${method}`;
  if (s.matched) return `formula is ${words.phrase}; the paper mentions ${s.matched.surface}`;
  return undefined;
}

export function reasonsFor(paper: Paper, scores: readonly ConceptScore[]): string[] {
  return [
    wordsReason(scores),
    ...scores.filter((s) => s.concept.source === 'shape').map((s) => shapeReason(paper, s)),
  ].filter((r): r is string => r !== undefined);
}
