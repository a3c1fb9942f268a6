import { stem } from './stem';
import { COLUMN_NOISE_WORDS, STOP_WORDS } from './stopwords';

export interface Token {
  /** The stemmed search term. */
  readonly term: string;
  /** The word as written (lower case), to show to people. */
  readonly surface: string;
}

const STOP_STEMS: ReadonlySet<string> = new Set([...STOP_WORDS].map(stem));

/** Folds accents and compatibility forms (math italic 𝐶 becomes C); drops possessive 's and "state of the art". */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’]s\b/g, '')
    .replace(/\bstate[- ]of[- ]the[- ]art\b/gi, ' ');
}

/** The separator-delimited chunks of a name or text, keeping their case: `jet_pT` -> jet, pT. */
export function rawChunks(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((c) => c.length > 0);
}

/** Splits one chunk on camelCase humps, between an acronym and a following word, and between letters and digits. */
function splitChunk(chunk: string): string[] {
  return chunk
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2')
    .split(' ')
    .filter((part) => part.length > 0);
}

/**
 * The parts of a name or a piece of text, keeping their case.
 * `HI_mass` -> HI, mass; `logP` -> log, P; `v_rot` -> v, rot; `XMLParser` -> XML, Parser; `H2O` -> H, 2, O.
 */
export function splitIdentifier(text: string): string[] {
  return rawChunks(text).flatMap(splitChunk);
}

export interface TokenizeOptions {
  /** Also drop words that only say how a column is stored (log, id, index, x, y...). */
  readonly column?: boolean;
}

/** Search tokens of a text or a column name: split, lower-cased, numbers and stop words dropped, stemmed. */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const out: Token[] = [];
  for (const part of splitIdentifier(text)) {
    const surface = part.toLowerCase();
    if (/^\p{N}+$/u.test(surface)) continue;
    if (options.column && COLUMN_NOISE_WORDS.has(surface)) continue;
    if (STOP_WORDS.has(surface)) continue;
    const term = stem(surface);
    if (STOP_STEMS.has(term)) continue;
    out.push({ term, surface });
  }
  return out;
}

/** Just the terms of `tokenize`. */
export function terms(text: string, options: TokenizeOptions = {}): string[] {
  return tokenize(text, options).map((t) => t.term);
}
