import { DataError, quote } from './errors';
import type { RowRange } from './table';

const RANGE = /^\s*(\d*)\s*[:-]\s*(\d*)\s*$/;

/**
 * Reads `first:last` (1-based data rows, both included; either side may be left out: `100:`, `:5000`).
 * Throws a `DataError` of code `invalid-option` saying what is wrong.
 */
export function parseRowRange(text: string): RowRange {
  const m = RANGE.exec(text);
  const bad = (why: string) => new DataError('invalid-option', `row range ${quote(text)} ${why}`);
  if (!m || (m[1] === '' && m[2] === '')) throw bad('is not FIRST:LAST (for example 100:5000, 100: or :5000)');
  const first = m[1] === '' ? 1 : Number(m[1]);
  const last = m[2] === '' ? undefined : Number(m[2]);
  if (first < 1) throw bad('must start at row 1 or later');
  if (last !== undefined && last < first) throw bad('ends before it starts');
  return last === undefined ? { first } : { first, last };
}

export function formatRowRange(range: RowRange): string {
  return `${range.first}:${range.last ?? ''}`;
}

/** The range as 0-based `[start, end)` within `total` rows; a range that starts past the end is an error. */
export function rowSpan(range: RowRange | undefined, total: number, file: string | undefined): { start: number; end: number } {
  if (range === undefined) return { start: 0, end: total };
  if (range.first > total) {
    throw new DataError(
      'invalid-option',
      `the row range ${formatRowRange(range)} starts after the last row: there are ${total} data row${total === 1 ? '' : 's'}`,
      { file },
    );
  }
  return { start: range.first - 1, end: Math.min(total, range.last ?? total) };
}
