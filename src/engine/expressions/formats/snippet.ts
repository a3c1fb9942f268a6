import { featuresOf, type Expr } from '../expression';
import { commentLine, quotedName } from './commentText';
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

type SnippetLanguage = Exclude<FormatName, 'mathjs'> | 'markdown';

/** How each language assigns the formula to a variable. */
const STATEMENTS: Readonly<Record<SnippetLanguage, (output: string, formula: string) => string>> = {
  python: (y, f) => `${y} = ${f}`,
  javascript: (y, f) => `const ${y} = ${f};`,
  c: (y, f) => `double ${y} = ${f};`,
  julia: (y, f) => `${y} = ${f}`,
  rust: (y, f) => `let ${y}: f64 = ${f};`,
  matlab: (y, f) => `${y} = ${f};`,
  r: (y, f) => `${y} <- ${f}`,
  latex: (y, f) => `\\[\n  ${y} = ${f}\n\\]`,
  markdown: (y, f) => `$$\n${y} = ${f}\n$$`,
};

function snippetLanguage(languageId: string): SnippetLanguage {
  const format = formatForLanguageId(languageId);
  if (format === undefined || format === 'mathjs') throw new Error(`No formula format for language "${languageId}"`);
  return languageId === 'markdown' ? 'markdown' : format;
}

/** Comment lines in the language of a VS Code languageId, each one safe whatever text it holds (see `commentLine`). */
export function formatComment(lines: readonly string[], languageId: string): string {
  const language = snippetLanguage(languageId);
  return lines.map((l) => commentLine(l, language)).join('\n');
}

export interface SnippetOptions {
  readonly names: readonly string[];
  /** Name of the variable the formula is assigned to (default `y`); made a valid identifier if needed. */
  readonly outputName?: string;
  /**
   * Lines of the comment above the statement (for example where and when the formula was fitted). Each one is
   * one comment line: line breaks in it are written as escapes, like every other character that could end
   * the comment.
   */
  readonly commentLines?: readonly string[];
  /** Significant digits for LaTeX and Markdown. */
  readonly digits?: number;
}

/**
 * Code to insert into a file of the given VS Code languageId: a comment (the given lines, the numpy import
 * a Python formula needs, and the columns that had to be renamed) and an assignment of the formula.
 */
export function formatSnippet(e: Expr, languageId: string, options: SnippetOptions): string {
  const language = snippetLanguage(languageId);
  const format = language === 'markdown' ? 'latex' : language;
  const formula = formatExpression(e, format, options);
  const comments = [...(options.commentLines ?? [])];
  let output: string;
  if (format === 'latex') {
    output = latexName(options.outputName || 'y');
  } else {
    const ids = sanitizeIdentifiers(options.names, format);
    const used = featuresOf(e);
    output = identifierFor(options.outputName || 'y', IDENTIFIER_RULES[format], new Set(used.map((i) => ids[i]!)));
    if (format === 'python' && formula.includes('np.')) comments.push('requires: import numpy as np');
    for (const i of used) if (ids[i] !== options.names[i]) comments.push(`${ids[i]}: column ${quotedName(options.names[i]!)}`);
  }
  return [...comments.map((l) => commentLine(l, language)), STATEMENTS[language](output, formula)].join('\n');
}
