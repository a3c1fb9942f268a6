import { expandAbbreviation } from './abbreviations';
import type { ShapeKind } from './shape';
import { SHAPE_WORDS } from './shape-words';
import { stem } from './stem';
import { GENERIC_WORDS } from './stopwords';
import { rawChunks, splitIdentifier, tokenize, type Token } from './tokenize';

/** One way of saying a concept: a word, or a phrase whose terms share the credit. */
export interface Alternative {
  readonly terms: readonly string[];
  /** What to show the user when this alternative matches. */
  readonly surface: string;
  /** Less than 1 for a guessed meaning (M read as mass). */
  readonly factor: number;
}

export type ConceptSource = 'column' | 'description' | 'shape';

/** One idea of the query: a word of a column name or of the description, or a shape of the formula. */
export interface Concept {
  readonly key: string;
  /** The word as the user wrote it (lower case), or the shape's name. */
  readonly written: string;
  readonly source: ConceptSource;
  readonly weight: number;
  /** The word itself, and spelled-out forms of an abbreviation; for a shape, phrases that name it. */
  readonly alternatives: readonly Alternative[];
  /** A single letter: its meaning is a guess (M may be a mass or a magnitude). */
  readonly guess?: boolean;
  readonly shape?: ShapeKind;
}

export interface QueryInput {
  readonly columns?: readonly string[];
  readonly description?: string;
  readonly shapes?: readonly ShapeKind[];
}

/** Weight of the first shape of the formula; further shapes weigh SECOND_SHAPE_WEIGHT. */
const SHAPE_WEIGHT = 0.75;
const SECOND_SHAPE_WEIGHT = 0.5;
/** Weight of a single-letter word, a symbol whose meaning is a guess, and of a generic quantity such as time. */
const LETTER_WEIGHT = 0.5;
const GENERIC_WEIGHT = 0.5;
/** Credit for matching the guessed meaning of a letter rather than the letter. */
const GUESS_FACTOR = 0.6;
const GENERIC_STEMS: ReadonlySet<string> = new Set([...GENERIC_WORDS].map(stem));

const phrase = (text: string, factor = 1): Alternative | undefined => {
  const tokens = tokenize(text);
  return tokens.length === 0 ? undefined : { terms: tokens.map((t) => t.term), surface: text, factor };
};

function wordConcept(token: Token, source: ConceptSource, spelled?: Alternative): Concept {
  const own: Alternative = { terms: [token.term], surface: token.surface, factor: 1 };
  const c: Concept = {
    key: token.term,
    written: token.surface,
    source,
    weight: 1,
    alternatives: spelled ? [own, spelled] : [own],
  };
  if ([...token.term].length === 1) return { ...c, weight: LETTER_WEIGHT, guess: true };
  return GENERIC_STEMS.has(token.term) ? { ...c, weight: GENERIC_WEIGHT } : c;
}

function expansionOf(word: string): Alternative | undefined {
  const text = expandAbbreviation(word);
  return text === undefined ? undefined : phrase(text, word.length === 1 ? GUESS_FACTOR : 1);
}

/** An abbreviation that is not one plain word (pT, or Re which is a stop word): its spelled-out form does the work. */
function abbreviationConcept(written: string, alternatives: readonly Alternative[]): Concept {
  return {
    key: alternatives[0]!.terms.join(' '),
    written: written.toLowerCase(),
    source: 'column',
    weight: 1,
    alternatives,
  };
}

/**
 * A column name gives one concept per word; a known abbreviation also gets its spelled-out form as an alternative.
 * A whole chunk is tried first (`jet_pT`: pT is transverse momentum, not p and T), then each part of it.
 */
function columnConcepts(name: string): Concept[] {
  return rawChunks(name).flatMap((chunk) => {
    const tokens = tokenize(chunk, { column: true });
    const whole = expansionOf(chunk);
    if (whole && tokens.length !== 1) {
      const written: Alternative = { terms: tokens.map((t) => t.term), surface: chunk.toLowerCase(), factor: 1 };
      return [abbreviationConcept(chunk, tokens.length > 0 ? [written, whole] : [whole])];
    }
    return splitIdentifier(chunk).flatMap((part) => {
      const [token] = tokenize(part, { column: true });
      const spelled = expansionOf(part);
      if (token) return [wordConcept(token, 'column', spelled)];
      return spelled ? [abbreviationConcept(part, [spelled])] : [];
    });
  });
}

function shapeConcept(shape: ShapeKind, weight: number): Concept {
  return {
    key: `shape:${shape}`,
    written: shape,
    source: 'shape',
    weight,
    shape,
    alternatives: SHAPE_WORDS[shape].query.flatMap((text) => phrase(text) ?? []),
  };
}

/**
 * The concepts of a query. Repeated words (mass in halo_mass and HI_mass) count once, with the alternatives of
 * every occurrence.
 */
export function buildQuery(input: QueryInput): Concept[] {
  const concepts = [
    ...(input.columns ?? []).flatMap(columnConcepts),
    ...tokenize(input.description ?? '').map((t) => wordConcept(t, 'description')),
    ...(input.shapes ?? []).map((s, i) => shapeConcept(s, i === 0 ? SHAPE_WEIGHT : SECOND_SHAPE_WEIGHT)),
  ];
  const merged = new Map<string, Concept>();
  for (const c of concepts) {
    const prev = merged.get(c.key);
    if (!prev) {
      merged.set(c.key, c);
      continue;
    }
    const seen = new Set(prev.alternatives.map((a) => a.terms.join(' ')));
    merged.set(c.key, {
      ...prev,
      alternatives: [...prev.alternatives, ...c.alternatives.filter((a) => !seen.has(a.terms.join(' ')))],
    });
  }
  return [...merged.values()];
}
