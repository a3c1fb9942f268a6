import * as vscode from 'vscode';
import { DataError, parseRowRange, type DataTable, type RowRange } from '../../data';
import { plainLabel } from './plainLabel';

/** Rows shown before the user chooses which to use. */
export const PREVIEW_ROWS = 5;

function cellText(v: number): string {
  return v !== v ? '–' : String(Number(v.toPrecision(6)));
}

/** The first rows of a table as lines of `name = value` pairs, for the detail of a Quick Pick item. */
export function previewLines(table: DataTable, rows = PREVIEW_ROWS): string[] {
  const shown = table.columns.slice(0, 8);
  const more = table.columns.length > shown.length ? `, … (${table.columns.length} columns)` : '';
  const lines: string[] = [];
  for (let r = 0; r < Math.min(rows, table.rows); r++) {
    lines.push(`row ${table.lineOfRow[r]}: ${shown.map((c) => `${plainLabel(c.name)} = ${cellText(c.values[r]!)}`).join(', ')}${more}`);
  }
  return lines;
}

/**
 * Asks which rows of a binary table to use: all of them, or a range typed as `first:last`; the first rows of
 * the table are shown meanwhile. Resolves to undefined for all rows, null when the user cancels.
 */
export async function chooseRows(preview: DataTable, fileName: string): Promise<RowRange | undefined | null> {
  const total = preview.totalRows;
  const all: vscode.QuickPickItem = {
    label: 'All rows',
    description: total !== undefined ? `${total.toLocaleString('en-US')} rows` : '',
    detail: previewLines(preview, 3).join('  ·  '),
  };
  const range: vscode.QuickPickItem = { label: 'A range of rows…', description: 'first:last, counted from 1' };
  const picked = await vscode.window.showQuickPick([all, range], {
    title: `Discover Equation: ${plainLabel(fileName)}`,
    placeHolder: 'Rows to use',
    ignoreFocusOut: true,
  });
  if (picked === undefined) return null;
  if (picked !== range) return undefined;
  const text = await vscode.window.showInputBox({
    title: `Discover Equation: rows of ${plainLabel(fileName)}`,
    prompt: `Rows to use, as first:last${total !== undefined ? ` (1 to ${total})` : ''}; either may be left out`,
    placeHolder: total !== undefined ? `1:${total}` : '100:5000',
    ignoreFocusOut: true,
    validateInput: (value) => {
      try {
        const r = parseRowRange(value);
        return total !== undefined && r.first > total ? `there are ${total} rows` : undefined;
      } catch (e) {
        return e instanceof DataError ? e.detail : String(e);
      }
    },
  });
  if (text === undefined) return null;
  const chosen = parseRowRange(text);
  return chosen.first === 1 && chosen.last === undefined ? undefined : chosen;
}
