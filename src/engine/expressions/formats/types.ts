/** Formats a formula can be written in. `mathjs` is the canonical one: full precision, parseable back. */
export const FORMAT_NAMES = ['mathjs', 'latex', 'python', 'javascript', 'c', 'julia', 'rust', 'matlab', 'r'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** The formats whose text is code with variables (everything but LaTeX, which typesets names instead). */
export type CodeFormat = Exclude<FormatName, 'latex'>;
export const CODE_FORMATS: readonly CodeFormat[] = FORMAT_NAMES.filter((f): f is CodeFormat => f !== 'latex');

export function isFormatName(s: string): s is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(s);
}
