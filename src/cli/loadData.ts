import { basename } from 'node:path';
import { quote, type DataTable, type Dataset } from '../data';
import { loadFile } from '../data/loadFile';
import type { DiscoverArgs } from './discoverArgs';

/** Loading that ends within this time shows no progress. */
const QUIET_MS = 500;

interface Stderr {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Reads the data file of `eqd discover`: only the target and feature columns when both are given, the sheet,
 * table and rows the flags name. Loading that takes a while shows its progress on stderr.
 */
export async function loadData(args: DiscoverArgs, stderr: Stderr): Promise<DataTable> {
  const columns = args.target !== undefined && args.features !== undefined ? [args.target, ...args.features] : undefined;
  const started = Date.now();
  const name = basename(args.file);
  let shown = -1;
  const step = stderr.isTTY ? 1 : 10;
  const onProgress = (fraction: number) => {
    const percent = Math.floor(fraction * 100);
    if (Date.now() - started < QUIET_MS || percent < shown + step) return;
    shown = percent;
    if (stderr.isTTY) stderr.write(`\r\x1b[Kreading ${name}: ${percent}%`);
    else stderr.write(`reading ${name}: ${percent}%\n`);
  };
  try {
    return await loadFile(args.file, { ...args.data, ...(columns ? { columns } : {}), ...(args.quiet ? {} : { onProgress }) });
  } finally {
    if (shown >= 0 && stderr.isTTY) stderr.write('\r\x1b[K');
  }
}

/** What was read, for stderr: the part of the file, the rows, and the used columns with their types. */
export function describeData(table: DataTable, dataset: Dataset): string {
  const part = table.part !== undefined && (table.parts?.length ?? 0) > 1 ? `${quote(table.part)} of ${table.parts!.map((p) => quote(p)).join(', ')}; ` : '';
  const of = table.totalRows !== undefined && table.totalRows !== table.rows ? ` of ${table.totalRows.toLocaleString('en-US')}` : '';
  const used = [dataset.targetName, ...dataset.featureNames];
  const types = table.columns
    .filter((c) => c.type !== undefined && used.includes(c.name))
    .map((c) => `${quote(c.name)} ${c.type}`);
  return `read ${part}${table.rows.toLocaleString('en-US')}${of} rows${types.length > 0 ? `; ${types.join(', ')}` : ''}`;
}
