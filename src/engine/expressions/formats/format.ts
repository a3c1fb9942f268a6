import type { Expr } from '../expression';
import { renamedColumns, sanitizeWithRules } from './identifiers';
import { LANGUAGES } from './languages';
import { formatLatex } from './latex';
import { printWithSpec } from './printer';
import { IDENTIFIER_RULES } from './reservedWords';
import type { CodeFormat, FormatName } from './types';

export interface FormatOptions {
  /** Column names, indexed by feature number. */
  readonly names: readonly string[];
  /** Significant digits of the numbers in `latex` (default 4); the code formats always print full precision. */
  readonly digits?: number;
}

/** Identifiers for the column names in a code format, in the same order (see `renamedColumns`). */
export function sanitizeIdentifiers(names: readonly string[], format: CodeFormat): string[] {
  return sanitizeWithRules(names, IDENTIFIER_RULES[format]);
}

/** The columns whose identifier in `format` differs from their name. */
export function identifierMapping(names: readonly string[], format: CodeFormat): { index: number; name: string; identifier: string }[] {
  return renamedColumns(names, sanitizeIdentifiers(names, format));
}

export function formatExpression(e: Expr, format: FormatName, options: FormatOptions): string {
  if (format === 'latex') return formatLatex(e, options.names, options.digits);
  return printWithSpec(e, LANGUAGES[format], sanitizeIdentifiers(options.names, format));
}
