import { constantsOf } from '../../engine/expressions/expression';
import { parseExpression } from '../../engine/expressions/formats';
import type { PlottedFormula } from '../../engine/front/plottedFormula';
import { errorText } from '../literal';
import { expressionCheck } from '../../shared/expressionCheck';
import { plottedFormulaCheck } from '../../shared/plottedFormulaCheck';
import { isRecord } from '../../shared/schema';
import { MAX_COMPLEXITY } from '../../shared/webviewProtocolChecks';

/** A saved run's front as read back: the formulas that are sound, and a sentence for each one left out. */
export interface ReadFront {
  front: PlottedFormula[];
  problems: string[];
}

/**
 * A formula saved before runs kept trees: its text (`expression`) is parsed back into the tree, over the
 * run's columns. The only place that reads a formula's text back: everything else uses the saved tree.
 */
function migrateTextOnly(row: Record<string, unknown>, features: readonly string[]): Record<string, unknown> {
  const { expression, ...rest } = row;
  if (typeof expression !== 'string') throw new Error('it has neither a tree nor a text');
  const expr = parseExpression(expression, features);
  return { ...rest, expr, constants: constantsOf(expr), text: expression };
}

function described(row: Record<string, unknown>, index: number): string {
  const complexity = row['complexity'];
  return typeof complexity === 'number' ? `the formula of complexity ${complexity}` : `formula ${index + 1}`;
}

/**
 * The formulas of a saved front (`rows`, the file's `front`) over the run's `features`. Each is checked with
 * the checks of the presenter's replies: a formula with a malformed tree, or fields that do not agree with it,
 * is left out and named in `problems`, and the run keeps its other formulas. Undefined when `rows` is not a
 * list at all.
 */
export function readSavedFront(rows: unknown, features: readonly string[]): ReadFront | undefined {
  if (!Array.isArray(rows)) return undefined;
  const isFormula = plottedFormulaCheck(features.length);
  const isTree = expressionCheck({ features: features.length, maxSize: MAX_COMPLEXITY });
  const front: PlottedFormula[] = [];
  const problems: string[] = [];
  rows.forEach((row: unknown, index) => {
    if (!isRecord(row)) {
      problems.push(`formula ${index + 1} is not a formula`);
      return;
    }
    let formula: unknown = row;
    if (!('expr' in row)) {
      try {
        formula = migrateTextOnly(row, features);
      } catch (error) {
        problems.push(`${described(row, index)} could not be read back from its text: ${errorText(error)}`);
        return;
      }
    }
    if (isFormula(formula)) {
      front.push(formula);
      return;
    }
    const columns = `${features.length} column${features.length === 1 ? '' : 's'}`;
    const why =
      'expr' in row && !isTree(row['expr'])
        ? `has a malformed tree (not an expression over the run's ${columns})`
        : 'has fields that are missing, mistyped or disagree with its tree';
    problems.push(`${described(row, index)} ${why}`);
  });
  return { front, problems };
}
