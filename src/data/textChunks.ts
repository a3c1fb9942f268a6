const QUOTE = 34;
const NEWLINE = 10;

/**
 * Cuts text that arrives in pieces into chunks of whole rows: each chunk ends just after a line break that is
 * not inside a quoted field (an even number of `"` before it, as `""` escapes count twice), so that a row, even
 * one with line breaks in quotes, is never split between two chunks.
 */
export class TextChunker {
  private rest = '';

  /** Adds a piece; returns the whole rows now complete ('' when there are none yet). */
  push(piece: string): string {
    const text = this.rest + piece;
    const cut = lastSafeBreak(text);
    if (cut === -1) {
      this.rest = text;
      return '';
    }
    this.rest = text.slice(cut + 1);
    return text.slice(0, cut + 1);
  }

  /** What is left at the end of the text (a last row without a line break). */
  end(): string {
    const rest = this.rest;
    this.rest = '';
    return rest;
  }
}

function lastSafeBreak(text: string): number {
  if (text.indexOf('"') === -1) return text.lastIndexOf('\n');
  let inQuotes = false;
  let safe = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (c === NEWLINE && !inQuotes) safe = i;
  }
  return safe;
}
