/**
 * Text from data files, settings and saved runs, made literal for the places where VS Code renders markup.
 */

/**
 * Makes text literal in Markdown: every ASCII punctuation character is backslash-escaped (CommonMark allows that
 * for all of them), so `R^2`, `Y_SZ`, `A^*`, `<0.09`, `[a](command:x)` or `$(icon)` show as written, and runs of
 * white space become one space so that nothing turns into a code block or a list.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/**
 * Notifications turn `[label](https:…)`, `[label](command:…)` and `[label](file:…)` into links, command links
 * included. Separating `]` from `(` keeps such text from a data file or a setting a plain, readable string.
 */
export function defuseLinks(text: string): string {
  return text.replaceAll('](', '] (');
}

/** The message of an error, or the thrown value as text. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A fenced Markdown code block showing `text` as written: its fence is longer than any run of backticks in it. */
export function codeBlock(text: string, language = 'text'): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}
