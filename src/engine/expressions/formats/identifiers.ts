/**
 * Column names are arbitrary text ("v (km/s)", "2theta", "pi", "log"); each output language needs them as
 * identifiers that are valid there, are not keywords or names the formula itself uses, and do not collide
 * with each other.
 */

export interface IdentifierRules {
  /** Syntactic validity in the language, before reserved words are considered. */
  readonly isValid: (name: string) => boolean;
  /** Keywords, constants and the functions the printed formulas call. Case-sensitive. */
  readonly reserved: ReadonlySet<string>;
  /** ASCII identifiers only: sanitising spells out Greek letters and drops accents. */
  readonly asciiOnly: boolean;
  readonly maxLength?: number;
}

const GREEK: Readonly<Record<string, string>> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ϵ: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta',
  ϑ: 'theta', ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', µ: 'mu', ν: 'nu', ξ: 'xi', ο: 'omicron', π: 'pi',
  ρ: 'rho', σ: 'sigma', ς: 'sigma', τ: 'tau', υ: 'upsilon', φ: 'phi', ϕ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega',
  Α: 'Alpha', Β: 'Beta', Γ: 'Gamma', Δ: 'Delta', Ε: 'Epsilon', Ζ: 'Zeta', Η: 'Eta', Θ: 'Theta', Ι: 'Iota',
  Κ: 'Kappa', Λ: 'Lambda', Μ: 'Mu', Ν: 'Nu', Ξ: 'Xi', Ο: 'Omicron', Π: 'Pi', Ρ: 'Rho', Σ: 'Sigma', Τ: 'Tau',
  Υ: 'Upsilon', Φ: 'Phi', Χ: 'Chi', Ψ: 'Psi', Ω: 'Omega',
};

/** Greek letters spelled out in ASCII, with "_" before a following letter or digit ("Δt" -> "Delta_t"). */
function spellGreek(name: string): string {
  let out = '';
  const chars = [...name];
  chars.forEach((ch, i) => {
    const spelled = GREEK[ch];
    if (spelled === undefined) out += ch;
    else out += spelled + (i + 1 < chars.length && /[\p{L}\p{N}]/u.test(chars[i + 1]!) ? '_' : '');
  });
  return out;
}

function stripAccents(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}+/gu, '');
}

/** A valid, non-reserved spelling of one name, not yet checked against the other names. */
function candidate(name: string, index: number, rules: IdentifierRules): string {
  let s = name.trim();
  if (rules.asciiOnly) s = stripAccents(spellGreek(s));
  else s = s.normalize('NFKC');
  // Every character the language rejects becomes "_"; runs collapse, and ends are trimmed.
  s = [...s].map((ch) => (rules.isValid(`a${ch}`) ? ch : '_')).join('');
  s = s.replace(/_+/g, '_').replace(/^_+|_+$/g, '');
  if (s === '') s = `x${index}`;
  // A word the parser takes for something else ("NaN" in mathjs) becomes NaN_, one starting with a digit x_2theta.
  else if (!rules.isValid(s)) s = rules.isValid(`${s}_`) ? `${s}_` : `x_${s}`;
  if (!rules.isValid(s)) s = `x${index}`;
  if (rules.maxLength !== undefined && s.length > rules.maxLength) s = s.slice(0, rules.maxLength);
  if (rules.reserved.has(s)) s = `${s}_`;
  return s;
}

function usable(s: string, rules: IdentifierRules, taken: ReadonlySet<string>): boolean {
  return rules.isValid(s) && !rules.reserved.has(s) && !taken.has(s) && (rules.maxLength === undefined || s.length <= rules.maxLength);
}

/** `base`, or `base_2`, `base_3`, ... (shortened to the length limit), the first one that is free. */
function uniqueIdentifier(base: string, rules: IdentifierRules, taken: ReadonlySet<string>): string {
  if (usable(base, rules, taken)) return base;
  for (let k = 2; k < 100_000; k++) {
    const suffix = base.endsWith('_') ? String(k) : `_${k}`;
    const stem = rules.maxLength === undefined ? base : base.slice(0, rules.maxLength - suffix.length);
    const s = stem + suffix;
    if (usable(s, rules, taken)) return s;
  }
  throw new Error(`no free identifier for "${base}"`);
}

/** An identifier for one more name (an output variable, say) that must differ from those `taken`. */
export function identifierFor(name: string, rules: IdentifierRules, taken: ReadonlySet<string>): string {
  return uniqueIdentifier(candidate(name, 0, rules), rules, taken);
}

/**
 * One identifier per name, in the same order. Names that are already valid, non-reserved identifiers keep
 * their spelling (the first of duplicates wins); the others are sanitised around them, so renaming one
 * column can never take the name another column already has.
 */
export function sanitizeWithRules(names: readonly string[], rules: IdentifierRules): string[] {
  const out: (string | undefined)[] = names.map(() => undefined);
  const taken = new Set<string>();
  names.forEach((name, i) => {
    if (usable(name, rules, taken)) {
      out[i] = name;
      taken.add(name);
    }
  });
  names.forEach((name, i) => {
    if (out[i] !== undefined) return;
    const id = uniqueIdentifier(candidate(name, i, rules), rules, taken);
    out[i] = id;
    taken.add(id);
  });
  return out as string[];
}

/** Pairs whose identifier differs from the column name, for showing the user what was renamed. */
export function renamedColumns(
  names: readonly string[],
  identifiers: readonly string[],
): { index: number; name: string; identifier: string }[] {
  const out: { index: number; name: string; identifier: string }[] = [];
  names.forEach((name, index) => {
    const identifier = identifiers[index]!;
    if (identifier !== name) out.push({ index, name, identifier });
  });
  return out;
}
