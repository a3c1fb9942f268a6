import { preorder, replaceAt, type Expr } from '../expressions/expression';
import type { Random } from '../random';

/** Swaps a random subtree of `a` with a random subtree of `b`, giving two children. */
export function crossover(rng: Random, a: Expr, b: Expr): [Expr, Expr] {
  const nodesA = preorder(a);
  const nodesB = preorder(b);
  const i = rng.int(nodesA.length);
  const j = rng.int(nodesB.length);
  return [replaceAt(a, i, nodesB[j]!), replaceAt(b, j, nodesA[i]!)];
}
