export type { LossName } from '../evaluation/loss';
export { DEFAULT_MUTATION_WEIGHTS, MUTATION_WEIGHTS, type MutationWeights } from './mutationWeights';
export type { OptionSpec } from './optionKinds';
export { resolveOptions, type ResolvedOptions } from './resolve';
export {
  ALGORITHM_OPTIONS,
  AUTO_BATCHING_ROWS,
  DEFAULT_OPERATORS,
  DEFAULT_OPTIONS,
  MAX_POPULATION_SIZE,
  MAX_POPULATIONS,
  OPTION_SCHEMA,
  RUN_BUDGET,
  type AlgorithmOptions,
  type OptionName,
  type RunBudget,
  type SearchOptions,
} from './schema';
export { splitList } from './textList';
export { OptionsError, validateOptions } from './validate';
export { capWorkers, workerCountOf, workerThreads, type WorkerCount } from './workers';
