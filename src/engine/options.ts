import {
  BINARY_OPERATORS,
  UNARY_OPERATORS,
  isBinaryOperator,
  isUnaryOperator,
  type BinaryOperator,
  type UnaryOperator,
} from './expressions/operators';

export type LossName = 'mse' | 'mae' | 'huber';

/** Relative weights of the mutations applied to a selected member (PySR's tuned defaults). */
export interface MutationWeights {
  mutateConstant: number;
  mutateOperator: number;
  swapOperands: number;
  rotateTree: number;
  addNode: number;
  insertNode: number;
  deleteNode: number;
  simplify: number;
  randomize: number;
  doNothing: number;
  optimize: number;
  replaceFeature: number;
}

/** Everything a search can be told. All fields are optional for callers; `resolveOptions` fills defaults. */
export interface SearchOptions {
  /** Operators by name: binary `+ - * / ^`, unary `neg sqrt exp log sin cos tan tanh abs square cube`. */
  operators: string[];
  /** Largest complexity (node count) of a formula. */
  maxSize: number;
  maxDepth: number;
  /** Number of islands. */
  populations: number;
  populationSize: number;
  /** Outer iterations of every island; the search also stops at the time limit or evaluation budget. */
  iterations: number;
  /** Evolution cycles per island per iteration, between migrations. */
  cyclesPerIteration: number;
  timeLimitSeconds: number;
  maxEvaluations: number;
  /** Stop as soon as a formula's loss, as reported (see `SearchProgress.targetScale`), falls below this (0: never). */
  lossThreshold: number;
  loss: LossName;
  huberDelta: number;
  /** Constant term added to each formula's normalised loss per node. */
  parsimony: number;
  /** How strongly over-represented complexities are penalised in selection (0 disables). */
  adaptiveParsimonyScaling: number;
  annealing: boolean;
  /** Temperature scale of simulated annealing. */
  alpha: number;
  tournamentSize: number;
  tournamentProbability: number;
  mutationWeights: MutationWeights;
  crossoverProbability: number;
  /** Relative size of a constant perturbation. */
  perturbationFactor: number;
  probabilityNegateConstant: number;
  /** Probability that a member has its constants optimised at the end of an iteration. */
  optimizerProbability: number;
  optimizerIterations: number;
  optimizerRestarts: number;
  /** Fraction of an island replaced by the best of other islands at each migration. */
  fractionReplaced: number;
  /** Fraction of an island replaced by hall-of-fame members at each migration. */
  fractionReplacedHof: number;
  /** Members of each island offered for migration. */
  topN: number;
  /** Evaluate candidates on random mini-batches; `auto` turns this on for large data. */
  batching: boolean | 'auto';
  batchSize: number;
  seed: number;
}

export interface ResolvedOptions extends Omit<SearchOptions, 'operators' | 'batching'> {
  binaryOperators: BinaryOperator[];
  unaryOperators: UnaryOperator[];
  batching: boolean;
}

export const DEFAULT_OPERATORS = ['+', '-', '*', '/'];

export const DEFAULT_MUTATION_WEIGHTS: MutationWeights = {
  mutateConstant: 0.0346,
  mutateOperator: 0.293,
  swapOperands: 0.198,
  rotateTree: 4.26,
  addNode: 2.47,
  insertNode: 0.0112,
  deleteNode: 0.87,
  simplify: 0.00209,
  randomize: 0.000502,
  doNothing: 0.273,
  optimize: 0,
  replaceFeature: 0.1,
};

export const DEFAULT_OPTIONS: SearchOptions = {
  operators: DEFAULT_OPERATORS,
  maxSize: 30,
  maxDepth: 30,
  populations: 15,
  populationSize: 27,
  iterations: Number.POSITIVE_INFINITY,
  cyclesPerIteration: 380,
  timeLimitSeconds: 60,
  maxEvaluations: Number.POSITIVE_INFINITY,
  lossThreshold: 0,
  loss: 'mse',
  huberDelta: 1,
  parsimony: 0,
  adaptiveParsimonyScaling: 1040,
  annealing: false,
  alpha: 3.17,
  tournamentSize: 15,
  tournamentProbability: 0.982,
  mutationWeights: DEFAULT_MUTATION_WEIGHTS,
  crossoverProbability: 0.0259,
  perturbationFactor: 0.129,
  probabilityNegateConstant: 0.00743,
  optimizerProbability: 0.14,
  optimizerIterations: 8,
  optimizerRestarts: 2,
  fractionReplaced: 0.00036,
  fractionReplacedHof: 0.0614,
  topN: 12,
  batching: 'auto',
  batchSize: 256,
  seed: 0,
};

/**
 * Rows above which `batching: 'auto'` evaluates candidates on mini-batches. Evolution only needs to rank
 * candidates, which a few hundred rows do well; the hall of fame always uses every row.
 */
export const AUTO_BATCHING_ROWS = 512;

/** Most islands a search evolves: each costs memory and time, and more than this gains nothing. */
export const MAX_POPULATIONS = 100;

