import { DataError, quote, withLocation } from './errors';
import { MISSING, NUMBER, TEXT, type CellKind } from './numbers';

/**
 * Whether the first row is a header, judged from the kinds of its cells and of the rows after it.
 *
 * It is when it has a text cell and either some column has text in the first row but mostly numbers
 * below, or every cell of the first row is text (a table of text columns, or a header with no data).
 * A row with more numbers than text is data with a bad cell (as in a selection starting at `1,oops,3`),
 * and a text cell above more text is a text column of a headerless file.
 */
export function looksLikeHeader(first: readonly CellKind[], rest: readonly (readonly CellKind[])[]): boolean {
  const texts = first.filter((k) => k === TEXT).length;
  if (texts === 0 || first.filter((k) => k === NUMBER).length > texts) return false;
  if (first.every((k) => k === TEXT) || rest.length === 0) return true;
  for (let j = 0; j < first.length; j++) {
    if (first[j] !== TEXT) continue;
    let numbers = 0;
    let present = 0;
    for (const row of rest) {
      const k = row[j];
      if (k === undefined || k === MISSING) continue;
      present++;
      if (k === NUMBER) numbers++;
    }
    if (present > 0 && numbers >= 0.5 * present) return true;
  }
  return false;
}

export function defaultNames(count: number): string[] {
  return Array.from({ length: count }, (_, j) => `x${j + 1}`);
}

/** Header cells trimmed; an empty cell is named after its position (`x3`). */
export function headerNames(cells: readonly string[]): string[] {
  return cells.map((c, j) => {
    const name = c.trim();
    return name === '' ? `x${j + 1}` : name;
  });
}

/**
 * Throws on the first repeated name. `locate(j)` gives the place of name `j` in the source, if known.
 */
export function checkUniqueNames(
  names: readonly string[],
  file: string | undefined,
  locate: (index: number) => { line?: number; column?: number },
): void {
  const seen = new Map<string, number>();
  names.forEach((name, j) => {
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      const at = locate(j);
      throw new DataError(
        'duplicate-column',
        `duplicate column name ${quote(name)} (columns ${earlier + 1} and ${j + 1}); rename one of them`,
        { file, ...at, columnName: name },
      );
    }
    seen.set(name, j);
  });
}

/**
 * Names for `count` columns of text without a header row: `fallback` when it has exactly that many
 * names (a selection below the document's header), else `x1..xn` with a warning if `fallback` was given.
 */
export function namesWithoutHeader(
  count: number,
  fallback: readonly string[] | undefined,
  file: string | undefined,
): { names: string[]; warning?: string } {
  if (fallback !== undefined && fallback.length === count) {
    const names = headerNames(fallback);
    checkUniqueNames(names, file, () => ({}));
    return { names };
  }
  const names = defaultNames(count);
  if (fallback === undefined) return { names };
  return {
    names,
    warning: withLocation(
      `the header given for the selection has ${fallback.length} names but the data has ${count} columns; the columns are named x1..x${count}`,
      { file },
    ),
  };
}
