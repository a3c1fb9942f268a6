import Papa from 'papaparse';
import { provenanceLines } from '../../engine/expressions/formats/provenance';
import type { FrontRow, RunView } from '../../shared/webviewProtocol';

/** The comment above an inserted formula: the data it was fitted on, its loss, the inputs' ranges. */
export function provenance(record: RunView, row: FrontRow): string[] {
  return provenanceLines(
    {
      fileName: record.source.fileName,
      ...(record.source.selection ? { selection: record.source.selection } : {}),
      rows: record.source.rows,
      target: record.target,
      features: record.features,
      // Runs saved before the ranges were recorded have none.
      ...(record.featureRanges ? { featureRanges: record.featureRanges } : {}),
      loss: record.options.loss,
    },
    row,
  );
}

/** The front as CSV with PySR's hall-of-fame columns (Complexity, Loss, Equation) plus Score and LaTeX. */
export function frontCsv(record: RunView): string {
  return Papa.unparse({
    fields: ['Complexity', 'Loss', 'Equation', 'Score', 'LaTeX'],
    data: record.front.map((f) => [f.complexity, f.loss, f.text, f.score, f.latex]),
  });
}

