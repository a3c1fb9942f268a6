import { binary, constant, type Expr } from '../expressions/expression';
import type { SimplifyVocabulary } from '../expressions/simplification';

/**
 * A tree read as `offset + scale * core`, or as `offset + scale / core` when `reciprocal`: the constants
 * around its outside taken off (`3 - 2 * (x / 4)` is 3 + (-0.5) * x). Linear scaling refits those two
 * numbers in closed form, so only the core is the shape evolution has to find.
 */
export interface AffineForm {
  readonly core: Expr;
  readonly offset: number;
  readonly scale: number;
  readonly reciprocal: boolean;
}

/** The outside constants of `e` taken off; a tree without any is its own core, with offset 0 and scale 1. */
export function affineForm(e: Expr): AffineForm {
  let offset = 0;
  let scale = 1;
  let node = e;
  for (;;) {
    if (node.kind === 'unary' && node.op === 'neg') {
      scale = -scale;
      node = node.arg;
      continue;
    }
    if (node.kind !== 'binary') break;
    const { op, left, right } = node;
    const constantLeft = left.kind === 'constant';
    if (constantLeft === (right.kind === 'constant')) break;
    const c = constantLeft ? left.value : (right as { value: number }).value;
    const other = constantLeft ? right : left;
    if (op === '+') offset += scale * c;
    else if (op === '-' && constantLeft) {
      offset += scale * c;
      scale = -scale;
    } else if (op === '-') offset -= scale * c;
    else if ((op === '*' || op === '/') && (c === 0 || !Number.isFinite(c))) break;
    else if (op === '*') scale *= c;
    else if (op === '/' && constantLeft) return { core: other, offset, scale: scale * c, reciprocal: true };
    else if (op === '/') scale /= c;
    else break;
    node = other;
  }
  return { core: node, offset, scale, reciprocal: false };
}

/** Which outside constants the operators can write: a scale needs `*` or `/`, an offset `+` or `-`. */
export interface AffineVocabulary {
  readonly canScale: boolean;
  readonly canShift: boolean;
}

export function affineVocabulary(vocabulary: SimplifyVocabulary): AffineVocabulary {
  const has = (op: string): boolean => (vocabulary.binaryOperators as readonly string[]).includes(op);
  return { canScale: has('*') || has('/'), canShift: has('+') || has('-') };
}

/**
 * Nodes of `affineTree(form, offset, scale)` for a core of `coreSize` nodes: the core, two for a scale
 * (always for a reciprocal core, whose `1 /` is a scale of one), two for an offset.
 */
export function affineTreeSize(coreSize: number, reciprocal: boolean, withOffset: boolean, withScale: boolean): number {
  return coreSize + (withScale || reciprocal ? 2 : 0) + (withOffset ? 2 : 0);
}

/**
 * `offset + scale * core` (or `offset + scale / core`) as a tree with the given operators, null for an
 * omitted part. Signs go outside (`1.25 - 2.5 * x`, `2.5 * x - 1.25`) where `-` allows; the offset is
 * written after the rest, as people write laws. Null when the operators cannot write it.
 */
export function affineTree(
  form: Pick<AffineForm, 'core' | 'reciprocal'>,
  offset: number | null,
  scale: number | null,
  vocabulary: SimplifyVocabulary,
): Expr | null {
  const has = (op: string): boolean => (vocabulary.binaryOperators as readonly string[]).includes(op);
  // With an offset and `-`, a negative scale becomes a subtraction of the positive one.
  const subtractScaled = offset !== null && scale !== null && scale < 0 && has('-');
  const s = subtractScaled ? -scale! : scale;
  let scaled: Expr;
  if (form.reciprocal) scaled = binary('/', constant(s ?? 1), form.core);
  else if (s === null) scaled = form.core;
  else if (has('*')) scaled = binary('*', constant(s), form.core);
  else if (has('/')) scaled = binary('/', form.core, constant(1 / s));
  else return null;
  if (offset === null) return scaled;
  if (subtractScaled) return binary('-', constant(offset), scaled);
  if (offset < 0 && has('-')) return binary('-', scaled, constant(-offset));
  if (has('+')) return binary('+', scaled, constant(offset));
  if (has('-')) return binary('-', scaled, constant(-offset));
  return null;
}
