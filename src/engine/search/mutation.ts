import {
  binary,
  constant,
  feature,
  nodeAt,
  preorder,
  replaceAt,
  unary,
  type BinaryNode,
  type Expr,
  type UnaryNode,
} from '../expressions/expression';
import type { MutationWeights } from '../options';
import type { Random } from '../random';
import {
  appendRandomOperator,
  operatorIndices,
  randomOperatorNode,
  randomTree,
  type TreeVocabulary,
} from './randomTree';

export type MutationName = keyof MutationWeights;

export interface MutationContext {
  readonly rng: Random;
  readonly vocabulary: TreeVocabulary;
  /** Annealing temperature in [0, 1]; scales constant perturbations. */
  readonly temperature: number;
  readonly perturbationFactor: number;
  readonly probabilityNegateConstant: number;
  /** Current size limit, for `randomize`. */
  readonly maxSize: number;
}

function indicesWhere(e: Expr, test: (n: Expr) => boolean): number[] {
  const out: number[] = [];
  preorder(e).forEach((n, i) => {
    if (test(n)) out.push(i);
  });
  return out;
}

/** Multiplies or divides one constant by a random factor, rarely flipping its sign. */
export function mutateConstant(e: Expr, ctx: MutationContext): Expr {
  const candidates = indicesWhere(e, (n) => n.kind === 'constant');
  if (candidates.length === 0) return e;
  const index = ctx.rng.pick(candidates);
  const node = nodeAt(e, index);
  if (node.kind !== 'constant') return e;
  const maxChange = ctx.perturbationFactor * ctx.temperature + 1.1;
  const factor = Math.pow(maxChange, ctx.rng.next());
  let value = ctx.rng.bool() ? node.value * factor : node.value / factor;
  if (ctx.rng.next() < ctx.probabilityNegateConstant) value = -value;
  return replaceAt(e, index, constant(value));
}

/** Changes one operator to another of the same arity. */
export function mutateOperator(e: Expr, ctx: MutationContext): Expr {
  const candidates = operatorIndices(e);
  if (candidates.length === 0) return e;
  const index = ctx.rng.pick(candidates);
  const node = nodeAt(e, index);
  if (node.kind === 'binary') {
    const others = ctx.vocabulary.binaryOperators.filter((op) => op !== node.op);
    if (others.length === 0) return e;
    return replaceAt(e, index, binary(ctx.rng.pick(others), node.left, node.right));
  }
  if (node.kind === 'unary') {
    const others = ctx.vocabulary.unaryOperators.filter((op) => op !== node.op);
    if (others.length === 0) return e;
    return replaceAt(e, index, unary(ctx.rng.pick(others), node.arg));
  }
  return e;
}

/** Swaps the two operands of a binary node. */
export function swapOperands(e: Expr, ctx: MutationContext): Expr {
  const candidates = indicesWhere(e, (n) => n.kind === 'binary');
  if (candidates.length === 0) return e;
  const index = ctx.rng.pick(candidates);
  const node = nodeAt(e, index) as BinaryNode;
  return replaceAt(e, index, binary(node.op, node.right, node.left));
}

/**
 * A tree rotation around an operator node with an operator child: `(a o2 b) o1 c` becomes `a o2 (b o1 c)`
 * and the mirror image; unary nodes move above or below their neighbour. Rotations change which operands an
 * operator combines while keeping the leaves, which lets the search regroup terms in one step.
 */
export function rotateTree(e: Expr, ctx: MutationContext): Expr {
  const isOperator = (n: Expr): boolean => n.kind === 'unary' || n.kind === 'binary';
  const candidates = indicesWhere(e, (n) =>
    n.kind === 'unary' ? isOperator(n.arg) : n.kind === 'binary' && (isOperator(n.left) || isOperator(n.right)),
  );
  if (candidates.length === 0) return e;
  const index = ctx.rng.pick(candidates);
  const root = nodeAt(e, index) as UnaryNode | BinaryNode;
  return replaceAt(e, index, rotateAt(root, ctx.rng));
}

function rotateAt(root: UnaryNode | BinaryNode, rng: Random): Expr {
  if (root.kind === 'unary') {
    const pivot = root.arg;
    if (pivot.kind === 'unary') return unary(pivot.op, unary(root.op, pivot.arg));
    if (pivot.kind === 'binary') {
      return rng.bool()
        ? binary(pivot.op, unary(root.op, pivot.left), pivot.right)
        : binary(pivot.op, pivot.left, unary(root.op, pivot.right));
    }
    return root;
  }
  const leftIsOperator = root.left.kind === 'unary' || root.left.kind === 'binary';
  const rightIsOperator = root.right.kind === 'unary' || root.right.kind === 'binary';
  const useLeft = leftIsOperator && (!rightIsOperator || rng.bool());
  if (useLeft) {
    const pivot = root.left;
    if (pivot.kind === 'binary') return binary(pivot.op, pivot.left, binary(root.op, pivot.right, root.right));
    if (pivot.kind === 'unary') return unary(pivot.op, binary(root.op, pivot.arg, root.right));
    return root;
  }
  const pivot = root.right;
  if (pivot.kind === 'binary') return binary(pivot.op, binary(root.op, root.left, pivot.left), pivot.right);
  if (pivot.kind === 'unary') return unary(pivot.op, binary(root.op, root.left, pivot.arg));
  return root;
}

