/**
 * Runtime checks of what crosses the thread boundary between the search coordinator and a worker, in both
 * directions. The types in `workerProtocol.ts` only hold for values that passed these checks. Formulas are
 * checked against the limits of their search (`limitsOf` the init request), which both sides know.
 */

import { size } from '../engine/expressions/expression';
import { BINARY_OPERATORS, UNARY_OPERATORS } from '../engine/expressions/operators';
import type { Formula } from '../engine/search/formula';
import type { ScoredEntry } from '../engine/search/pareto';
import {
  arrayOf,
  integerIn,
  isBoolean,
  isFiniteNumber,
  isRecord,
  object,
  oneOf,
  optional,
  tagged,
  type Check,
  type Shape,
} from '../shared/schema';
import { expressionCheck, type FormulaLimits } from '../shared/expressionCheck';
import type { WorkerInit, WorkerReplies, WorkerRequest, WorkerRequestType } from './workerProtocol';

/** A loss: never negative or NaN; +Infinity is the loss of a formula that is invalid on the data. */
const isLoss: Check<number> = (value): value is number => typeof value === 'number' && value >= 0;
const isNonNegative: Check<number> = (value): value is number => isFiniteNumber(value) && value >= 0;
/** A time budget: +Infinity when the search has no time limit (iterations or evaluations end it). */
const isBudgetMs: Check<number> = (value): value is number => typeof value === 'number' && value >= 0;
const isCount = integerIn(0, Number.MAX_SAFE_INTEGER);
const isPositiveCount = integerIn(1, Number.MAX_SAFE_INTEGER);
const isSeed = integerIn(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
const isColumn: Check<Float64Array> = (value): value is Float64Array => value instanceof Float64Array;
/** Room for the Int32 stop flag. */
const isStopFlag: Check<SharedArrayBuffer> = (value): value is SharedArrayBuffer =>
  value instanceof SharedArrayBuffer && value.byteLength >= Int32Array.BYTES_PER_ELEMENT;
const nothing = (_value: unknown): _value is never => false;

/** The options a worker's checks and trees depend on; the coordinator resolved and checked all of them. */
const searchOptions = object({
  maxSize: isPositiveCount,
  binaryOperators: arrayOf(oneOf(BINARY_OPERATORS)),
  unaryOperators: arrayOf(oneOf(UNARY_OPERATORS)),
});

const initShape = {
  X: arrayOf(isColumn),
  y: isColumn,
  weights: optional(isColumn),
  options: searchOptions,
  islands: isPositiveCount,
  seed: isSeed,
  stopFlag: isStopFlag,
  structureAnalysis: optional(isBoolean),
} satisfies Shape;

/** Every column, and the weights, have one value per row. */
function rowsAgree(init: { X: Float64Array[]; y: Float64Array; weights?: Float64Array }): boolean {
  const rows = init.y.length;
  return init.X.every((column) => column.length === rows) && (init.weights === undefined || init.weights.length === rows);
}

/** What the formulas of the search that `init` starts may contain. */
export function limitsOf(init: Pick<WorkerInit, 'X' | 'options'>): FormulaLimits {
  return { features: init.X.length, maxSize: init.options.maxSize };
}

export function formulaCheck(limits: FormulaLimits): Check<Formula> {
  return object({ expr: expressionCheck(limits), loss: isLoss });
}

/**
 * A request as a worker checks it. Until the worker is initialised (`limits` unknown) only `init` passes:
 * there is no search yet whose formulas another request could carry.
 */
export function workerRequestCheck(limits?: FormulaLimits): Check<WorkerRequest> {
  const formulas: Check<Formula[]> = limits ? arrayOf(formulaCheck(limits)) : nothing;
  const request = tagged({
    init: initShape,
    runSlice: { budgetMs: isNonNegative, migrants: formulas, fame: formulas },
    polish: { entries: formulas, floor: isNonNegative, budgetMs: isBudgetMs },
  } satisfies Record<WorkerRequestType, Shape>);
  return (value): value is WorkerRequest => request(value) && (value.type !== 'init' || rowsAgree(value));
}

export type WorkerReplyChecks = { readonly [T in WorkerRequestType]: Check<WorkerReplies[T]> };

/** The reply to each type of request, as the coordinator checks it. */
export function workerReplyChecks(limits: FormulaLimits): WorkerReplyChecks {
  const formulas = arrayOf(formulaCheck(limits));
  const polished = object({
    expr: expressionCheck(limits),
    loss: isLoss,
    complexity: integerIn(1, limits.maxSize),
    score: isFiniteNumber,
    best: isBoolean,
  });
  const isPolished: Check<ScoredEntry> = (value): value is ScoredEntry =>
    polished(value) && value.complexity === size(value.expr);
  return {
    init: (value): value is void => value === undefined,
    runSlice: object({ fame: formulas, migrants: formulas, evaluations: isNonNegative, iterations: isCount }),
    polish: arrayOf(isPolished),
  };
}

/** The request type a value claims to be, for saying which request was malformed. */
export function claimedType(value: unknown): string {
  return isRecord(value) && typeof value['type'] === 'string' ? value['type'].slice(0, 40) : 'untyped';
}
