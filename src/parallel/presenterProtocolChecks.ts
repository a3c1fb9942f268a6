/**
 * Runtime checks of what crosses the boundary between a run and its presenter thread, in both directions.
 * Trees are checked against the columns of the `init` request, which both sides know.
 */

import { size } from '../engine/expressions/expression';
import type { PlottedFormula } from '../engine/front/plottedFormula';
import type { ScoredEntry } from '../engine/search/pareto';
import { expressionCheck } from '../shared/expressionCheck';
import { plottedFormulaCheck } from '../shared/plottedFormulaCheck';
import { arrayOf, integerIn, isBoolean, isFiniteNumber, isString, object, tagged, type Check, type Shape } from '../shared/schema';
import { isComplexity, MAX_COMPLEXITY } from '../shared/webviewProtocolChecks';
import type { PresenterInit, PresenterReplies, PresenterRequest, PresenterRequestType } from './presenterProtocol';

const isColumn: Check<Float64Array> = (value): value is Float64Array => value instanceof Float64Array;
/** A loss on the front: never negative or NaN (a formula on the front is valid, so its loss is finite). */
const isLoss: Check<number> = (value): value is number => isFiniteNumber(value) && value >= 0;
const nothing = (_value: unknown): _value is never => false;

const initShape = { names: arrayOf(isString), columns: arrayOf(isColumn), rows: integerIn(0, Number.MAX_SAFE_INTEGER) } satisfies Shape;

/** One name per column, `rows` values in each. */
function columnsAgree(init: PresenterInit): boolean {
  return init.columns.length === init.names.length && init.columns.every((column) => column.length === init.rows);
}

function scoredEntryCheck(features: number): Check<ScoredEntry> {
  const fields = object({
    expr: expressionCheck({ features, maxSize: MAX_COMPLEXITY }),
    complexity: isComplexity,
    loss: isLoss,
    score: isFiniteNumber,
    best: isBoolean,
  });
  return (value): value is ScoredEntry => fields(value) && value.complexity === size(value.expr);
}

/**
 * A request as the presenter checks it. Until it is initialised (`features` unknown) only `init` passes:
 * there are no columns yet that a front's trees could read.
 */
export function presenterRequestCheck(features?: number): Check<PresenterRequest> {
  const front: Check<ScoredEntry[]> = features === undefined ? nothing : arrayOf(scoredEntryCheck(features));
  const request = tagged({ init: initShape, present: { front } } satisfies Record<PresenterRequestType, Shape>);
  return (value): value is PresenterRequest => request(value) && (value.type !== 'init' || columnsAgree(value));
}

export type PresenterReplyChecks = { readonly [T in PresenterRequestType]: Check<PresenterReplies[T]> };

/** The reply to each type of request, as the run checks it: formulas over the columns of `init`, predictions on its rows. */
export function presenterReplyChecks(init: PresenterInit): PresenterReplyChecks {
  const formula = plottedFormulaCheck(init.names.length);
  const onTheRows: Check<PlottedFormula> = (value): value is PlottedFormula =>
    formula(value) && (value.predictions === null || value.predictions.length === init.rows);
  return {
    init: (value): value is void => value === undefined,
    present: arrayOf(onTheRows),
  };
}
