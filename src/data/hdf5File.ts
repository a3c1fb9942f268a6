// Reading HDF5 files with h5wasm (HDF5 compiled to WebAssembly; its Node build embeds the wasm and reads the
// file through Node's fs, only the parts asked for). Node-only like loadFile.ts, and loaded on first use: the
// module is 4 MB, which the extension's start should not pay for.
import type { Dataset as H5Dataset, Group as H5Group } from 'h5wasm/node';
import { checkCancelled, chooseColumns, ColumnarBuilder, type ColumnSpec } from './columnar';
import { DataError, listNames, quote, withLocation } from './errors';
import { rowSpan } from './rowRange';
import type { DataTable, LoadOptions } from './table';

type H5 = (typeof import('h5wasm/node'))['default'];
type Metadata = H5Dataset['metadata'];

const MAX_OBJECTS = 10_000;
const CHUNK_ROWS = 1 << 16;
const INTEGER = 0;
const FLOAT = 1;
const STRING = 3;
const COMPOUND = 6;

let loading: Promise<H5> | undefined;

function h5wasm(): Promise<H5> {
  loading ??= import('h5wasm/node').then(async (m) => {
    const h5 = ((m as { default?: H5 }).default ?? m) as H5;
    await h5.ready;
    return h5;
  });
  return loading;
}

function typeName(m: Metadata): string {
  if (m.type === INTEGER) return `${m.signed ? 'int' : 'uint'}${m.size * 8}`;
  if (m.type === FLOAT) return `float${m.size * 8}`;
  if (m.type === STRING) return 'string';
  return 'other';
}

const readable = (m: Metadata) => m.type === INTEGER || m.type === FLOAT || m.type === STRING;

/** A table of the file: a compound dataset, a 2-D numeric dataset, or a group of 1-D datasets of one length. */
interface Candidate {
  path: string;
  rows: number;
  specs: ColumnSpec[];
  /** Rows `[start, end)` of each column, in the order of `specs`. */
  read(start: number, end: number): ArrayLike<unknown>[];
  skipped: string[];
}

function datasetTable(h5: H5, d: H5Dataset): Candidate | undefined {
  const m = d.metadata;
  const shape = m.shape ?? [];
  if (m.type === COMPOUND && shape.length === 1 && m.compound_type) {
    const members = m.compound_type.members;
    const keep = members.map((x, j) => [x, j] as const).filter(([x]) => readable(x));
    return {
      path: d.path,
      rows: shape[0]!,
      specs: keep.map(([x]) => ({ name: x.name, type: typeName(x) })),
      read: (start, end) => {
        const rows = d.slice([[start, end]]) as unknown as unknown[][];
        return keep.map(([, j]) => rows.map((r) => r[j]));
      },
      skipped: members.filter((x) => !readable(x)).map((x) => x.name),
    };
  }
  if (shape.length === 2 && (m.type === INTEGER || m.type === FLOAT) && shape[1]! >= 2 && shape[1]! <= 1000) {
    const width = shape[1]!;
    const labels = d.attrs['columns']?.value ?? d.attrs['column_names']?.value;
    const names =
      Array.isArray(labels) && labels.length === width && labels.every((l) => typeof l === 'string')
        ? (labels as string[])
        : Array.from({ length: width }, (_, j) => `x${j + 1}`);
    return {
      path: d.path,
      rows: shape[0]!,
      specs: names.map((name) => ({ name, type: typeName(m) })),
      read: (start, end) => {
        const flat = d.slice([[start, end], []]) as unknown as ArrayLike<unknown>;
        return names.map((_, j) => {
          const column = new Array<unknown>(end - start);
          for (let r = 0; r < end - start; r++) column[r] = flat[r * width + j];
          return column;
        });
      },
      skipped: [],
    };
  }
  void h5;
  return undefined;
}

function groupTable(group: H5Group, columns: H5Dataset[]): Candidate | undefined {
  const lengths = new Map<number, H5Dataset[]>();
  for (const d of columns) lengths.set(d.metadata.shape![0]!, [...(lengths.get(d.metadata.shape![0]!) ?? []), d]);
  const best = [...lengths.values()].sort((a, b) => b.length - a.length)[0];
  if (best === undefined || best.length < 2) return undefined;
  const name = (d: H5Dataset) => d.path.slice(d.path.lastIndexOf('/') + 1);
  return {
    path: group.path,
    rows: best[0]!.metadata.shape![0]!,
    specs: best.map((d) => ({ name: name(d), type: typeName(d.metadata) })),
    read: (start, end) => best.map((d) => d.slice([[start, end]]) as unknown as ArrayLike<unknown>),
    skipped: columns.filter((d) => !best.includes(d)).map(name),
  };
}

function findTables(h5: H5, root: H5Group, file: string | undefined): Candidate[] {
  const found: Candidate[] = [];
  let seen = 0;
  const visit = (group: H5Group, depth: number) => {
    const columns: H5Dataset[] = [];
    const groups: H5Group[] = [];
    for (const key of group.keys()) {
      if (++seen > MAX_OBJECTS) throw new DataError('unsupported', `the file has more than ${MAX_OBJECTS} objects; name the table with --dataset`, { file });
      const entity = group.get(key);
      if (entity instanceof h5.Group) groups.push(entity);
      else if (entity instanceof h5.Dataset) {
        const m = entity.metadata;
        if ((m.shape ?? []).length === 1 && readable(m)) columns.push(entity);
        else {
          const table = datasetTable(h5, entity);
          if (table) found.push(table);
        }
      }
    }
    const table = groupTable(group, columns);
    if (table) found.push(table);
    if (depth < 8) for (const g of groups) visit(g, depth + 1);
  };
  visit(root, 0);
  return found;
}

