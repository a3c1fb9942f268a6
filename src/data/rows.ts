const HASH = 35;
const PERCENT = 37;

/** A text row's first visible character marks a comment when it is `#` or `%`. */
export function isCommentChar(code: number): boolean {
  return code === HASH || code === PERCENT;
}

/** Whether a parsed row is a blank line (all fields blank) or a comment (first visible character `#` or `%`). */
export function isSkippable(fields: readonly string[]): boolean {
  const f0 = fields[0];
  if (f0 === undefined) return true;
  for (let i = 0; i < f0.length; i++) {
    const c = f0.charCodeAt(i);
    if (c > 32) return isCommentChar(c);
  }
  for (let j = 1; j < fields.length; j++) if (!isBlank(fields[j]!)) return false;
  return true;
}

export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 32) return false;
  return true;
}

/** Whether every field from `from` on is blank (trailing delimiters, as some spreadsheets write). */
export function restBlank(fields: readonly string[], from: number): boolean {
  for (let j = from; j < fields.length; j++) if (!isBlank(fields[j]!)) return false;
  return true;
}

/**
 * Turns a row parsed with a single space as delimiter into whitespace-separated fields: runs of spaces
 * and tabs count as one separator, and leading or trailing blanks are ignored.
 */
export function splitOnWhitespace(fields: string[]): string[] {
  let clean = true;
  for (const f of fields) {
    if (f === '' || hasInnerBlank(f)) {
      clean = false;
      break;
    }
  }
  if (clean) return fields;
  const out: string[] = [];
  for (const f of fields) {
    if (isBlank(f)) continue;
    if (!hasInnerBlank(f)) out.push(f);
    else for (const part of f.split(/[\t\v\f\r ]+/)) if (part !== '') out.push(part);
  }
  return out;
}

function hasInnerBlank(f: string): boolean {
  for (let i = 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    if (c === 9 || c === 11 || c === 12 || c === 13) return true;
  }
  return false;
}
