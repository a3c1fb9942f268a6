/**
 * Every option of a search, declared once: its type, default, range and description, PySR's name for it, and
 * whether it is a user setting and a command-line flag. Validation, the settings reader, package.json's
 * settings, the command line's flags and help, and the run summary are all derived from these tables.
 *
 * As SymbolicRegression.jl separates `Options` from the arguments of a single run, the algorithm's options
 * (what is searched and how) are apart from the run's budget (when it stops, its seed, its threads).
 */

import { BINARY_OPERATORS, UNARY_OPERATORS } from '../expressions/operators';
import { LOSS_NAMES, LOSSES, type LossName } from '../evaluation/loss';
import type { ModelSelection } from '../search/modelSelection';
import { DEFAULT_MUTATION_WEIGHTS } from './mutationWeights';
import {
  boolean,
  choice,
  integer,
  number,
  onOffAuto,
  operators,
  probability,
  weights,
  workers,
  type OptionSpec,
  type ValueOf,
} from './optionKinds';

/** Most islands a search evolves: each costs memory and time, and more than this gains nothing. */
export const MAX_POPULATIONS = 100;

/** Largest `populationSize`: far more than a search needs, small enough not to exhaust memory. */
export const MAX_POPULATION_SIZE = 1000;

/**
 * Rows above which `batching: 'auto'` evaluates candidates on mini-batches. Evolution only needs to rank
 * candidates, which a few hundred rows do well; the hall of fame always uses every row.
 */
export const AUTO_BATCHING_ROWS = 512;

export const DEFAULT_OPERATORS = ['+', '-', '*', '/'];

