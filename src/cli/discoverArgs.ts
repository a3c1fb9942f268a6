import { parseArgs } from 'node:util';
import { parseOperatorList, type LossName, type SearchOptions } from '../engine/options';
import { UsageError } from './errors';
import { isOutputFormat, OUTPUT_FORMATS, type OutputFormat } from './outputFormats';

export interface DiscoverArgs {
  file: string;
  target?: string;
  features?: string[];
  search: Partial<SearchOptions>;
  workers?: number;
  format: OutputFormat;
  quiet: boolean;
}

function integer(flag: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new UsageError(`--${flag} must be an integer of at least ${min}, got "${text}"`);
  return value;
}

function positive(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!(value > 0) || !Number.isFinite(value)) throw new UsageError(`--${flag} must be a positive number, got "${text}"`);
  return value;
}

function list(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function parseDiscoverArgs(argv: string[]): DiscoverArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        target: { type: 'string' },
        features: { type: 'string' },
        operators: { type: 'string' },
        maxsize: { type: 'string' },
        'time-limit': { type: 'string' },
        'max-evals': { type: 'string' },
        iterations: { type: 'string' },
        loss: { type: 'string' },
        workers: { type: 'string' },
        seed: { type: 'string' },
        format: { type: 'string', default: 'table' },
        quiet: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'discover needs a data file' : `one data file expected, got ${positionals.length}`);
  }
  if (!isOutputFormat(values.format)) {
    throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, got "${values.format}"`);
  }
  if (values.loss !== undefined && !['mse', 'mae', 'huber'].includes(values.loss)) {
    throw new UsageError(`--loss must be mse, mae or huber, got "${values.loss}"`);
  }
  const search: Partial<SearchOptions> = {};
  if (values.operators !== undefined) search.operators = parseOperatorList(values.operators);
  const maxSize = integer('maxsize', values.maxsize, 3);
  if (maxSize !== undefined) search.maxSize = maxSize;
  const timeLimit = positive('time-limit', values['time-limit']);
  if (timeLimit !== undefined) search.timeLimitSeconds = timeLimit;
  const maxEvals = integer('max-evals', values['max-evals'], 1);
  if (maxEvals !== undefined) search.maxEvaluations = maxEvals;
  const iterations = integer('iterations', values.iterations, 1);
  if (iterations !== undefined) search.iterations = iterations;
  // A budget given without a time limit is the stopping rule the user asked for: no default time limit.
  if (timeLimit === undefined && (iterations !== undefined || maxEvals !== undefined)) {
    search.timeLimitSeconds = Number.POSITIVE_INFINITY;
  }
  if (values.loss !== undefined) search.loss = values.loss as LossName;
  const seed = integer('seed', values.seed, 0);
  if (seed !== undefined) search.seed = seed;
  const features = list(values.features);
  return {
    file: positionals[0]!,
    ...(values.target !== undefined ? { target: values.target } : {}),
    ...(features ? { features } : {}),
    search,
    ...(values.workers !== undefined ? { workers: integer('workers', values.workers, 1)! } : {}),
    format: values.format,
    quiet: values.quiet ?? false,
  };
}
