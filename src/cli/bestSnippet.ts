import type { Dataset } from '../data';
import { extent } from '../data/extent';
import { formatComment, formatSnippet, provenanceLines } from '../engine/expressions/formats';
import type { FrontFormula } from '../engine/front/frontFormula';
import type { SnippetFormat } from './outputFormats';

export interface SnippetSource {
  readonly dataset: Dataset;
  /** The data file's name, without folders, as the extension shows it. */
  readonly fileName: string;
  /** The loss the search minimised (mse, mae, huber). */
  readonly loss: string;
}

/**
 * The best formula of the front exactly as "Insert into Editor" writes it into a file of that language: the
 * provenance comment, then the assignment. An empty front gives a comment saying why (`emptyReason`).
 */
export function bestSnippet(front: readonly FrontFormula[], format: SnippetFormat, source: SnippetSource, emptyReason: string): string {
  const best = front.find((e) => e.best) ?? front[front.length - 1];
  if (best === undefined) return `${formatComment([`No formula: ${emptyReason}.`], format)}\n`;
  const { dataset } = source;
  const commentLines = provenanceLines(
    {
      fileName: source.fileName,
      rows: dataset.rows,
      target: dataset.targetName,
      features: dataset.featureNames,
      featureRanges: dataset.X.map((column) => extent(column)),
      loss: source.loss,
    },
    best,
  );
  const snippet = formatSnippet(best.expr, format, { names: dataset.featureNames, outputName: dataset.targetName, commentLines });
  return `${snippet}\n`;
}