export const ALGORITHM_OPTIONS = {
  operators: operators({
    default: DEFAULT_OPERATORS,
    label: 'Operators',
    description:
      `Operators formulas may use. Binary: \`${BINARY_OPERATORS.join(' ')}\`; unary: \`${UNARY_OPERATORS.join(' ')}\`. ` +
      'Fewer operators make the search faster.',
    pysr: ['binary_operators', 'unary_operators'],
    setting: { order: 0 },
    cli: { flag: 'operators' },
  }),
  maxSize: integer({
    default: 30,
    min: 3,
    max: 100,
    label: 'Max size',
    description: 'Largest complexity (number of nodes) of a formula.',
    pysr: 'maxsize',
    setting: { order: 1, restricted: true },
    cli: { flag: 'maxsize' },
  }),
  maxDepth: integer({
    default: 30,
    min: 1,
    label: 'Max depth',
    description: 'Deepest nesting of a formula; never more than its largest complexity.',
    pysr: 'maxdepth',
  }),
  populations: integer({
    default: 15,
    min: 1,
    max: MAX_POPULATIONS,
    label: 'Populations',
    description: `Number of populations (islands) evolved in parallel, at most ${MAX_POPULATIONS}.`,
    pysr: 'populations',
    setting: { order: 4, restricted: true },
  }),
  populationSize: integer({
    default: 27,
    min: 4,
    max: MAX_POPULATION_SIZE,
    label: 'Population size',
    description: `Formulas per population, at most ${MAX_POPULATION_SIZE}.`,
    pysr: 'population_size',
    setting: { order: 5, restricted: true },
  }),
  cyclesPerIteration: integer({
    default: 380,
    min: 1,
    label: 'Cycles per iteration',
    description: 'Evolution cycles of each population per iteration, between migrations.',
    pysr: 'ncycles_per_iteration',
  }),
  loss: choice<LossName>({
    default: 'mse',
    choices: LOSS_NAMES.map((name) => ({ value: name, label: LOSSES[name].label, description: LOSSES[name].description })),
    label: 'Loss',
    description: 'Loss the search minimises.',
    pysr: 'elementwise_loss',
    setting: { order: 7 },
    cli: { flag: 'loss' },
  }),
  huberDelta: number({
    default: 1,
    min: 0,
    exclusiveMin: true,
    label: 'Huber delta',
    description: 'Residual at which the Huber loss turns from squared to absolute.',
  }),
  parsimony: number({
    default: 0,
    min: 0,
    label: 'Parsimony',
    description: "Constant added to a formula's normalised loss per node.",
    pysr: 'parsimony',
  }),
  adaptiveParsimonyScaling: number({
    default: 1040,
    min: 0,
    label: 'Adaptive parsimony scaling',
    description: 'How strongly complexities that are frequent in the populations are penalised in selection (`0` disables).',
    pysr: 'adaptive_parsimony_scaling',
  }),
  annealing: boolean({
    default: false,
    label: 'Annealing',
    description: 'Accept a worse mutation with a probability that falls with the temperature (simulated annealing).',
    pysr: 'annealing',
  }),
  alpha: number({
    default: 3.17,
    min: 0,
    label: 'Annealing temperature scale',
    description: 'Temperature scale of simulated annealing.',
    pysr: 'alpha',
  }),
  tournamentSize: integer({
    default: 15,
    min: 1,
    label: 'Tournament size',
    description: 'Members drawn for the tournament that selects a parent; never more than the population size.',
    pysr: 'tournament_selection_n',
  }),
  tournamentProbability: probability({
    default: 0.982,
    label: 'Tournament probability',
    description: 'Probability that a tournament picks its best member (else the next one, and so on).',
    pysr: 'tournament_selection_p',
  }),
  mutationWeights: weights({
    default: DEFAULT_MUTATION_WEIGHTS,
    label: 'Mutation weights',
    description: 'Relative weights of the mutations applied to a selected formula.',
  }),
  crossoverProbability: probability({
    default: 0.0259,
    label: 'Crossover probability',
    description: 'Probability that two formulas are crossed over instead of one being mutated.',
    pysr: 'crossover_probability',
  }),
  perturbationFactor: number({
    default: 0.129,
    min: 0,
    label: 'Perturbation factor',
    description: 'Relative size of the perturbation of a constant.',
    pysr: 'perturbation_factor',
  }),
  probabilityNegateConstant: probability({
    default: 0.00743,
    label: 'Probability to negate a constant',
    description: 'Probability that a perturbed constant also changes sign.',
    pysr: 'probability_negate_constant',
  }),
  optimizerProbability: probability({
    default: 0.14,
    label: 'Optimizer probability',
    description: 'Probability that a formula has its constants optimised at the end of an iteration.',
    pysr: 'optimize_probability',
  }),
  optimizerIterations: integer({
    default: 8,
    min: 1,
    label: 'Optimizer iterations',
    description: 'Steps of each optimisation of constants.',
    pysr: 'optimizer_iterations',
  }),
  optimizerRestarts: integer({
    default: 2,
    min: 0,
    label: 'Optimizer restarts',
    description: 'Further starts of each optimisation of constants, from perturbed constants.',
    pysr: 'optimizer_nrestarts',
  }),
  fractionReplaced: probability({
    default: 0.00036,
    label: 'Fraction replaced',
    description: 'Fraction of a population replaced by the best formulas of the other populations at each migration.',
    pysr: 'fraction_replaced',
  }),
  fractionReplacedHof: probability({
    default: 0.0614,
    label: 'Fraction replaced by the hall of fame',
    description: 'Fraction of a population replaced by formulas of the hall of fame at each migration.',
    pysr: 'fraction_replaced_hof',
  }),
  topN: integer({
    default: 12,
    min: 1,
    label: 'Migrants per population',
    description: 'Best formulas of each population offered for migration.',
    pysr: 'topn',
  }),
  modelSelection: choice<ModelSelection>({
    default: 'best',
    choices: [
      {
        value: 'best',
        label: 'Best',
        description: 'The lowest n·log(loss) + complexity·log(n) for n rows, an information criterion',
      },
      { value: 'accuracy', label: 'Accuracy', description: 'The lowest loss' },
      { value: 'score', label: 'Score', description: 'The highest score, the steepest drop of log(loss) per added node' },
    ],
    label: 'Model selection',
    description: 'How the formula marked as the best of the front is chosen.',
    pysr: 'model_selection',
  }),
  batching: onOffAuto({
    default: 'auto',
    label: 'Batching',
    description: `Evaluate candidates on random mini-batches of rows; \`auto\` does for more than ${AUTO_BATCHING_ROWS} rows.`,
    pysr: 'batching',
  }),
  batchSize: integer({
    default: 256,
    min: 1,
    label: 'Batch size',
    description: 'Rows of a mini-batch.',
    pysr: 'batch_size',
  }),
};