export class OptionsError extends Error {
  override readonly name = 'OptionsError';
}

/** Splits an operator list given as text ("+,-,*,/,sqrt") into names. */
export function parseOperatorList(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function checkPositiveInteger(name: string, value: number, allowInfinity = false): void {
  if (allowInfinity && value === Number.POSITIVE_INFINITY) return;
  if (!Number.isInteger(value) || value < 1) throw new OptionsError(`${name} must be a positive integer, got ${value}`);
}

function checkProbability(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new OptionsError(`${name} must be between 0 and 1, got ${value}`);
}

function checkNonNegative(name: string, value: number): void {
  if (!(value >= 0)) throw new OptionsError(`${name} must be zero or positive, got ${value}`);
}

/** Fills defaults, checks every value and splits the operators by arity; throws `OptionsError` on bad input. */
export function resolveOptions(options: Partial<SearchOptions>, rows: number): ResolvedOptions {
  const merged: SearchOptions = {
    ...DEFAULT_OPTIONS,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    mutationWeights: { ...DEFAULT_MUTATION_WEIGHTS, ...options.mutationWeights },
  };
  const binaryOperators: BinaryOperator[] = [];
  const unaryOperators: UnaryOperator[] = [];
  for (const name of merged.operators) {
    if (isBinaryOperator(name)) {
      if (!binaryOperators.includes(name)) binaryOperators.push(name);
    } else if (isUnaryOperator(name)) {
      if (!unaryOperators.includes(name)) unaryOperators.push(name);
    } else {
      throw new OptionsError(
        `unknown operator "${name}"; available: ${[...BINARY_OPERATORS, ...UNARY_OPERATORS].join(' ')}`,
      );
    }
  }
  if (binaryOperators.length === 0) throw new OptionsError('at least one binary operator (+ - * / ^) is needed');

  checkPositiveInteger('maxSize', merged.maxSize);
  if (merged.maxSize < 3) throw new OptionsError(`maxSize must be at least 3, got ${merged.maxSize}`);
  checkPositiveInteger('maxDepth', merged.maxDepth);
  checkPositiveInteger('populations', merged.populations);
  if (merged.populations > MAX_POPULATIONS) {
    throw new OptionsError(`populations must be at most ${MAX_POPULATIONS}, got ${merged.populations}`);
  }
  checkPositiveInteger('populationSize', merged.populationSize);
  if (merged.populationSize < 4) throw new OptionsError(`populationSize must be at least 4, got ${merged.populationSize}`);
  checkPositiveInteger('iterations', merged.iterations, true);
  checkPositiveInteger('cyclesPerIteration', merged.cyclesPerIteration);
  if (!(merged.timeLimitSeconds > 0)) throw new OptionsError(`timeLimitSeconds must be positive, got ${merged.timeLimitSeconds}`);
  checkPositiveInteger('maxEvaluations', merged.maxEvaluations, true);
  checkNonNegative('lossThreshold', merged.lossThreshold);
  if (!['mse', 'mae', 'huber'].includes(merged.loss)) throw new OptionsError(`loss must be mse, mae or huber, got ${merged.loss}`);
  if (!(merged.huberDelta > 0)) throw new OptionsError(`huberDelta must be positive, got ${merged.huberDelta}`);
  checkNonNegative('parsimony', merged.parsimony);
  checkNonNegative('adaptiveParsimonyScaling', merged.adaptiveParsimonyScaling);
  checkNonNegative('alpha', merged.alpha);
  checkPositiveInteger('tournamentSize', merged.tournamentSize);
  checkProbability('tournamentProbability', merged.tournamentProbability);
  checkProbability('crossoverProbability', merged.crossoverProbability);
  checkNonNegative('perturbationFactor', merged.perturbationFactor);
  checkProbability('probabilityNegateConstant', merged.probabilityNegateConstant);
  checkProbability('optimizerProbability', merged.optimizerProbability);
  checkPositiveInteger('optimizerIterations', merged.optimizerIterations);
  checkNonNegative('optimizerRestarts', merged.optimizerRestarts);
  checkProbability('fractionReplaced', merged.fractionReplaced);
  checkProbability('fractionReplacedHof', merged.fractionReplacedHof);
  checkPositiveInteger('topN', merged.topN);
  checkPositiveInteger('batchSize', merged.batchSize);
  if (!Number.isInteger(merged.seed)) throw new OptionsError(`seed must be an integer, got ${merged.seed}`);
  for (const [name, w] of Object.entries(merged.mutationWeights)) checkNonNegative(`mutationWeights.${name}`, w);

  const { operators: _operators, batching, ...rest } = merged;
  return {
    ...rest,
    maxDepth: Math.min(merged.maxDepth, merged.maxSize),
    tournamentSize: Math.min(merged.tournamentSize, merged.populationSize),
    binaryOperators,
    unaryOperators,
    batching: batching === 'auto' ? rows > AUTO_BATCHING_ROWS && rows >= 2 * merged.batchSize : batching,
  };
}
