import * as vscode from 'vscode';
import { defaultFeatures, defaultTarget, findColumn, quote, rowWord, type Column, type DataTable } from '../../data';
import type { ColumnChoice } from './dataFileMemory';
import { plainLabel } from './plainLabel';

interface ColumnItem extends vscode.QuickPickItem {
  column: Column;
}

function summary(column: Column, table: DataTable): string {
  const type = column.type !== undefined ? `${column.type}: ` : '';
  if (!column.numeric) {
    const first = column.firstNonNumeric;
    const at = first ? ` (${plainLabel(quote(first.text))} ${table.format === 'csv' || table.format === 'tsv' || table.format === 'json' ? 'on' : 'in'} ${rowWord(table.format)} ${first.line})` : '';
    return `$(warning) ${type}not numeric${at}`;
  }
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of column.values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const missing = column.missing > 0 ? `, ${column.missing} missing` : '';
  return `${type}${Number(min.toPrecision(4))} … ${Number(max.toPrecision(4))}${missing}`;
}

function item(column: Column, table: DataTable): ColumnItem {
  return { label: plainLabel(column.name), description: summary(column, table), column };
}

/**
 * A remembered choice of columns as it applies to the table read now: the columns it names that are gone are
 * dropped, and nothing is left when the target or every input is gone.
 */
export function rememberedColumns(table: DataTable, saved: ColumnChoice | undefined): ColumnChoice | undefined {
  if (!saved || !findColumn(table, saved.target)) return undefined;
  const features = saved.features.filter((f) => findColumn(table, f) && f !== saved.target);
  return features.length > 0 ? { target: saved.target, features } : undefined;
}

/**
 * Asks for the column to explain (a Quick Pick) and the input columns (a multi-select), proposing the
 * remembered choice for this file or else the defaults. Returns undefined when the user cancels.
 */
export async function chooseColumns(table: DataTable, remembered: ColumnChoice | undefined): Promise<ColumnChoice | undefined> {
  const suggestedTarget = remembered?.target ?? defaultTarget(table);
  const targetItems = table.columns.map((c) => item(c, table));
  const target = await pick(targetItems, {
    title: 'Discover Equation (1/2)',
    placeholder: 'Column to explain (the target)',
    active: targetItems.filter((i) => i.column.name === suggestedTarget),
  });
  if (!target) return undefined;
  const targetName = target[0]!.column.name;

  const featureItems = table.columns.filter((c) => c.name !== targetName).map((c) => item(c, table));
  if (featureItems.length === 0) return { target: targetName, features: [] };
  const suggested = new Set(
    remembered && remembered.target === targetName ? remembered.features : defaultFeatures(table, targetName),
  );
  const features = await pick(featureItems, {
    title: 'Discover Equation (2/2)',
    placeholder: `Input columns the formula for ${targetName} may use`,
    many: true,
    selected: featureItems.filter((i) => suggested.has(i.column.name)),
  });
  if (!features) return undefined;
  return { target: targetName, features: features.map((f) => f.column.name) };
}

/** A Quick Pick with a preset active or selected items; resolves to the accepted items, or undefined. */
function pick(
  items: ColumnItem[],
  options: { title: string; placeholder: string; many?: boolean; active?: ColumnItem[]; selected?: ColumnItem[] },
): Promise<ColumnItem[] | undefined> {
  return new Promise((resolve) => {
    const quickPick = vscode.window.createQuickPick<ColumnItem>();
    quickPick.title = options.title;
    quickPick.placeholder = options.placeholder;
    quickPick.items = items;
    quickPick.canSelectMany = options.many ?? false;
    quickPick.matchOnDescription = true;
    quickPick.ignoreFocusOut = true;
    if (options.selected) quickPick.selectedItems = options.selected;
    if (options.active && options.active.length > 0) quickPick.activeItems = options.active;
    let accepted = false;
    quickPick.onDidAccept(() => {
      const chosen = options.many ? [...quickPick.selectedItems] : [...quickPick.activeItems];
      if (chosen.length === 0) {
        quickPick.placeholder = options.many ? 'Choose at least one input column, then press Enter' : 'Choose a column';
        return;
      }
      accepted = true;
      resolve(chosen);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      if (!accepted) resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}
