/**
 * Text from a data file (a column, sheet or table name) for a Quick Pick: on one line, and with `$(` broken so
 * that it is shown as written rather than as an icon.
 */
export function plainLabel(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/\$\(/g, '$\u200b(');
}
