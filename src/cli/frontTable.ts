import type { FrontFormula } from '../engine/front/frontFormula';

function formatLoss(loss: number): string {
  return loss === 0 ? '0' : loss.toExponential(3);
}

/** The Pareto front as an aligned table for a terminal; the best formula is marked with `*`. */
export function frontTable(rows: readonly FrontFormula[]): string {
  const header = ['Complexity', 'Loss', 'Score', '', 'Equation'];
  const cells = rows.map((r) => [String(r.complexity), formatLoss(r.loss), r.score.toFixed(4), r.best ? '*' : '', r.text]);
  const widths = header.map((h, j) => Math.max(h.length, ...cells.map((c) => c[j]!.length)));
  const line = (c: string[]): string =>
    c
      .map((text, j) => (j === c.length - 1 ? text : j < 3 ? text.padStart(widths[j]!) : text.padEnd(widths[j]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...cells.map(line)].join('\n') + '\n';
}
