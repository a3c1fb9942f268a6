/**
 * Column names, file names and other text from a data file that try to end the comment they are written in
 * and run code of their own. Each payload, if it ever ran, would print PWNED.
 */

export type PayloadLanguage = 'python' | 'javascript' | 'c' | 'cpp' | 'julia' | 'rust' | 'matlab' | 'r' | 'latex' | 'markdown';

/** A statement that prints PWNED, then the start of a line comment that swallows the rest of the line. */
export const PAYLOADS: Readonly<Record<PayloadLanguage, string>> = {
  python: 'print("PWNED") #',
  javascript: 'console.log("PWNED") //',
  c: 'puts("PWNED"); //',
  cpp: 'puts("PWNED"); //',
  julia: 'println("PWNED") #',
  rust: 'println!("PWNED"); //',
  matlab: 'disp("PWNED") %',
  r: 'print("PWNED") #',
  latex: '\\typeout{PWNED} %',
  markdown: '<img src=x onerror=alert("PWNED")>',
};

/** Characters some language, editor or tool takes for the end of a line. */
export const LINE_BREAKS: Readonly<Record<string, string>> = {
  'line feed': '\n',
  'carriage return alone': '\r',
  'CRLF': '\r\n',
  'U+2028 line separator': '\u2028',
  'U+2029 paragraph separator': '\u2029',
  'U+0085 next line': '\u0085',
  'vertical tab': '\v',
  'form feed': '\f',
  'U+001C file separator': '\u001c',
  'U+001D group separator': '\u001d',
  'U+001E record separator': '\u001e',
  'NUL': '\u0000',
};

/** Named hostile texts for one language: line breaks before its payload, comment terminators, and the rest. */
export function hostileTexts(language: PayloadLanguage): [string, string][] {
  const payload = PAYLOADS[language];
  const texts: [string, string][] = Object.entries(LINE_BREAKS).map(([name, br]) => [name, `x${br}${payload}`]);
  texts.push(
    ['a line break at both ends', `\n${payload}\n`],
    ['every line break at once', `x${Object.values(LINE_BREAKS).join('')}${payload}`],
    ['block comment end', `x */ ${payload} /*`],
    ['block comment start', `x /* ${payload}`],
    ['Julia block comment end', `x =# ${payload} #=`],
    ['MATLAB block comment end', `x\n%}\n${payload}\n%{`],
    ['Octave block comment end', `x\n#}\n${payload}\n#{`],
    ['HTML comment end', `x --> ${payload} <!--`],
    ['HTML comment end with three dashes', `x ---> ${payload}`],
    ['HTML comment end --!>', `x --!> ${payload}`],
    ['trailing backslash', 'C:\\data\\'],
    ['backslash then spaces', 'C:\\data\\   '],
    ['trailing trigraph backslash', 'what??/'],
    ['TeX ^^J notation', `x^^J${payload}`],
    ['TeX ^^M notation', `x^^M${payload}`],
    ['Python coding line', 'coding: utf-7 +AAo-print("PWNED")+AAo-#'],
    ['Emacs file variables', '-*- coding: utf-7; eval: (shell-command "echo PWNED") -*-'],
    ['bidirectional override', `x\u202e${payload}\u2066`],
    ['lone surrogate', `x\ud800${payload}`],
    ['a very long name', `${'a'.repeat(20_000)}\n${payload}`],
  );
  return texts;
}
