import { binary, constant, feature, preorder, replaceAt, size, unary, type Expr } from '../expressions/expression';
import type { BinaryOperator, UnaryOperator } from '../expressions/operators';
import type { Random } from '../random';

/** What random construction may use: the operators in play and the number of input features. */
export interface TreeVocabulary {
  readonly binaryOperators: readonly BinaryOperator[];
  readonly unaryOperators: readonly UnaryOperator[];
  readonly features: number;
}

/** A feature or a constant drawn from a standard normal, with equal chance. */
function randomLeaf(rng: Random, vocabulary: TreeVocabulary): Expr {
  return rng.bool() ? constant(rng.normal()) : feature(rng.int(vocabulary.features));
}

/** True when the next random operator should be binary, in proportion to the number of each kind. */
function chooseBinary(rng: Random, vocabulary: TreeVocabulary): boolean {
  const nb = vocabulary.binaryOperators.length;
  const nu = vocabulary.unaryOperators.length;
  return rng.next() < nb / (nb + nu);
}

/** An operator node over fresh random leaves. */
export function randomOperatorNode(rng: Random, vocabulary: TreeVocabulary): Expr {
  if (chooseBinary(rng, vocabulary)) {
    return binary(rng.pick(vocabulary.binaryOperators), randomLeaf(rng, vocabulary), randomLeaf(rng, vocabulary));
  }
  return unary(rng.pick(vocabulary.unaryOperators), randomLeaf(rng, vocabulary));
}

/** Indices (pre-order) of leaves, or of operator nodes. */
function leafIndices(e: Expr): number[] {
  const out: number[] = [];
  preorder(e).forEach((n, i) => {
    if (n.kind === 'constant' || n.kind === 'feature') out.push(i);
  });
  return out;
}

export function operatorIndices(e: Expr): number[] {
  const out: number[] = [];
  preorder(e).forEach((n, i) => {
    if (n.kind === 'unary' || n.kind === 'binary') out.push(i);
  });
  return out;
}

/** Replaces a random leaf by an operator over new random leaves (the tree grows by one or two nodes). */
export function appendRandomOperator(rng: Random, e: Expr, vocabulary: TreeVocabulary): Expr {
  const leaves = leafIndices(e);
  return replaceAt(e, rng.pick(leaves), randomOperatorNode(rng, vocabulary));
}

/** A random tree of about `targetSize` nodes (never more than `targetSize + 1`). */
export function randomTree(rng: Random, vocabulary: TreeVocabulary, targetSize: number): Expr {
  let e = randomLeaf(rng, vocabulary);
  while (size(e) < targetSize) {
    const grown = appendRandomOperator(rng, e, vocabulary);
    if (size(grown) > targetSize + 1) break;
    e = grown;
  }
  return e;
}
