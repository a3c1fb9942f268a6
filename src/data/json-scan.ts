/**
 * Positions inside JSON text, which `JSON.parse` does not report: where each element of a container
 * starts (to give rows and cells line numbers) and where a syntax error is (V8 names the position for
 * some errors only).
 */

function skipSpace(text: string, p: number): number {
  for (;;) {
    const c = text.charCodeAt(p);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return p;
    p++;
  }
}

/** End (exclusive) of the string starting at the quote at `p`, or -1 if it is not closed. */
function skipString(text: string, p: number): number {
  for (let q = text.indexOf('"', p + 1); q !== -1; q = text.indexOf('"', q + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
  }
  return -1;
}

/** End (exclusive) of the value starting at `p`, in text already known to be valid JSON. */
function skipValue(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (c === 34) return skipString(text, p);
  if (c === 91 || c === 123) {
    let depth = 0;
    for (let q = p; q < text.length; q++) {
      const d = text.charCodeAt(q);
      if (d === 34) {
        const end = skipString(text, q);
        if (end === -1) return text.length;
        q = end - 1;
      }
      else if (d === 91 || d === 123) depth++;
      else if (d === 93 || d === 125) {
        if (--depth === 0) return q + 1;
      }
    }
    return text.length;
  }
  let q = p;
  for (;;) {
    const d = text.charCodeAt(q);
    if (q >= text.length || d === 44 || d === 93 || d === 125 || d <= 32) return q;
    q++;
  }
}

export function firstValueOffset(text: string): number {
  return skipSpace(text, 0);
}

export interface Children {
  /** Start offset of each element's value. */
  offsets: number[];
  /** For an object, the decoded key of each member. */
  keys?: string[];
}

/** Direct children of the array or object starting at `start`. */
export function childrenOf(text: string, start: number): Children {
  const isObject = text.charCodeAt(start) === 123;
  const offsets: number[] = [];
  const keys: string[] = [];
  let p = skipSpace(text, start + 1);
  const close = isObject ? 125 : 93;
  while (p < text.length && text.charCodeAt(p) !== close) {
    if (isObject) {
      const keyEnd = skipString(text, p);
      if (keyEnd === -1) break;
      keys.push(JSON.parse(text.slice(p, keyEnd)) as string);
      p = skipSpace(text, skipSpace(text, keyEnd) + 1);
    }
    offsets.push(p);
    const end = skipValue(text, p);
    if (end <= p) break;
    p = skipSpace(text, end);
    if (text.charCodeAt(p) === 44) p = skipSpace(text, p + 1);
  }
  return isObject ? { offsets, keys } : { offsets };
}

export interface SyntaxProblem {
  offset: number;
  problem: string;
}

class Stop {
  constructor(readonly at: SyntaxProblem) {}
}

/** The first syntax error in `text`, or undefined if it is valid JSON. */
export function findSyntaxError(text: string): SyntaxProblem | undefined {
  let p = 0;
  const fail = (problem: string, at = p): never => {
    throw new Stop({ offset: at, problem });
  };
  const describe = (at: number): string =>
    at >= text.length ? 'unexpected end of input' : `unexpected character ${JSON.stringify(text[at])}`;

  const literal = (word: string): void => {
    if (text.startsWith(word, p)) p += word.length;
    else fail(describe(p));
  };

  const number = (): void => {
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = p;
    if (!m.exec(text)) fail('invalid number');
    const end = m.lastIndex;
    if (/[\d.eE+-]/.test(text[end] ?? '')) fail('invalid number', p);
    p = end;
  };

  const string = (): void => {
    const start = p;
    p++;
    for (;;) {
      if (p >= text.length) fail('unterminated string', start);
      const c = text.charCodeAt(p);
      if (c === 34) {
        p++;
        return;
      }
      if (c === 10 || c === 13) fail('unterminated string (line break inside a string)', start);
      if (c < 32) fail('control character inside a string');
      if (c === 92) {
        const e = text[p + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(p + 2, p + 6))) fail('invalid \\u escape');
          p += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) p += 2;
        else fail('invalid escape sequence');
      } else p++;
    }
  };

  const value = (): void => {
    p = skipSpace(text, p);
    const c = text[p];
    if (c === '{') {
      p = skipSpace(text, p + 1);
      if (text[p] === '}') {
        p++;
        return;
      }
      for (;;) {
        p = skipSpace(text, p);
        if (text[p] !== '"') fail(p >= text.length ? 'unexpected end of input' : 'expected a property name in double quotes');
        string();
        p = skipSpace(text, p);
        if (text[p] !== ':') fail(p >= text.length ? 'unexpected end of input' : "expected ':' after the property name");
        p++;
        value();
        p = skipSpace(text, p);
        if (text[p] === ',') {
          p++;
          if (text[skipSpace(text, p)] === '}') fail("trailing comma before '}'", p - 1);
          continue;
        }
        if (text[p] === '}') {
          p++;
          return;
        }
        fail(p >= text.length ? 'unexpected end of input' : "expected ',' or '}' after a property value");
      }
    }
    if (c === '[') {
      p = skipSpace(text, p + 1);
      if (text[p] === ']') {
        p++;
        return;
      }
      for (;;) {
        value();
        p = skipSpace(text, p);
        if (text[p] === ',') {
          p++;
          if (text[skipSpace(text, p)] === ']') fail("trailing comma before ']'", p - 1);
          continue;
        }
        if (text[p] === ']') {
          p++;
          return;
        }
        fail(p >= text.length ? 'unexpected end of input' : "expected ',' or ']' after an array element");
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fail(describe(p));
  };

  try {
    value();
    p = skipSpace(text, p);
    if (p < text.length) fail('unexpected text after the end of the JSON value');
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return e.at;
    return undefined;
  }
}