export const RUN_BUDGET = {
  timeLimitSeconds: number({
    default: 60,
    min: 0,
    exclusiveMin: true,
    unlimited: true,
    unit: 'seconds',
    label: 'Time limit',
    description: 'How long a search runs before it stops by itself (seconds). You can stop it earlier at any time.',
    pysr: 'timeout_in_seconds',
    setting: { order: 2, restricted: true },
    cli: { flag: 'time-limit' },
  }),
  maxEvaluations: integer({
    default: Number.POSITIVE_INFINITY,
    min: 1,
    unlimited: true,
    label: 'Max evaluations',
    description: 'Stop after this many evaluations of a formula on all rows.',
    pysr: 'max_evals',
    cli: { flag: 'max-evals' },
  }),
  iterations: integer({
    default: Number.POSITIVE_INFINITY,
    min: 1,
    unlimited: true,
    label: 'Iterations',
    description: 'Stop after this many iterations of every population.',
    pysr: 'niterations',
    cli: { flag: 'iterations' },
  }),
  lossThreshold: number({
    default: 0,
    min: 0,
    label: 'Loss threshold',
    description: "Stop as soon as a formula's loss falls below this (`0`: never).",
    pysr: 'early_stop_condition',
  }),
  seed: integer({
    default: 0,
    min: 0,
    label: 'Seed',
    description: 'Random seed. With one worker, the same seed gives the same search.',
    pysr: 'random_state',
    setting: { order: 6 },
    cli: { flag: 'seed' },
  }),
  workers: workers({
    default: 'auto',
    max: 256,
    autoMeans: 'one per available core minus one',
    label: 'Workers',
    description:
      "Worker threads for the search, never more than the machine's available cores (a larger number uses one per core)",
    setting: { order: 3, restricted: true },
    cli: { flag: 'workers' },
  }),
};

export const OPTION_SCHEMA = { ...ALGORITHM_OPTIONS, ...RUN_BUDGET };

type ValuesOf<T> = { -readonly [K in keyof T]: ValueOf<T[K]> };

export type AlgorithmOptions = ValuesOf<typeof ALGORITHM_OPTIONS>;
export type RunBudget = ValuesOf<typeof RUN_BUDGET>;
export type OptionName = keyof typeof OPTION_SCHEMA;
export type OptionValues = AlgorithmOptions & RunBudget;

/** What the search engine is told: the algorithm's options and the budget but its threads, which the engine never sees. */
export type SearchOptions = AlgorithmOptions & Omit<RunBudget, 'workers'>;

const { workers: _threads, ...engineBudget } = RUN_BUDGET;

/** The options the engine validates, by name. */
export const SEARCH_OPTION_SPECS: Readonly<Record<keyof SearchOptions, OptionSpec>> = { ...ALGORITHM_OPTIONS, ...engineBudget };

export const DEFAULT_OPTIONS = Object.fromEntries(
  Object.entries(SEARCH_OPTION_SPECS).map(([name, spec]) => [name, spec.default]),
) as SearchOptions;

/** Every option with its name, in declaration order: the algorithm's, then the budget's. */
export function optionEntries(): [OptionName, OptionSpec][] {
  return Object.entries(OPTION_SCHEMA) as [OptionName, OptionSpec][];
}
