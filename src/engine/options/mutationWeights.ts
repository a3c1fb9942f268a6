/** A mutation the search applies to a selected formula, with its default relative weight (PySR's tuned values). */
interface MutationWeightSpec {
  readonly default: number;
  /** PySR's parameter for the same weight, where it has one. */
  readonly pysr?: string;
}

export const MUTATION_WEIGHTS = {
  mutateConstant: { default: 0.0346, pysr: 'weight_mutate_constant' },
  mutateOperator: { default: 0.293, pysr: 'weight_mutate_operator' },
  swapOperands: { default: 0.198, pysr: 'weight_swap_operands' },
  rotateTree: { default: 4.26, pysr: 'weight_rotate_tree' },
  addNode: { default: 2.47, pysr: 'weight_add_node' },
  insertNode: { default: 0.0112, pysr: 'weight_insert_node' },
  deleteNode: { default: 0.87, pysr: 'weight_delete_node' },
  simplify: { default: 0.00209, pysr: 'weight_simplify' },
  randomize: { default: 0.000502, pysr: 'weight_randomize' },
  doNothing: { default: 0.273, pysr: 'weight_do_nothing' },
  optimize: { default: 0, pysr: 'weight_optimize' },
  replaceFeature: { default: 0.1 },
} as const satisfies Record<string, MutationWeightSpec>;

/** Relative weights of the mutations applied to a selected member. */
export type MutationWeights = { -readonly [K in keyof typeof MUTATION_WEIGHTS]: number };

export const DEFAULT_MUTATION_WEIGHTS: MutationWeights = Object.fromEntries(
  Object.entries(MUTATION_WEIGHTS).map(([name, spec]) => [name, spec.default]),
) as MutationWeights;
