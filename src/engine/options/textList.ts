/**
 * The items of a list typed as text, trimmed, empty ones dropped: "a, b,,c" gives a, b, c. Items are
 * separated by commas; `alsoSpaces` separates them at white space too, for lists of names that never
 * contain any ("+ - * /" as well as "+,-,*,/").
 */
export function splitList(text: string, { alsoSpaces = false }: { alsoSpaces?: boolean } = {}): string[] {
  return text
    .split(alsoSpaces ? /[,\s]+/ : ',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
