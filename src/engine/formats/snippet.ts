import { featuresOf, type Expr } from '../expression';
import { formatExpression, sanitizeIdentifiers } from './format';
import { identifierFor } from './identifiers';
import { latexName } from './latexNames';
import { IDENTIFIER_RULES } from './reservedWords';
import type { FormatName } from './types';

/** Formats for the VS Code languageIds a formula can be inserted into. */
export const LANGUAGE_FORMATS: Readonly<Record<string, FormatName>> = {
  python: 'python',
  javascript: 'javascript',
  typescript: 'javascript',
  javascriptreact: 'javascript',
  typescriptreact: 'javascript',
  c: 'c',
  cpp: 'c',
  julia: 'julia',
  rust: 'rust',
  matlab: 'matlab',
  octave: 'matlab',
  r: 'r',
  latex: 'latex',
  markdown: 'latex',
};

export function formatForLanguageId(languageId: string): FormatName | undefined {
  return Object.hasOwn(LANGUAGE_FORMATS, languageId) ? LANGUAGE_FORMATS[languageId] : undefined;
}

interface Style {
  readonly comment: (line: string) => string;
  readonly statement: (output: string, formula: string) => string;
}

const lineComment =
  (marker: string) =>
  (line: string): string =>
    line === '' ? marker : `${marker} ${line}`;

// A backslash ending a // comment would splice the next line into it in C and C++.
const slashComment = (line: string): string => lineComment('//')(line.endsWith('\\') ? `${line}.` : line);

const STYLES: Readonly<Record<string, Style>> = {
  python: { comment: lineComment('#'), statement: (y, f) => `${y} = ${f}` },
  javascript: { comment: slashComment, statement: (y, f) => `const ${y} = ${f};` },
  c: { comment: slashComment, statement: (y, f) => `double ${y} = ${f};` },
  julia: { comment: lineComment('#'), statement: (y, f) => `${y} = ${f}` },
  rust: { comment: slashComment, statement: (y, f) => `let ${y}: f64 = ${f};` },
  matlab: { comment: lineComment('%'), statement: (y, f) => `${y} = ${f};` },
  r: { comment: lineComment('#'), statement: (y, f) => `${y} <- ${f}` },
  latex: { comment: lineComment('%'), statement: (y, f) => `\\[\n  ${y} = ${f}\n\\]` },
  markdown: {
    comment: (line) => `<!-- ${line.replace(/--/g, '- -')} -->`,
    statement: (y, f) => `$$\n${y} = ${f}\n$$`,
  },
};

export interface SnippetOptions {
  readonly names: readonly string[];
  /** Name of the variable the formula is assigned to (default `y`); made a valid identifier if needed. */
  readonly outputName?: string;
  /** Lines of the comment above the statement (for example where and when the formula was fitted). */
  readonly commentLines?: readonly string[];
  /** Significant digits for LaTeX and Markdown. */
  readonly digits?: number;
}

/**
 * Code to insert into a file of the given VS Code languageId: a comment (the given lines, the numpy import
 * a Python formula needs, and the columns that had to be renamed) and an assignment of the formula.
 */
export function formatSnippet(e: Expr, languageId: string, options: SnippetOptions): string {
  const format = formatForLanguageId(languageId);
  if (format === undefined) throw new Error(`No formula format for language "${languageId}"`);
  const style = STYLES[languageId === 'markdown' ? 'markdown' : format]!;
  const formula = formatExpression(e, format, options);
  const comments = (options.commentLines ?? []).flatMap((l) => l.split(/\r?\n/)).map((l) => l.trimEnd());
  let output: string;
  if (format === 'latex') {
    output = latexName(options.outputName ?? 'y');
  } else {
    const ids = sanitizeIdentifiers(options.names, format);
    const used = featuresOf(e);
    output = identifierFor(options.outputName || 'y', IDENTIFIER_RULES[format], new Set(used.map((i) => ids[i]!)));
    if (format === 'python' && formula.includes('np.')) comments.push('requires: import numpy as np');
    for (const i of used) if (ids[i] !== options.names[i]) comments.push(`${ids[i]}: column "${options.names[i]}"`);
  }
  return [...comments.map(style.comment), style.statement(output, formula)].join('\n');
}
