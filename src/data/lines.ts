import type { SourceLocation } from './table';

/**
 * Converts character offsets to 1-based line numbers. Queries with increasing offsets (the usual case:
 * rows in order) cost amortised O(1), so the whole text is scanned once; a smaller offset restarts the scan.
 */
export class LineCounter {
  private readonly text: string;
  private readonly newline: string;
  private line = 1;
  /** Position of the first unconsumed line break, or -1 when there is none left. */
  private next: number;
  private lineStart = 0;

  constructor(text: string, newline = '\n') {
    this.text = text;
    this.newline = newline;
    this.next = text.indexOf(newline);
  }

  lineAt(offset: number): number {
    if (offset < this.lineStart) {
      this.line = 1;
      this.lineStart = 0;
      this.next = this.text.indexOf(this.newline);
    }
    while (this.next !== -1 && this.next < offset) {
      this.line++;
      this.lineStart = this.next + 1;
      this.next = this.text.indexOf(this.newline, this.lineStart);
    }
    return this.line;
  }

  locate(offset: number): SourceLocation {
    return { line: this.lineAt(offset), column: columnAt(this.text, offset, this.newline) };
  }
}

/** 1-based column of `offset` in its line. */
export function columnAt(text: string, offset: number, newline = '\n'): number {
  if (offset <= 0) return 1;
  return offset - (text.lastIndexOf(newline, offset - 1) + 1) + 1;
}

/** Counts `ch` in `text[from, to)`. */
export function countChar(text: string, ch: string, from: number, to: number): number {
  let n = 0;
  for (let p = text.indexOf(ch, from); p !== -1 && p < to; p = text.indexOf(ch, p + 1)) n++;
  return n;
}
