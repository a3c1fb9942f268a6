import assert from 'node:assert/strict';
import { crossover } from '../../../src/engine/search/crossover';
import { depth, preorder, size, structureKey, type Expr } from '../../../src/engine/expressions/expression';
import { conditionWeights, STRUCTURAL_MUTATIONS, type MutationContext } from '../../../src/engine/search/mutation';
import { DEFAULT_MUTATION_WEIGHTS } from '../../../src/engine/options';
import { Random } from '../../../src/engine/random';
import { randomTree } from '../../../src/engine/search/randomTree';

const vocabulary = { binaryOperators: ['+', '-', '*', '/'] as const, unaryOperators: ['sin', 'exp'] as const, features: 3 };
const voc = { binaryOperators: [...vocabulary.binaryOperators], unaryOperators: [...vocabulary.unaryOperators], features: 3 };

/** Checks that a tree is well formed: known operators, features in range, finite constants. */
function assertValid(e: Expr): void {
  for (const n of preorder(e)) {
    switch (n.kind) {
      case 'constant':
        assert.ok(Number.isFinite(n.value), `constant ${n.value}`);
        break;
      case 'feature':
        assert.ok(Number.isInteger(n.index) && n.index >= 0 && n.index < 3, `feature ${n.index}`);
        break;
      case 'unary':
        assert.ok(voc.unaryOperators.includes(n.op as 'sin'), n.op);
        break;
      case 'binary':
        assert.ok(voc.binaryOperators.includes(n.op as '+'), n.op);
        break;
    }
  }
}

describe('mutations', () => {
  const rng = new Random(11);
  const ctx: MutationContext = {
    rng,
    vocabulary: voc,
    temperature: 1,
    perturbationFactor: 0.129,
    probabilityNegateConstant: 0.01,
    maxSize: 20,
  };
  const trees = Array.from({ length: 300 }, () => randomTree(rng, voc, 1 + rng.int(15)));

  for (const [name, mutate] of Object.entries(STRUCTURAL_MUTATIONS)) {
    it(`${name} always gives a valid tree`, () => {
      let changed = 0;
      for (const t of trees) {
        const m = mutate(t, ctx);
        assertValid(m);
        if (structureKey(m) !== structureKey(t)) changed++;
      }
      assert.ok(changed > 0, `${name} never changed a tree`);
    });
  }

  it('keeps sizes as each mutation promises', () => {
    for (const t of trees) {
      const n = size(t);
      assert.equal(size(STRUCTURAL_MUTATIONS.mutateConstant(t, ctx)), n);
      assert.equal(size(STRUCTURAL_MUTATIONS.mutateOperator(t, ctx)), n);
      assert.equal(size(STRUCTURAL_MUTATIONS.swapOperands(t, ctx)), n);
      assert.equal(size(STRUCTURAL_MUTATIONS.rotateTree(t, ctx)), n);
      assert.equal(size(STRUCTURAL_MUTATIONS.replaceFeature(t, ctx)), n);
      assert.ok(size(STRUCTURAL_MUTATIONS.addNode(t, ctx)) > n);
      assert.ok(size(STRUCTURAL_MUTATIONS.insertNode(t, ctx)) > n);
      assert.ok(size(STRUCTURAL_MUTATIONS.deleteNode(t, ctx)) <= n);
      assert.ok(size(STRUCTURAL_MUTATIONS.randomize(t, ctx)) <= ctx.maxSize + 1);
    }
  });

  it('keeps the same leaves when rotating', () => {
    const leaves = (e: Expr): string =>
      preorder(e)
        .filter((n) => n.kind === 'feature' || n.kind === 'constant')
        .map(structureKey)
        .sort()
        .join(',');
    for (const t of trees) assert.equal(leaves(STRUCTURAL_MUTATIONS.rotateTree(t, ctx)), leaves(t));
  });

  it('crossover swaps subtrees and conserves the total size', () => {
    for (let i = 0; i + 1 < trees.length; i += 2) {
      const [a, b] = crossover(rng, trees[i]!, trees[i + 1]!);
      assertValid(a);
      assertValid(b);
      assert.equal(size(a) + size(b), size(trees[i]!) + size(trees[i + 1]!));
      assert.ok(depth(a) >= 1 && depth(b) >= 1);
    }
  });

  it('conditions mutation weights on the tree', () => {
    const leaf = trees.find((t) => t.kind === 'feature')!;
    const w = conditionWeights(DEFAULT_MUTATION_WEIGHTS, leaf, 1, 20, 3);
    assert.equal(w.mutateOperator, 0);
    assert.equal(w.mutateConstant, 0);
    assert.equal(w.deleteNode, 0);
    assert.ok(w.addNode > 0);
    const big = trees.find((t) => size(t) >= 10)!;
    const atLimit = conditionWeights(DEFAULT_MUTATION_WEIGHTS, big, size(big), size(big), 3);
    assert.equal(atLimit.addNode, 0);
    assert.equal(atLimit.insertNode, 0);
  });
});

describe('tournament selection', () => {
  it('samples distinct members and favours low cost', async () => {
    const { Population, makeMember } = await import('../../../src/engine/search/population');
    const { ComplexityFrequencies } = await import('../../../src/engine/search/adaptiveParsimony');
    const { feature: f } = await import('../../../src/engine/expressions/expression');
    const members = Array.from({ length: 20 }, (_, i) => makeMember(f(0), i, i));
    const population = new Population(members);
    const rng = new Random(3);
    const frequencies = new ComplexityFrequencies(10);
    const wins = new Array<number>(20).fill(0);
    for (let t = 0; t < 2000; t++) wins[population.tournament(rng, 20, 1, frequencies, 0).cost]!++;
    assert.equal(wins[0], 2000, 'with p = 1 and the whole population sampled, the best always wins');
    const partial = new Array<number>(20).fill(0);
    for (let t = 0; t < 4000; t++) partial[population.tournament(rng, 5, 0.9, frequencies, 0).cost]!++;
    assert.ok(partial[0]! > partial[10]! && partial[10]! > partial[19]!);
  });
});
