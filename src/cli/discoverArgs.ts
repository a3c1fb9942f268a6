import { parseArgs } from 'node:util';
import { splitList, type SearchOptions, type WorkerCount } from '../engine/options';
import type { OptionValues } from '../engine/options/schema';
import { DataError, parseRowRange, type LoadOptions } from '../data';
import { UsageError } from './errors';
import { flagValue, OPTION_FLAGS } from './optionFlags';
import { isOutputFormat, OUTPUT_FORMATS, type OutputFormat } from './outputFormats';

export interface DiscoverArgs {
  file: string;
  target?: string;
  features?: string[];
  /** Which part of the file to read, and which of its rows. */
  data: Pick<LoadOptions, 'sheet' | 'dataset' | 'rows'>;
  search: Partial<SearchOptions>;
  workers?: WorkerCount;
  format: OutputFormat;
  quiet: boolean;
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
        sheet: { type: 'string' },
        dataset: { type: 'string' },
        rows: { type: 'string' },
        ...Object.fromEntries(OPTION_FLAGS.map(({ flag }) => [flag, { type: 'string' as const }])),
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
  const format = values['format'];
  if (typeof format !== 'string' || !isOutputFormat(format)) {
    throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, got "${String(format)}"`);
  }
  const given: Partial<OptionValues> = {};
  const flags: Record<string, unknown> = values;
  for (const option of OPTION_FLAGS) {
    const text = flags[option.flag];
    if (typeof text === 'string') Object.assign(given, { [option.name]: flagValue(option, text) });
  }
  const { workers, ...search } = given;
  // A budget given without a time limit is the stopping rule the user asked for: no default time limit.
  if (search.timeLimitSeconds === undefined && (search.iterations !== undefined || search.maxEvaluations !== undefined)) {
    search.timeLimitSeconds = Number.POSITIVE_INFINITY;
  }
  const target = values['target'];
  const features = typeof values['features'] === 'string' ? splitList(values['features']) : undefined;
  return {
    file: positionals[0]!,
    ...(typeof target === 'string' ? { target } : {}),
    ...(features ? { features } : {}),
    data: dataFlags(values),
    search,
    ...(workers !== undefined ? { workers } : {}),
    format,
    quiet: values['quiet'] === true,
  };
}

/** `--sheet`, `--dataset` and `--rows`: which table of the file, and which of its rows. */
function dataFlags(values: Record<string, unknown>): DiscoverArgs['data'] {
  const data: DiscoverArgs['data'] = {};
  for (const key of ['sheet', 'dataset'] as const) {
    const v = values[key];
    if (typeof v !== 'string') continue;
    if (v.trim() === '') throw new UsageError(`--${key} needs a name`);
    data[key] = v;
  }
  const rows = values['rows'];
  if (typeof rows === 'string') {
    try {
      data.rows = parseRowRange(rows);
    } catch (e) {
      throw new UsageError(`--rows: ${e instanceof DataError ? e.detail : String(e)}`);
    }
  }
  return data;
}
