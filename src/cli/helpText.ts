/** Markdown of a description as terminal text: code spans lose their backticks. */
export function plainText(markdown: string): string {
  return markdown.replace(/`([^`]*)`/g, '$1');
}

/**
 * A help entry: `term` in the first column, `text` wrapped at spaces into the second, which starts at column
 * `indent`; lines have at most `width` characters unless a single word is longer.
 */
export function helpEntry(term: string, text: string, indent: number, width: number): string {
  const lines: string[] = [];
  let line = `  ${term}`;
  // A term too wide for its column gets a line of its own.
  if (line.length >= indent) {
    lines.push(line);
    line = '';
  }
  line = line.padEnd(indent);
  let empty = true;
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = ' '.repeat(indent);
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}
