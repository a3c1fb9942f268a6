import { isBinaryOperator, type BinaryOperator, type UnaryOperator } from '../expressions/operators';
import { AUTO_BATCHING_ROWS, type SearchOptions } from './schema';
import { validateOptions } from './validate';

/** Options as the engine runs them on a given data set. */
export interface ResolvedOptions extends Omit<SearchOptions, 'operators' | 'batching'> {
  binaryOperators: BinaryOperator[];
  unaryOperators: UnaryOperator[];
  batching: boolean;
}

/** Valid operator names split by arity, each once. */
function byArity(names: readonly string[]): { binaryOperators: BinaryOperator[]; unaryOperators: UnaryOperator[] } {
  const binaryOperators: BinaryOperator[] = [];
  const unaryOperators: UnaryOperator[] = [];
  for (const name of names) {
    if (isBinaryOperator(name)) {
      if (!binaryOperators.includes(name)) binaryOperators.push(name);
    } else if (!unaryOperators.includes(name as UnaryOperator)) {
      unaryOperators.push(name as UnaryOperator);
    }
  }
  return { binaryOperators, unaryOperators };
}

/** Whether `batching: 'auto'` evaluates candidates on mini-batches for this many rows. */
export function batchesRows(rows: number, batchSize: number): boolean {
  return rows > AUTO_BATCHING_ROWS && rows >= 2 * batchSize;
}

/**
 * Validated options (see `validateOptions`) made ready for data of `rows` rows: operators split by arity,
 * automatic batching decided, limits that depend on each other applied. Throws `OptionsError` on bad input.
 */
export function resolveOptions(options: Partial<SearchOptions>, rows: number): ResolvedOptions {
  const { operators, batching, ...rest } = validateOptions(options);
  return {
    ...rest,
    ...byArity(operators),
    maxDepth: Math.min(rest.maxDepth, rest.maxSize),
    tournamentSize: Math.min(rest.tournamentSize, rest.populationSize),
    batching: batching === 'auto' ? batchesRows(rows, rest.batchSize) : batching,
  };
}
