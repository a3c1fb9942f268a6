import { BINARY_OPERATORS, UNARY_OPERATORS, isBinaryOperator, isUnaryOperator } from '../expressions/operators';
import type {
  ChoiceOption,
  IntegerOption,
  NumberOption,
  OperatorsOption,
  OptionSpec,
  WeightsOption,
} from './optionKinds';

/** A value as messages quote it: strings in quotes, numbers as they are. */
export function showValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value) ?? String(value);
}

/** "a, b or c". */
export function listInWords(items: readonly string[], conjunction = 'or'): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

function integerProblem(spec: IntegerOption, value: unknown, got: string): string | undefined {
  if (spec.unlimited && value === Number.POSITIVE_INFINITY) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < spec.min) {
    const kind = spec.min <= 0 ? 'zero or a positive integer' : 'a positive integer';
    return `must be ${kind}${spec.min > 1 ? ` of at least ${spec.min}` : ''}${got}`;
  }
  if (spec.max !== undefined && value > spec.max) return `must be at most ${spec.max}${got}`;
  return undefined;
}

function numberRange(spec: NumberOption): { ofKind: string; inRange: string } {
  if (spec.max !== undefined) {
    return { ofKind: `a number between ${spec.min} and ${spec.max}`, inRange: `between ${spec.min} and ${spec.max}` };
  }
  if (spec.min === 0) {
    return spec.exclusiveMin
      ? { ofKind: 'a positive number', inRange: 'positive' }
      : { ofKind: 'zero or a positive number', inRange: 'zero or positive' };
  }
  const bound = `${spec.exclusiveMin ? 'greater than' : 'at least'} ${spec.min}`;
  return { ofKind: `a number ${bound}`, inRange: bound };
}

function numberProblem(spec: NumberOption, value: unknown, got: string): string | undefined {
  const range = numberRange(spec);
  if (typeof value !== 'number' || Number.isNaN(value)) return `must be ${range.ofKind}${got}`;
  if (value === Number.POSITIVE_INFINITY && !spec.unlimited) return `must be a finite number${got}`;
  const tooLow = spec.exclusiveMin ? value <= spec.min : value < spec.min;
  if (tooLow || (spec.max !== undefined && value > spec.max)) return `must be ${range.inRange}${got}`;
  return undefined;
}

function choiceProblem(spec: ChoiceOption, value: unknown, got: string): string | undefined {
  if (spec.choices.some((c) => c.value === value)) return undefined;
  return `must be ${listInWords(spec.choices.map((c) => c.value))}${got}`;
}

function operatorsProblem(_spec: OperatorsOption, value: unknown, got: string): string | undefined {
  if (!Array.isArray(value) || value.some((name) => typeof name !== 'string')) return `must be a list of operator names${got}`;
  const unknown = (value as string[]).find((name) => !isBinaryOperator(name) && !isUnaryOperator(name));
  if (unknown !== undefined) {
    return `has an unknown operator "${unknown}" (available: ${[...BINARY_OPERATORS, ...UNARY_OPERATORS].join(' ')})`;
  }
  if (!(value as string[]).some(isBinaryOperator)) return `needs at least one binary operator (${BINARY_OPERATORS.join(' ')})`;
  return undefined;
}

function weightsProblem(_spec: WeightsOption, value: unknown, got: string): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `must be an object of weights${got}`;
  for (const [name, weight] of Object.entries(value)) {
    if (!(typeof weight === 'number' && weight >= 0 && Number.isFinite(weight))) {
      return `must all be zero or positive numbers, but ${name} is ${showValue(weight)}`;
    }
  }
  return undefined;
}

/**
 * What is wrong with `value` for an option, as the end of a sentence that starts with the option's name
 * ("must be at least 3, got 2"), quoting the value as `shown`; undefined when the value is valid.
 */
export function optionProblem(spec: OptionSpec, value: unknown, shown = showValue(value)): string | undefined {
  const got = `, got ${shown}`;
  switch (spec.kind) {
    case 'integer':
      return integerProblem(spec, value, got);
    case 'number':
      return numberProblem(spec, value, got);
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `must be true or false${got}`;
    case 'switch':
      return typeof value === 'boolean' || value === 'auto' ? undefined : `must be true, false or auto${got}`;
    case 'choice':
      return choiceProblem(spec, value, got);
    case 'operators':
      return operatorsProblem(spec, value, got);
    case 'weights':
      return weightsProblem(spec, value, got);
    case 'workers':
      return value === 'auto' || (Number.isInteger(value) && (value as number) >= 1)
        ? undefined
        : `must be a positive integer or auto${got}`;
  }
}