/** Grows the tree: an operator at a leaf, or a new operator above the whole tree. */
export function addNode(e: Expr, ctx: MutationContext): Expr {
  if (ctx.rng.bool()) return appendRandomOperator(ctx.rng, e, ctx.vocabulary);
  return prependRandomOperator(e, ctx);
}

function prependRandomOperator(e: Expr, ctx: MutationContext): Expr {
  const node = randomOperatorNode(ctx.rng, ctx.vocabulary);
  if (node.kind === 'unary') return unary(node.op, e);
  if (node.kind === 'binary') return ctx.rng.bool() ? binary(node.op, e, node.right) : binary(node.op, node.left, e);
  return e;
}

/** Puts a new operator between a random node and its parent. */
export function insertNode(e: Expr, ctx: MutationContext): Expr {
  const nodes = preorder(e);
  const index = ctx.rng.int(nodes.length);
  const target = nodes[index]!;
  const node = randomOperatorNode(ctx.rng, ctx.vocabulary);
  let inserted: Expr;
  if (node.kind === 'unary') inserted = unary(node.op, target);
  else if (node.kind === 'binary') {
    inserted = ctx.rng.bool() ? binary(node.op, target, node.right) : binary(node.op, node.left, target);
  } else return e;
  return replaceAt(e, index, inserted);
}

/** Removes a random operator, keeping one of its operands in its place. */
export function deleteNode(e: Expr, ctx: MutationContext): Expr {
  const candidates = operatorIndices(e);
  if (candidates.length === 0) return e;
  const index = ctx.rng.pick(candidates);
  const node = nodeAt(e, index);
  if (node.kind === 'unary') return replaceAt(e, index, node.arg);
  if (node.kind === 'binary') return replaceAt(e, index, ctx.rng.bool() ? node.left : node.right);
  return e;
}

/** Points a feature leaf at another feature. */
export function replaceFeature(e: Expr, ctx: MutationContext): Expr {
  if (ctx.vocabulary.features < 2) return e;
  const candidates = indicesWhere(e, (n) => n.kind === 'feature');
  if (candidates.length === 0) return e;
  const index = ctx.rng.pick(candidates);
  const node = nodeAt(e, index);
  if (node.kind !== 'feature') return e;
  let next = ctx.rng.int(ctx.vocabulary.features - 1);
  if (next >= node.index) next++;
  return replaceAt(e, index, feature(next));
}

/** A fresh random tree of random size up to the current limit. */
export function randomize(_e: Expr, ctx: MutationContext): Expr {
  return randomTree(ctx.rng, ctx.vocabulary, 1 + ctx.rng.int(ctx.maxSize));
}

/** Structural mutations that need nothing but the tree and the context. */
export const STRUCTURAL_MUTATIONS = {
  mutateConstant,
  mutateOperator,
  swapOperands,
  rotateTree,
  addNode,
  insertNode,
  deleteNode,
  replaceFeature,
  randomize,
} satisfies Partial<Record<MutationName, (e: Expr, ctx: MutationContext) => Expr>>;

/**
 * Mutation weights adjusted to what makes sense for this tree (SymbolicRegression.jl's
 * `condition_mutation_weights!`): no operator mutations on a lone leaf, no constant mutation without
 * constants, no growth at the size limit.
 */
export function conditionWeights(
  weights: MutationWeights,
  e: Expr,
  treeSize: number,
  maxSize: number,
  features: number,
): MutationWeights {
  const w = { ...weights };
  let constants = 0;
  let featureLeaves = 0;
  let binaries = 0;
  for (const n of preorder(e)) {
    if (n.kind === 'constant') constants++;
    else if (n.kind === 'feature') featureLeaves++;
    else if (n.kind === 'binary') binaries++;
  }
  const isLeaf = e.kind === 'constant' || e.kind === 'feature';
  if (isLeaf) {
    w.mutateOperator = 0;
    w.swapOperands = 0;
    w.deleteNode = 0;
    w.rotateTree = 0;
    w.simplify = 0;
  }
  if (constants === 0) {
    w.mutateConstant = 0;
    w.optimize = 0;
  }
  if (features < 2 || featureLeaves === 0) w.replaceFeature = 0;
  if (binaries === 0) w.swapOperands = 0;
  if (treeSize >= maxSize) {
    w.addNode = 0;
    w.insertNode = 0;
  }
  return w;
}

