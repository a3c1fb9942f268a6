import * as vscode from 'vscode';
import { plainLabel } from './plainLabel';

/**
 * Asks which sheet (workbook) or table (HDF5, FITS) to read when the file has several; the only one, or
 * undefined for formats of one table, otherwise. Resolves to null when the user cancels.
 */
export async function choosePart(parts: readonly string[], kind: 'sheet' | 'table', fileName: string): Promise<string | undefined | null> {
  if (parts.length <= 1) return parts[0];
  const items = parts.map((part, i) => ({ label: plainLabel(part), description: i === 0 ? 'first' : '', part }));
  const picked = await vscode.window.showQuickPick(items, {
    title: `Discover Equation: ${plainLabel(fileName)}`,
    placeHolder: kind === 'sheet' ? 'Sheet to read' : 'Table to read',
    ignoreFocusOut: true,
  });
  return picked ? picked.part : null;
}
