import type { OptionSpec } from './optionKinds';

/**
 * An option's description in Markdown. `auto` is how the place described writes an automatic worker count
 * (the settings say `0`).
 */
export function describeOption(spec: OptionSpec, { auto = 'auto' }: { auto?: string } = {}): string {
  return spec.kind === 'workers' ? `${spec.description}; \`${auto}\` uses ${spec.autoMeans}.` : spec.description;
}

/** "PySR: `maxsize`." for an option PySR has too, else nothing. */
export function pysrNote(spec: OptionSpec): string {
  if (spec.pysr === undefined) return '';
  const names: readonly string[] = typeof spec.pysr === 'string' ? [spec.pysr] : spec.pysr;
  return `PySR: ${names.map((name) => `\`${name}\``).join(', ')}.`;
}
