import { escapeUnprintable } from './commentText';

/**
 * Column names typeset for KaTeX: `x1`/`x_1` -> `x_{1}`, `alpha` -> `\alpha`, `omega_0` -> `\omega_{0}`,
 * `mass` -> `\mathrm{mass}`, `semi_major_axis` -> `\mathrm{semi\_major\_axis}`, anything else as escaped text.
 */

const GREEK_WORDS = new Set(
  `alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi omicron pi varpi
  rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi
  Psi Omega`.split(/\s+/),
);

/** Capital Greek letters that look like Latin ones have no command of their own. */
const LATIN_LOOKING: Readonly<Record<string, string>> = {
  Alpha: 'A', Beta: 'B', Epsilon: 'E', Zeta: 'Z', Eta: 'H', Iota: 'I', Kappa: 'K', Mu: 'M', Nu: 'N', Omicron: 'O',
  Rho: 'P', Tau: 'T', Chi: 'X',
};

const GREEK_CHARS: Readonly<Record<string, string>> = {
  α: '\\alpha', β: '\\beta', γ: '\\gamma', δ: '\\delta', ε: '\\varepsilon', ϵ: '\\epsilon', ζ: '\\zeta', η: '\\eta',
  θ: '\\theta', ϑ: '\\vartheta', ι: '\\iota', κ: '\\kappa', λ: '\\lambda', μ: '\\mu', µ: '\\mu', ν: '\\nu',
  ξ: '\\xi', ο: 'o', π: '\\pi', ϖ: '\\varpi', ρ: '\\rho', ϱ: '\\varrho', σ: '\\sigma', ς: '\\varsigma',
  τ: '\\tau', υ: '\\upsilon', φ: '\\varphi', ϕ: '\\phi', χ: '\\chi', ψ: '\\psi', ω: '\\omega', Γ: '\\Gamma',
  Δ: '\\Delta', Θ: '\\Theta', Λ: '\\Lambda', Ξ: '\\Xi', Π: '\\Pi', Σ: '\\Sigma', Υ: '\\Upsilon', Φ: '\\Phi',
  Ψ: '\\Psi', Ω: '\\Omega', Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O',
  Ρ: 'P', Τ: 'T', Χ: 'X',
};

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  '{': '\\{',
  '}': '\\}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  // Raw HTML to a Markdown renderer that shows $$...$$ as text.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/**
 * Arbitrary text in `\text{}`; Greek letters (which KaTeX's text fonts lack) become inline math. Line breaks
 * and other unprintable characters are shown as escapes: a blank line would end the math in Markdown.
 */
function texText(s: string): string {
  const body = [...escapeUnprintable(s)].map((ch) => TEXT_ESCAPES[ch] ?? (GREEK_CHARS[ch] !== undefined ? `$${GREEK_CHARS[ch]}$` : ch)).join('');
  return `\\text{${body}}`;
}

/** A word of letters and digits (and Greek characters) in math mode, or undefined if it is not one. */
function word(s: string): string | undefined {
  if (GREEK_WORDS.has(s)) return `\\${s}`;
  const latin = LATIN_LOOKING[s];
  if (latin !== undefined) return latin;
  if (/^[A-Za-z]$/.test(s) || /^[0-9]+$/.test(s)) return s;
  if (/^[A-Za-z0-9]+$/.test(s)) return `\\mathrm{${s}}`;
  if (/^[A-Za-z0-9]*$/u.test(s.replace(/./gu, (ch) => (GREEK_CHARS[ch] !== undefined ? '' : ch)))) {
    // Greek characters mixed with Latin ones: "Δx" -> "\Delta x".
    const parts = s.split(/([^A-Za-z0-9])/u).filter((p) => p !== '');
    return parts.map((p) => GREEK_CHARS[p] ?? word(p)!).join(' ');
  }
  return undefined;
}

export function latexName(name: string): string {
  // Unicode subscript digits, as in "θ₀", are a subscript.
  const subscript = /^(.+?)([\u2080-\u2089]+)$/u.exec(name);
  if (subscript !== null && !subscript[1]!.includes('_')) {
    const digits = [...subscript[2]!].map((d) => String(d.charCodeAt(0) - 0x2080)).join('');
    return `${word(subscript[1]!) ?? texText(subscript[1]!)}_{${digits}}`;
  }
  const underscore = name.indexOf('_');
  if (underscore > 0) {
    // Only a single letter takes a short index as a subscript (T_e, omega_0); any other name with
    // underscores is a word of its own: semi_major_axis stays upright, its underscores shown.
    const base = word(name.slice(0, underscore));
    const sub = name.slice(underscore + 1);
    if (base !== undefined && isSingleSymbol(base) && /^[A-Za-z0-9]{1,3}$/.test(sub)) return `${base}_{${word(sub)!}}`;
    if (/^[A-Za-z0-9_]+$/.test(name)) return `\\mathrm{${name.replace(/_/g, '\\_')}}`;
  }
  const digits = /^([A-Za-z]+)([0-9]+)$/.exec(name);
  if (digits !== null) return `${word(digits[1]!)!}_{${digits[2]!}}`;
  return word(name) ?? texText(name);
}

/** A single letter, possibly Greek, possibly with a subscript: safe to write next to another such symbol. */
export function isSingleSymbol(tex: string): boolean {
  return /^(?:[A-Za-z]|\\[A-Za-z]+)(?:_\{[^{}]*\})?$/.test(tex) && !tex.startsWith('\\mathrm') && !tex.startsWith('\\text');
}
