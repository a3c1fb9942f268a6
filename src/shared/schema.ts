/**
 * Runtime checks of untrusted values (messages, saved files) that TypeScript understands as type guards:
 * small combinators that describe a shape once, for both the check and the type.
 */

export type Check<T> = (value: unknown) => value is T;

/** A field that may be absent (or undefined) in an `object` shape. */
export interface Optional<T> {
  readonly optional: Check<T>;
}

type Field = Check<unknown> | Optional<unknown>;
export type Shape = Readonly<Record<string, Field>>;

type RequiredKeys<S extends Shape> = { [K in keyof S]: S[K] extends Optional<unknown> ? never : K }[keyof S];
type OptionalKeys<S extends Shape> = Exclude<keyof S, RequiredKeys<S>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Simplify<
  { [K in RequiredKeys<S>]: S[K] extends Check<infer T> ? T : never } & {
    [K in OptionalKeys<S>]?: S[K] extends Optional<infer T> ? T : never;
  }
>;

export const isString: Check<string> = (value): value is string => typeof value === 'string';
export const isNumber: Check<number> = (value): value is number => typeof value === 'number';
export const isFiniteNumber: Check<number> = (value): value is number => Number.isFinite(value);
export const isBoolean: Check<boolean> = (value): value is boolean => typeof value === 'boolean';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A whole number from `min` to `max`. */
export function integerIn(min: number, max: number): Check<number> {
  return (value): value is number => Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
}

/** A string of at most `maxLength` characters, matching `pattern` when given. */
export function text(maxLength: number, pattern?: RegExp): Check<string> {
  return (value): value is string =>
    typeof value === 'string' && value.length <= maxLength && (!pattern || pattern.test(value));
}

export function oneOf<T extends string>(values: readonly T[]): Check<T> {
  return (value): value is T => (values as readonly unknown[]).includes(value);
}

export function arrayOf<T>(item: Check<T>, maxLength = Number.POSITIVE_INFINITY): Check<T[]> {
  return (value): value is T[] => Array.isArray(value) && value.length <= maxLength && value.every((v) => item(v));
}

export function tupleOf<A, B>(first: Check<A>, second: Check<B>): Check<[A, B]> {
  return (value): value is [A, B] => Array.isArray(value) && value.length === 2 && first(value[0]) && second(value[1]);
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value): value is T | null => value === null || check(value);
}

export function optional<T>(check: Check<T>): Optional<T> {
  return { optional: check };
}

function fieldMatches(field: Field, value: unknown): boolean {
  if (typeof field === 'function') return field(value);
  return value === undefined || field.optional(value);
}

/** An object with (at least) these fields; other fields are allowed and left alone. */
export function object<S extends Shape>(shape: S): Check<ObjectOf<S>> {
  const entries = Object.entries(shape);
  return (value): value is ObjectOf<S> => isRecord(value) && entries.every(([key, field]) => fieldMatches(field, value[key]));
}

type TaggedUnion<M extends Readonly<Record<string, Shape>>> = {
  [K in keyof M & string]: Simplify<{ type: K } & ObjectOf<M[K]>>;
}[keyof M & string];

/** One of several objects told apart by their `type` field, each with its own shape. */
export function tagged<M extends Readonly<Record<string, Shape>>>(shapes: M): Check<TaggedUnion<M>> {
  const checks = new Map(Object.entries(shapes).map(([type, shape]) => [type, object(shape)]));
  return (value): value is TaggedUnion<M> => {
    if (!isRecord(value) || typeof value['type'] !== 'string') return false;
    const check = checks.get(value['type']);
    return check !== undefined && check(value);
  };
}
