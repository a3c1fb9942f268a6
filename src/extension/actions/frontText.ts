import Papa from 'papaparse';
import type { FrontRow, RunView } from '../../shared/protocol';

function range([min, max]: [number, number]): string {
  return `[${Number(min.toPrecision(4))}, ${Number(max.toPrecision(4))}]`;
}

/** The comment above an inserted formula: the data it was fitted on, its loss, the inputs' ranges. */
export function provenance(record: RunView, row: FrontRow): string[] {
  const where = record.source.selection ? `${record.source.fileName} (${record.source.selection})` : record.source.fileName;
  const inputs = record.features.map((name, j) => `${name} in ${range(record.featureRanges[j]!)}`).join(', ');
  return [
    `${record.target} fitted by Equation Discovery on ${where}, ${record.source.rows} rows`,
    `loss ${row.loss.toPrecision(4)} (${record.options.loss.toUpperCase()}), complexity ${row.complexity}; fitted for ${inputs}`,
  ];
}

/** The front as CSV with PySR's hall-of-fame columns (Complexity, Loss, Equation) plus Score and LaTeX. */
export function frontCsv(record: RunView): string {
  return Papa.unparse({
    fields: ['Complexity', 'Loss', 'Equation', 'Score', 'LaTeX'],
    data: record.front.map((f) => [f.complexity, f.loss, f.expression, f.score, f.latex]),
  });
}

