/**
 * Runtime checks of what crosses the webview boundary, in both directions, and of the page's saved state.
 * The types in `webviewProtocol.ts` only hold for values that passed these checks.
 */

import {
  COPY_FORMATS,
  WEBVIEW_COMMANDS,
  type FormatChoice,
  type FrontRow,
  type FromWebview,
  type RunStatus,
  type RunView,
  type ToWebview,
  type WebviewPersistedState,
} from './webviewProtocol';
import {
  arrayOf,
  integerIn,
  isBoolean,
  isNumber,
  isString,
  nullable,
  object,
  oneOf,
  optional,
  tagged,
  text,
  tupleOf,
  type Check,
  type Shape,
} from './schema';
import { externalLink } from './webLink';

/**
 * Far above any real formula: the `maxSize` setting stops at 100, and a formula rewritten into the user's
 * units grows by a few nodes at most.
 */
export const MAX_COMPLEXITY = 10_000;

export const isComplexity = integerIn(1, MAX_COMPLEXITY);
const complexity = isComplexity;
const formatChoice: Check<FormatChoice> = oneOf(COPY_FORMATS.map((f) => f.format));
const webLink: Check<string> = (value): value is string => text(2048)(value) && externalLink(value) !== undefined;
export const isRunStatus: Check<RunStatus> = oneOf<RunStatus>(['running', 'finished', 'cancelled', 'failed']);
const numbers = arrayOf(isNumber);
const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** The fields of a front formula the view gets (`FrontRow`); saved runs check the same and the tree. */
export const frontRowShape = {
  complexity,
  loss: isNumber,
  score: isNumber,
  best: isBoolean,
  constants: numbers,
  text: isString,
  latex: isString,
  predictions: nullable(numbers),
} satisfies Shape;

export const isFrontRow: Check<FrontRow> = object(frontRowShape);

const runStats = object({
  evaluations: isNumber,
  evaluationsPerSecond: isNumber,
  seconds: isNumber,
  stoppedBy: optional(isString),
  workerFailures: optional(arrayOf(isString)),
});

const relatedPaper = object({ title: isString, link: isString, year: isNumber, score: isNumber, reasons: arrayOf(isString) });

export const isRunView: Check<RunView> = object({
  id: nonEmpty,
  title: isString,
  createdAt: isString,
  status: isRunStatus,
  error: optional(isString),
  source: object({ fileName: isString, selection: optional(isString), rows: isNumber, droppedRows: isNumber }),
  target: isString,
  features: arrayOf(isString),
  featureRanges: arrayOf(tupleOf(isNumber, isNumber)),
  description: optional(isString),
  options: object({
    operators: arrayOf(isString),
    maxSize: isNumber,
    timeLimitSeconds: isNumber,
    workers: (value: unknown): value is number | 'auto' => value === 'auto' || isNumber(value),
    loss: isString,
  }),
  plotRows: object({ features: arrayOf(numbers), target: numbers }),
  front: arrayOf(isFrontRow),
  stats: runStats,
  related: arrayOf(relatedPaper),
});

/** A message from the results page: one of `FromWebview`, with every field of the expected type and range. */
export const isFromWebview: Check<FromWebview> = tagged({
  ready: {},
  selected: { complexity },
  insert: { complexity },
  copy: { complexity, format: formatChoice },
  export: {},
  cancel: {},
  openLink: { url: webLink },
  runCommand: { command: oneOf(WEBVIEW_COMMANDS) },
} satisfies Record<FromWebview['type'], Shape>);

/** A message from the extension, as the page checks it before use. */
export const isToWebview: Check<ToWebview> = tagged({
  showRun: { run: isRunView, selectedComplexity: optional(complexity) },
  updateRun: { id: nonEmpty, status: isRunStatus, front: arrayOf(isFrontRow), stats: runStats, error: optional(isString) },
  updateRelated: { id: nonEmpty, related: arrayOf(relatedPaper), description: optional(isString) },
  showEmpty: {},
} satisfies Record<ToWebview['type'], Shape>);

export const isPersistedState: Check<WebviewPersistedState> = object({
  runId: optional(nonEmpty),
  selectedComplexity: optional(complexity),
  copyFormat: optional(formatChoice),
  plotFeature: optional(isString),
});
