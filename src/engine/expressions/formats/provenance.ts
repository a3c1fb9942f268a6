import { shownText } from './commentText';

/** Where a formula was fitted: what the comment above an inserted formula says about it. */
export interface FitSource {
  /** The data file's name (no folders). */
  readonly fileName: string;
  /** The part of the file used, e.g. "lines 2–33", if not all of it. */
  readonly selection?: string;
  readonly rows: number;
  readonly target: string;
  readonly features: readonly string[];
  /** Smallest and largest value of each feature; runs saved before ranges were recorded have none. */
  readonly featureRanges?: readonly (readonly [number, number])[];
  /** The loss minimised: mse, mae or huber. */
  readonly loss: string;
}

export interface FitResult {
  readonly loss: number;
  readonly complexity: number;
}

function range(r: readonly [number, number] | undefined): string | undefined {
  // A saved run stores an empty column's infinite extent as nulls.
  if (!Array.isArray(r) || !Number.isFinite(r[0]) || !Number.isFinite(r[1])) return undefined;
  return `[${Number(r[0].toPrecision(4))}, ${Number(r[1].toPrecision(4))}]`;
}

function inputs(source: FitSource): string {
  return source.features
    .map((name, j) => {
      const r = range(source.featureRanges?.[j]);
      return r === undefined ? shownText(name) : `${shownText(name)} in ${r}`;
    })
    .join(', ');
}

/**
 * The comment above an inserted formula: the data it was fitted on, its loss, the inputs' ranges. Names from
 * the data are shown escaped and shortened (`shownText`); `formatSnippet` makes each line a safe comment.
 */
export function provenanceLines(source: FitSource, fit: FitResult): string[] {
  const file = shownText(source.fileName);
  const where = source.selection ? `${file} (${shownText(source.selection)})` : file;
  const loss = Number.isFinite(fit.loss) ? fit.loss.toPrecision(4) : String(fit.loss);
  const lossName = typeof source.loss === 'string' ? ` (${shownText(source.loss.toUpperCase())})` : '';
  return [
    `${shownText(source.target)} fitted by Equation Discovery on ${where}, ${source.rows} rows`,
    `loss ${loss}${lossName}, complexity ${fit.complexity}; fitted for ${inputs(source)}`,
  ];
}
