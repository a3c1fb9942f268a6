import type { BinaryOperator, UnaryOperator } from './operators';

/**
 * Expression trees. Nodes are immutable: mutations build new trees that share untouched subtrees, so a
 * member of a population can never be changed behind the back of the hall of fame or another island.
 */
export type Expr = ConstantNode | FeatureNode | UnaryNode | BinaryNode;

export interface ConstantNode {
  readonly kind: 'constant';
  readonly value: number;
}

export interface FeatureNode {
  readonly kind: 'feature';
  /** Column index into the feature matrix. */
  readonly index: number;
}

export interface UnaryNode {
  readonly kind: 'unary';
  readonly op: UnaryOperator;
  readonly arg: Expr;
}

export interface BinaryNode {
  readonly kind: 'binary';
  readonly op: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
}

export function constant(value: number): ConstantNode {
  return { kind: 'constant', value };
}

export function feature(index: number): FeatureNode {
  return { kind: 'feature', index };
}

export function unary(op: UnaryOperator, arg: Expr): UnaryNode {
  return { kind: 'unary', op, arg };
}

export function binary(op: BinaryOperator, left: Expr, right: Expr): BinaryNode {
  return { kind: 'binary', op, left, right };
}

/** Number of nodes: the complexity of an expression. */
export function size(e: Expr): number {
  switch (e.kind) {
    case 'constant':
    case 'feature':
      return 1;
    case 'unary':
      return 1 + size(e.arg);
    case 'binary':
      return 1 + size(e.left) + size(e.right);
  }
}

export function depth(e: Expr): number {
  switch (e.kind) {
    case 'constant':
    case 'feature':
      return 1;
    case 'unary':
      return 1 + depth(e.arg);
    case 'binary':
      return 1 + Math.max(depth(e.left), depth(e.right));
  }
}

/** Children of a node, left to right. */
export function children(e: Expr): Expr[] {
  switch (e.kind) {
    case 'constant':
    case 'feature':
      return [];
    case 'unary':
      return [e.arg];
    case 'binary':
      return [e.left, e.right];
  }
}

/** All nodes in pre-order (a node before its children); index i is the node `nodeAt(e, i)` returns. */
export function preorder(e: Expr): Expr[] {
  const out: Expr[] = [];
  const visit = (n: Expr): void => {
    out.push(n);
    if (n.kind === 'unary') visit(n.arg);
    else if (n.kind === 'binary') {
      visit(n.left);
      visit(n.right);
    }
  };
  visit(e);
  return out;
}

export function nodeAt(e: Expr, index: number): Expr {
  const nodes = preorder(e);
  const node = nodes[index];
  if (node === undefined) throw new RangeError(`node index ${index} out of range 0..${nodes.length - 1}`);
  return node;
}

/** A copy of `e` with the node at pre-order `index` replaced by `replacement`. */
export function replaceAt(e: Expr, index: number, replacement: Expr): Expr {
  let counter = 0;
  const rebuild = (n: Expr): Expr => {
    const here = counter++;
    if (here === index) {
      counter += size(n) - 1;
      return replacement;
    }
    if (n.kind === 'unary') {
      if (index >= counter && index < counter + size(n.arg)) return unary(n.op, rebuild(n.arg));
      counter += size(n.arg);
      return n;
    }
    if (n.kind === 'binary') {
      const leftSize = size(n.left);
      if (index >= counter && index < counter + leftSize) return binary(n.op, rebuild(n.left), n.right);
      counter += leftSize;
      const rightSize = size(n.right);
      if (index >= counter && index < counter + rightSize) return binary(n.op, n.left, rebuild(n.right));
      counter += rightSize;
      return n;
    }
    return n;
  };
  if (index < 0 || index >= size(e)) throw new RangeError(`node index ${index} out of range`);
  return rebuild(e);
}

/** Constant values in pre-order. */
export function constantsOf(e: Expr): number[] {
  const out: number[] = [];
  for (const n of preorder(e)) if (n.kind === 'constant') out.push(n.value);
  return out;
}

/** A copy of `e` whose constants, in pre-order, take `values`. */
export function withConstants(e: Expr, values: ArrayLike<number>): Expr {
  let i = 0;
  const rebuild = (n: Expr): Expr => {
    switch (n.kind) {
      case 'constant':
        return constant(values[i++]!);
      case 'feature':
        return n;
      case 'unary':
        return unary(n.op, rebuild(n.arg));
      case 'binary': {
        const left = rebuild(n.left);
        return binary(n.op, left, rebuild(n.right));
      }
    }
  };
  const out = rebuild(e);
  if (i !== values.length) throw new RangeError(`expected ${i} constants, got ${values.length}`);
  return out;
}

export function countConstants(e: Expr): number {
  switch (e.kind) {
    case 'constant':
      return 1;
    case 'feature':
      return 0;
    case 'unary':
      return countConstants(e.arg);
    case 'binary':
      return countConstants(e.left) + countConstants(e.right);
  }
}

/** Indices of the features an expression reads, sorted. */
export function featuresOf(e: Expr): number[] {
  const seen = new Set<number>();
  for (const n of preorder(e)) if (n.kind === 'feature') seen.add(n.index);
  return [...seen].sort((a, b) => a - b);
}

/**
 * A compact, unambiguous text of the tree's structure and exact constants, used as a key for de-duplication
 * and caching. Not meant for people: use the formats for that.
 */
export function structureKey(e: Expr): string {
  switch (e.kind) {
    case 'constant':
      return String(e.value);
    case 'feature':
      return `x${e.index}`;
    case 'unary':
      return `${e.op}(${structureKey(e.arg)})`;
    case 'binary':
      return `(${structureKey(e.left)}${e.op}${structureKey(e.right)})`;
  }
}

export function equalExpr(a: Expr, b: Expr): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'constant':
      return Object.is(a.value, (b as ConstantNode).value);
    case 'feature':
      return a.index === (b as FeatureNode).index;
    case 'unary': {
      const u = b as UnaryNode;
      return a.op === u.op && equalExpr(a.arg, u.arg);
    }
    case 'binary': {
      const o = b as BinaryNode;
      return a.op === o.op && equalExpr(a.left, o.left) && equalExpr(a.right, o.right);
    }
  }
}