function tableAt(h5: H5, root: H5Group, path: string, file: string | undefined): Candidate | undefined {
  const entity = root.get(path);
  if (entity instanceof h5.Dataset) {
    const m = entity.metadata;
    if ((m.shape ?? []).length === 1 && readable(m)) {
      return { path: entity.path, rows: m.shape![0]!, specs: [{ name: path.slice(path.lastIndexOf('/') + 1), type: typeName(m) }], read: (s, e) => [entity.slice([[s, e]]) as unknown as ArrayLike<unknown>], skipped: [] };
    }
    return datasetTable(h5, entity);
  }
  if (entity instanceof h5.Group) {
    const columns = entity.keys().map((k) => entity.get(k)).filter((e): e is H5Dataset => e instanceof h5.Dataset && (e.metadata.shape ?? []).length === 1 && readable(e.metadata));
    return groupTable(entity, columns);
  }
  void file;
  return undefined;
}

/**
 * Runs `f` with HDF5's error stack kept off stderr: the library prints dozens of lines for a damaged file,
 * through a console.error bound when the module loaded, which leaves stderr itself as the place to catch them.
 */
function quietly<T>(f: () => T): T {
  const write = process.stderr.write;
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) =>
    typeof chunk === 'string' && /^(HDF5-DIAG| {2}#\d{3}:| {4}(major|minor):)/.test(chunk)
      ? true
      : (write as (...a: unknown[]) => boolean).call(process.stderr, chunk, ...rest)) as typeof write;
  try {
    return f();
  } finally {
    process.stderr.write = write;
  }
}

async function open<T>(path: string, file: string | undefined, use: (h5: H5, root: H5Group) => T | Promise<T>): Promise<T> {
  const h5 = await h5wasm();
  let f: InstanceType<H5['File']>;
  try {
    f = quietly(() => new h5.File(path, 'r'));
  } catch (e) {
    throw new DataError('malformed', `not a readable HDF5 file: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, { file });
  }
  if (!(f.file_id > 0n)) throw new DataError('malformed', 'not a readable HDF5 file: HDF5 could not open it (damaged or truncated)', { file });
  try {
    return await use(h5, f);
  } finally {
    f.close();
  }
}

/** The paths of the tables of an HDF5 file, as `--dataset` takes them. */
export function hdf5TableNames(path: string, file: string | undefined): Promise<string[]> {
  return open(path, file, (h5, root) => findTables(h5, root, file).map((t) => t.path));
}

/**
 * Reads a table of an HDF5 file: the dataset or group named by `options.dataset`, else the first table found
 * (groups and datasets in the file's order). Rows are read in blocks, so that only the numeric columns stay.
 */
export function readHdf5(path: string, options: LoadOptions): Promise<DataTable> {
  const file = options.fileName;
  return open(path, file, async (h5, root) => {
    const tables = findTables(h5, root, file);
    const names = tables.map((t) => t.path);
    let table: Candidate | undefined;
    if (options.dataset !== undefined) {
      const wanted = options.dataset.startsWith('/') ? options.dataset : `/${options.dataset}`;
      table = tables.find((t) => t.path === wanted) ?? tableAt(h5, root, wanted, file);
      if (table === undefined) {
        throw new DataError(
          'unknown-part',
          `there is no table ${quote(options.dataset)}${names.length > 0 ? `; the tables are ${listNames(names)}` : ''}`,
          { file },
        );
      }
    } else {
      table = tables[0];
      if (table === undefined) {
        throw new DataError('no-data-rows', 'the file has no table: no compound dataset, 2-D numeric dataset or group of 1-D datasets of one length', { file });
      }
    }
    const chosen = chooseColumns(table.specs, options.columns, file);
    const picks = chosen.map((s) => table.specs.indexOf(s));
    const { start, end } = rowSpan(options.rows, table.rows, file);
    const builder = new ColumnarBuilder(chosen, end - start, { file, format: 'hdf5', firstRow: start + 1 });
    for (let row = start; row < end; row += CHUNK_ROWS) {
      // HDF5 reads are synchronous: let a cancellation (or a progress notification) through between blocks.
      await new Promise((resolve) => setImmediate(resolve));
      checkCancelled(options.signal, file);
      const to = Math.min(end, row + CHUNK_ROWS);
      const columns = table.read(row, to);
      picks.forEach((k, j) => builder.put(j, row - start, columns[k]!));
      options.onProgress?.((to - start) / Math.max(1, end - start));
    }
    const warnings = table.skipped.map((name) => withLocation(`${quote(name)} in ${quote(table.path)} is left out: it is not a column of numbers or text of the table's length`, { file }));
    return builder.finish({ part: table.path, parts: names.includes(table.path) ? names : [table.path, ...names], totalRows: table.rows, warnings });
  });
}
