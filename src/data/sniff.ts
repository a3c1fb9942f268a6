import Papa from 'papaparse';
import { classifyCell, TEXT, type CellKind } from './numbers';
import { isCommentChar, isSkippable, splitOnWhitespace } from './rows';
import type { DataFormat, Delimiter } from './table';

const SAMPLE_ROWS = 50;
/** Bounds the sample of text without `\n` line breaks (old Mac `\r` files, or a single line). */
const MAX_SAMPLE_CHARS = 1 << 20;
const CANDIDATES: readonly Delimiter[] = [',', '\t', ';', '|', 'whitespace'];

export function formatFromFileName(fileName: string | undefined): DataFormat | undefined {
  const ext = /\.([^./\\]+)$/.exec(fileName ?? '')?.[1]?.toLowerCase();
  switch (ext) {
    case 'json':
      return 'json';
    case 'tsv':
    case 'tab':
      return 'tsv';
    case 'csv':
      return 'csv';
    default:
      return undefined;
  }
}

export function looksLikeJson(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32) return c === 91 || c === 123;
  }
  return false;
}

/** The character Papa Parse splits on; whitespace-separated text is parsed on single spaces, then regrouped. */
export function papaDelimiter(d: Delimiter): string {
  return d === 'whitespace' ? ' ' : d;
}

/** Only `;`-separated text reads `1,5` as 1.5: there a comma cannot be a field separator or a thousands mark. */
export function usesDecimalComma(d: Delimiter): boolean {
  return d === ';';
}

export interface Sample {
  delimiter: Delimiter;
  newline: string;
  /** The first non-blank, non-comment rows, split into fields. */
  rows: string[][];
  /** Characters of text covered by the sample, to estimate the number of rows. */
  length: number;
}

/** The first `SAMPLE_ROWS` data lines (skipping comments and blank lines), ending at a line break. */
function sampleText(text: string): string {
  let pos = 0;
  let dataLines = 0;
  while (pos < text.length && dataLines < SAMPLE_ROWS) {
    let k = pos;
    while (k < text.length && text.charCodeAt(k) <= 32 && text.charCodeAt(k) !== 10) k++;
    const c = text.charCodeAt(k);
    if (k < text.length && c !== 10 && !isCommentChar(c)) dataLines++;
    const end = text.indexOf('\n', pos);
    if (end === -1) return text.slice(0, Math.max(pos, MAX_SAMPLE_CHARS));
    pos = end + 1;
  }
  return text.slice(0, pos);
}

function parseSample(sample: string, delimiter: Delimiter, newline: string | undefined) {
  const result = Papa.parse<string[]>(sample, {
    delimiter: papaDelimiter(delimiter),
    comments: '#',
    ...(newline !== undefined ? { newline: newline as Papa.ParseConfig['newline'] } : {}),
  });
  const rows: string[][] = [];
  for (const raw of result.data) {
    const fields = delimiter === 'whitespace' ? splitOnWhitespace(raw) : raw;
    if (!isSkippable(fields)) rows.push(fields);
  }
  return { rows, newline: result.meta.linebreak };
}

interface Score {
  delimiter: Delimiter;
  rows: string[][];
  newline: string;
  fields: number;
  consistency: number;
  numericShare: number;
}

function score(sample: string, delimiter: Delimiter, newline: string | undefined): Score {
  const parsed = parseSample(sample, delimiter, newline);
  const { rows } = parsed;
  const fields = modalFieldCount(rows);
  const consistency = rows.length === 0 ? 0 : rows.filter((r) => r.length === fields).length / rows.length;
  const body = rows.length > 1 ? rows.slice(1) : rows;
  const decimalComma = usesDecimalComma(delimiter);
  let cells = 0;
  let numeric = 0;
  for (const row of body) {
    for (const cell of row) {
      cells++;
      if (classifyCell(cell, decimalComma) !== TEXT) numeric++;
    }
  }
  return { delimiter, rows, newline: parsed.newline, fields, consistency, numericShare: cells === 0 ? 0 : numeric / cells };
}

/** The most common field count; the larger one on a tie. */
export function modalFieldCount(rows: readonly (readonly unknown[])[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const r of rows) {
    const c = (counts.get(r.length) ?? 0) + 1;
    counts.set(r.length, c);
    if (c > bestCount || (c === bestCount && r.length > best)) {
      best = r.length;
      bestCount = c;
    }
  }
  return best;
}

/**
 * Chooses the delimiter from the first data lines. A candidate qualifies when it splits at least 80% of
 * them into the same number (at least 2) of fields. A qualifying tab wins outright (tabs almost never
 * occur inside CSV cells, while commas do occur inside TSV numbers written with decimal commas); otherwise
 * the candidate whose cells below the first row are most often numbers or missing wins, which separates
 * `1,5;2,5` (`;` with decimal commas) from `1,5,2` (`,`), then the more consistent one, then the order
 * `,` `\t` `;` `|` whitespace. With no qualifying candidate the text is one column, read with `,`.
 */
export function sniffSample(text: string, forced?: Delimiter): Sample {
  const sample = sampleText(text);
  if (forced !== undefined) {
    const s = score(sample, forced, undefined);
    return { delimiter: forced, newline: s.newline, rows: s.rows, length: sample.length };
  }
  const first = score(sample, ',', undefined);
  const scores = [first, ...CANDIDATES.slice(1).map((d) => score(sample, d, first.newline))];
  const valid = scores.filter((s) => s.fields >= 2 && s.consistency >= 0.8);
  let best = valid.find((s) => s.delimiter === '\t');
  if (best === undefined) {
    for (const s of valid) {
      if (
        best === undefined ||
        s.numericShare > best.numericShare ||
        (s.numericShare === best.numericShare && s.consistency > best.consistency)
      ) {
        best = s;
      }
    }
  }
  best ??= first;
  return { delimiter: best.delimiter, newline: best.newline, rows: best.rows, length: sample.length };
}

export function cellKinds(row: readonly string[], decimalComma: boolean): CellKind[] {
  return row.map((c) => classifyCell(c, decimalComma));
}
