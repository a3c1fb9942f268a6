const VOWEL = /[aeiouy]/;

function stripPlural(w: string): string {
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

function stripVerbSuffix(w: string): string {
  let base = w;
  if (w.endsWith('ing') && VOWEL.test(w.slice(0, -3)) && w.length - 3 >= 3) base = w.slice(0, -3);
  else if (w.endsWith('ed') && !w.endsWith('eed') && w.length - 2 >= 3) base = w.slice(0, -2);
  else return w;
  // running -> run, but keep the doubled letters English usually keeps (fall, pass, buzz)
  if (/([^aeiouylsz])\1$/.test(base)) base = base.slice(0, -1);
  return base;
}

/**
 * A light English stemmer: folds plurals, -ing/-ed, -ly and adjectival -al/-ial so that "velocities" and "velocity",
 * "environmental" and "environment", "scaling" and "scale", "bacteria" and "bacterial" meet. It only needs to be
 * consistent, not linguistically right.
 */
export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ological')) return `${word.slice(0, -8)}ology`;
  let w = stripVerbSuffix(stripPlural(word));
  if (w.endsWith('ly') && w.length - 2 >= 4) w = w.slice(0, -2);
  else if (w.endsWith('ial') && w.length - 3 >= 5) w = w.slice(0, -3);
  else if (w.endsWith('ia') && w.length - 2 >= 5) w = w.slice(0, -2);
  else if (w.endsWith('al') && w.length - 2 >= 5) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}
