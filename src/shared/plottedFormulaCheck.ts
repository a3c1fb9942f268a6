import { constantsOf, size } from '../engine/expressions/expression';
import type { PlottedFormula } from '../engine/front/plottedFormula';
import { expressionCheck } from './expressionCheck';
import { object, type Check } from './schema';
import { frontRowShape, MAX_COMPLEXITY } from './webviewProtocolChecks';

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * A front formula with its tree over `features` columns, as the presenter thread sends it and a saved run
 * holds it: every field of a `FrontRow`, a well-formed tree whose size is the complexity and whose constants
 * are the ones listed.
 */
export function plottedFormulaCheck(features: number): Check<PlottedFormula> {
  const fields = object({ ...frontRowShape, expr: expressionCheck({ features, maxSize: MAX_COMPLEXITY }) });
  return (value): value is PlottedFormula =>
    fields(value) && value.complexity === size(value.expr) && sameNumbers(value.constants, constantsOf(value.expr));
}
