/**
 * Comments around an inserted formula repeat text from the user's data file (column names, the file's name),
 * which may hold anything. Written as it is, a line break in a column name ends the comment and the rest of
 * the name becomes code in the user's file. Everything here turns such text into comment text that stays one
 * comment line in the language it is written in.
 */

export type CommentLanguage = 'python' | 'javascript' | 'c' | 'julia' | 'rust' | 'matlab' | 'r' | 'latex' | 'markdown';

interface CommentSyntax {
  readonly start: string;
  readonly end?: string;
  /**
   * Two-character sequences that open or close a comment of the language (a block comment the snippet may be
   * inserted into, say); a space is put between their characters.
   */
  readonly delimiters: readonly string[];
  /** A backslash at the end of the line continues the comment on the next line (C's line splicing). */
  readonly splicesLines?: boolean;
}

const SLASH_DELIMITERS = ['/*', '*/'];

const SYNTAX: Readonly<Record<CommentLanguage, CommentSyntax>> = {
  python: { start: '#', delimiters: [] },
  javascript: { start: '//', delimiters: SLASH_DELIMITERS },
  c: { start: '//', delimiters: SLASH_DELIMITERS, splicesLines: true },
  julia: { start: '#', delimiters: ['#=', '=#'] },
  // Rust block comments nest, so an opening one matters as much as a closing one.
  rust: { start: '//', delimiters: SLASH_DELIMITERS },
  // %{ %} and Octave's #{ #} are block comments when alone on a line.
  matlab: { start: '%', delimiters: ['%{', '%}', '#{', '#}'] },
  r: { start: '#', delimiters: [] },
  // TeX reads ^^J and ^^M as line feed and carriage return.
  latex: { start: '%', delimiters: ['^^'] },
  // An HTML comment ends at --> or --!>, and "--" is not allowed inside one.
  markdown: { start: '<!--', end: '-->', delimiters: ['--'] },
};

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\0': '\\0',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
};

/**
 * Control characters (C0, DEL, C1: line feed, carriage return, U+0085 next line, vertical tab, form feed,
 * U+001C..U+001E and NUL among them), the line and paragraph separators U+2028 and U+2029, the invisible
 * bidirectional controls that make text read differently from how it compiles, the byte-order mark, and
 * unpaired surrogates (which no file encoding can hold).
 */
const UNPRINTABLE = /[\p{Cc}\p{Zl}\p{Zp}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]|\p{Cs}/gu;

function visibleEscape(ch: string): string {
  return NAMED_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text with every line break and other unprintable character spelled as an escape: `\n`, `\u2028`. */
export function escapeUnprintable(text: string): string {
  return text.replace(UNPRINTABLE, visibleEscape);
}

/**
 * Comments that tools read as instructions: a coding declaration in the first two lines makes Python (and
 * Emacs) decode the file in that encoding, and in UTF-7 "+AAo-" is a line feed; Emacs also reads
 * "-*- ... -*-" and "Local Variables:" (whose eval: runs Lisp), Vim reads "vim: set ...:" modelines.
 */
const DIRECTIVES: readonly [RegExp, string][] = [
  [/(coding)([:=])/gi, '$1 $2'],
  [/-\*-/g, '- * -'],
  [/(local variables)(:)/gi, '$1 $2'],
  [/(^|\s)(vim?|Vim|ex)([<=>]?\d*:)/g, '$1$2 $3'],
];

function defuseDirectives(text: string): string {
  return DIRECTIVES.reduce((s, [pattern, replacement]) => s.replace(pattern, replacement), text);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A space between the two characters of each delimiter, also where occurrences overlap ("--->"). */
function separateDelimiters(text: string, delimiters: readonly string[]): string {
  return delimiters.reduce(
    (s, d) => s.replace(new RegExp(`${escapeRegExp(d[0]!)}(?=${escapeRegExp(d[1]!)})`, 'g'), `${d[0]!} `),
    text,
  );
}

/** A backslash (or the trigraph ??/, which is one in strict C) at the end of a C line would splice the next line in. */
function endsWithSplice(text: string): boolean {
  return text.endsWith('\\') || text.endsWith('??/');
}

/**
 * One comment line holding `text`, safe in `language` whatever the text holds: a line break or other
 * unprintable character is written as an escape (`\n`, `\u2028`), comment delimiters are split apart, and
 * comments that tools obey are defused.
 */
export function commentLine(text: string, language: CommentLanguage): string {
  const syntax = SYNTAX[language];
  let body = separateDelimiters(defuseDirectives(escapeUnprintable(text)), syntax.delimiters).trimEnd();
  if (syntax.splicesLines && endsWithSplice(body)) body = `${body}.`;
  const line = body === '' ? syntax.start : `${syntax.start} ${body}`;
  return syntax.end === undefined ? line : `${line} ${syntax.end}`;
}

/** Longest text kept from one name in a comment; a longer one is cut, with an ellipsis. */
const MAX_SHOWN_LENGTH = 200;

function shortened(text: string): string {
  const chars = [...text];
  return chars.length > MAX_SHOWN_LENGTH ? `${chars.slice(0, MAX_SHOWN_LENGTH).join('')}…` : text;
}

/** Text from a data file as shown in a comment: escaped (see `escapeUnprintable`), at most 200 characters. */
export function shownText(text: string): string {
  return escapeUnprintable(shortened(text));
}

/** A name in double quotes, with its backslashes and quotes escaped, so that the quoted text reads unambiguously. */
export function quotedName(name: string): string {
  return `"${escapeUnprintable(shortened(name).replace(/[\\"]/g, '\\$&'))}"`;
}
