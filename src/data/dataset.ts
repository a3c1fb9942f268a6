import { exampleList } from './builder';
import { DataError, listNames, quote } from './errors';
import { isTextFormat, rowWord } from './formats';
import type { Column, Dataset, DatasetOptions, DataTable } from './table';

export const MIN_ROWS = 5;
const TARGET_NAMES = ['y', 'target', 'output'];
const EXAMPLE_LINES = 5;

/** The column called `name`; an exact match first, else the only one matching case-insensitively. */
export function findColumn(table: DataTable, name: string): Column | undefined {
  const exact = table.columns.find((c) => c.name === name);
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  const loose = table.columns.filter((c) => c.name.toLowerCase() === lower);
  return loose.length === 1 ? loose[0] : undefined;
}

/**
 * A column named y, target or output (in that order of preference, any case), even if it is not
 * numeric (selecting it then explains why); otherwise the last numeric column.
 */
export function defaultTarget(table: DataTable): string {
  for (const name of TARGET_NAMES) {
    const c = table.columns.find((col) => col.name.toLowerCase() === name);
    if (c !== undefined) return c.name;
  }
  const numeric = table.columns.filter((c) => c.numeric);
  const last = numeric[numeric.length - 1];
  if (last === undefined) throw new DataError('no-numeric-columns', 'no numeric columns', { file: table.fileName });
  return last.name;
}

/** Every numeric column except the target. */
export function defaultFeatures(table: DataTable, target: string): string[] {
  const t = findColumn(table, target);
  return table.columns.filter((c) => c.numeric && c !== t).map((c) => c.name);
}

function resolve(table: DataTable, name: string, role: string): Column {
  const c = findColumn(table, name);
  if (c === undefined) {
    throw new DataError(
      'unknown-column',
      `${role} ${quote(name)} is not a column; the columns are ${listNames(table.columns.map((col) => col.name))}`,
      { file: table.fileName, columnName: name },
    );
  }
  if (c.numeric) return c;
  const first = c.firstNonNumeric;
  if (first === undefined) {
    throw new DataError('non-numeric', `${role} ${quote(c.name)} has no numbers: all ${table.rows} cells are empty or missing`, {
      file: table.fileName,
      columnName: c.name,
    });
  }
  const more = c.nonNumeric > 1 ? ` (${c.nonNumeric} non-numeric cells in all)` : '';
  if (!isTextFormat(table.format)) {
    const hint = /date|time/i.test(c.type ?? '') ? '; dates and times are not read as numbers: store them as numbers (days, seconds) to use them' : '';
    throw new DataError(
      'non-numeric',
      `${role} ${quote(c.name)} (${c.type ?? 'unknown type'}) is not numeric: ${quote(first.text)} in row ${first.line} is not a number${more}${hint}`,
      { file: table.fileName, columnName: c.name },
    );
  }
  const hint =
    !table.decimalComma && /^\s*[+-]?\d*,\d+\s*$/.test(first.text)
      ? "; decimal commas are read only in ';'-separated files"
      : '';
  throw new DataError(
    'non-numeric',
    `${role} ${quote(c.name)} is not numeric: ${quote(first.text)} is not a number${more}${hint}`,
    { file: table.fileName, line: first.line, column: first.column, columnName: c.name },
  );
}

/**
 * The target and feature columns as arrays for a search. Rows where a used column is missing or
 * infinite are dropped and counted (`dropped.byColumn` lists only columns that caused drops).
 */
export function selectDataset(table: DataTable, options: DatasetOptions): Dataset {
  const file = table.fileName;
  const target = resolve(table, options.target, 'target');
  const featureNames = options.features ?? defaultFeatures(table, target.name);
  const features = featureNames.map((name) => resolve(table, name, 'feature'));
  const seen = new Set<Column>([target]);
  for (const f of features) {
    if (f === target) {
      throw new DataError('no-features', `${quote(f.name)} is the target and cannot also be a feature`, { file, columnName: f.name });
    }
    if (seen.has(f)) throw new DataError('no-features', `feature ${quote(f.name)} is listed twice`, { file, columnName: f.name });
    seen.add(f);
  }
  if (features.length === 0) {
    const detail =
      options.features !== undefined
        ? 'no features given'
        : `no feature columns: ${quote(target.name)} is the only numeric column`;
    throw new DataError('no-features', detail, { file });
  }

  const used = [target, ...features];
  const n = table.rows;
  const keep = new Uint8Array(n);
  const byColumn = new Int32Array(used.length);
  const firstLines: number[] = [];
  let kept = 0;
  for (let r = 0; r < n; r++) {
    let ok = true;
    for (let k = 0; k < used.length; k++) {
      const v = used[k]!.values[r]!;
      if (v - v !== 0) {
        ok = false;
        byColumn[k]!++;
      }
    }
    if (ok) {
      keep[r] = 1;
      kept++;
    } else if (firstLines.length < EXAMPLE_LINES) {
      firstLines.push(table.lineOfRow[r]!);
    }
  }
  const droppedRows = n - kept;
  const dropped = {
    rows: droppedRows,
    byColumn: Object.fromEntries(used.flatMap((c, k) => (byColumn[k]! > 0 ? [[c.name, byColumn[k]!]] : []))) as Record<string, number>,
    firstLines,
  };

  const minRows = options.minRows ?? MIN_ROWS;
  if (kept < minRows) {
    const why =
      droppedRows === 0
        ? `only ${kept} data row${kept === 1 ? '' : 's'}`
        : `only ${kept} usable row${kept === 1 ? '' : 's'}: ${droppedRows} of ${n} were dropped for missing values (${Object.entries(dropped.byColumn)
            .map(([name, count]) => `${quote(name)}: ${count}`)
            .join(', ')}; ${rowWord(table.format)}s ${exampleList(firstLines, droppedRows)})`;
    throw new DataError('too-few-rows', `${why}; at least ${minRows} are needed`, { file });
  }

  const pick = (values: Float64Array): Float64Array => {
    if (kept === n) return values.slice();
    const out = new Float64Array(kept);
    for (let r = 0, i = 0; r < n; r++) if (keep[r] === 1) out[i++] = values[r]!;
    return out;
  };
  const y = pick(target.values);
  if (y.every((v) => v === y[0])) {
    throw new DataError(
      'constant-target',
      `target ${quote(target.name)} is constant (${y[0]} in all ${kept} usable rows): there is nothing to explain`,
      { file, columnName: target.name },
    );
  }
  const lineOfRow = new Int32Array(kept);
  for (let r = 0, i = 0; r < n; r++) if (keep[r] === 1) lineOfRow[i++] = table.lineOfRow[r]!;

  return {
    X: features.map((f) => pick(f.values)),
    y,
    featureNames: features.map((f) => f.name),
    targetName: target.name,
    rows: kept,
    lineOfRow,
    dropped,
  };
}
