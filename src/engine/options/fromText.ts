import type { OptionSpec } from './optionKinds';
import { splitList } from './textList';

/** A finite number, or NaN: typed text never means Infinity, and empty text is no number. */
function numberFromText(text: string): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
}

/**
 * An option's value typed as text (a command-line flag): numbers, names, lists of operators ("+,-,*,/" or
 * "+ - * /"). What does not parse comes back as it is, or as NaN for numbers, for `optionProblem` to explain.
 */
export function optionFromText(spec: OptionSpec, text: string): unknown {
  switch (spec.kind) {
    case 'integer':
    case 'number':
      return numberFromText(text);
    case 'workers':
      return text.trim() === 'auto' ? 'auto' : numberFromText(text);
    case 'boolean':
    case 'switch':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'operators':
      return splitList(text, { alsoSpaces: true });
    case 'choice':
    case 'weights':
      return text;
  }
}
