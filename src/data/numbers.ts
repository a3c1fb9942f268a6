export const NUMBER = 0;
export const MISSING = 1;
export const TEXT = 2;
export type CellKind = typeof NUMBER | typeof MISSING | typeof TEXT;

const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

const MISSING_TOKENS = new Set(['', 'nan', '-nan', 'na', 'n/a', '#n/a', 'null', 'none', '<na>']);

/**
 * The number written in a cell, or NaN when the cell is not a number (missing or text).
 *
 * Accepts decimal and exponent notation with an optional sign (`+1.5e-3`, `.5`, `5.`), surrounding
 * whitespace, and `inf`/`infinity` in any case. Rejects what `Number()` would otherwise accept but a
 * data file does not mean: blank cells (which `Number` reads as 0) and `0x`/`0b`/`0o` literals.
 * With `decimalComma`, a single `,` and no `.` is read as a decimal separator (`1,5` is 1.5).
 */
export function parseNumber(s: string, decimalComma: boolean): number {
  let a = 0;
  let b = s.length - 1;
  while (a <= b && s.charCodeAt(a) <= 32) a++;
  while (b >= a && s.charCodeAt(b) <= 32) b--;
  if (a > b) return NaN;
  const first = s.charCodeAt(a);
  const last = s.charCodeAt(b);
  if ((last >= ZERO && last <= NINE) || last === DOT) {
    if ((first >= ZERO && first <= NINE) || first === DOT || first === MINUS || first === PLUS) {
      if (first === ZERO && b > a) {
        const radix = s.charCodeAt(a + 1) | 32;
        if (radix === 120 || radix === 98 || radix === 111) return NaN;
      }
      const v = +s;
      if (v === v) return v;
      if (decimalComma) return parseDecimalComma(s);
    }
    return NaN;
  }
  return b - a < 9 ? parseInfinity(s.slice(a, b + 1).toLowerCase()) : NaN;
}

function parseDecimalComma(s: string): number {
  const comma = s.indexOf(',');
  if (comma === -1 || s.indexOf(',', comma + 1) !== -1 || s.indexOf('.') !== -1) return NaN;
  return +(s.slice(0, comma) + '.' + s.slice(comma + 1));
}

function parseInfinity(word: string): number {
  switch (word) {
    case 'inf':
    case '+inf':
    case 'infinity':
    case '+infinity':
      return Infinity;
    case '-inf':
    case '-infinity':
      return -Infinity;
    default:
      return NaN;
  }
}

/** Empty, or a usual spelling of "not available" (case-insensitive): NaN, NA, N/A, #N/A, null, None, <NA>. */
export function isMissingToken(s: string): boolean {
  const t = s.trim();
  return t.length <= 4 && MISSING_TOKENS.has(t.toLowerCase());
}

export function classifyCell(s: string, decimalComma: boolean): CellKind {
  const v = parseNumber(s, decimalComma);
  if (v === v) return NUMBER;
  return isMissingToken(s) ? MISSING : TEXT;
}
