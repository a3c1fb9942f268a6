import { OPTION_SCHEMA, type OptionName, type OptionValues, type SearchOptions } from './schema';
import type { OptionSpec } from './optionKinds';
import type { WorkerCount } from './workers';

/** The options a run's summary shows and its record keeps, in the order shown. */
export const RUN_SUMMARY = ['operators', 'maxSize', 'timeLimitSeconds', 'workers', 'loss'] as const satisfies readonly OptionName[];

type SummaryName = (typeof RUN_SUMMARY)[number];

/** A name read back from a saved run may be one this version does not know: it stays a string. */
type Stored<V> = [V] extends [string] ? string : V;

/** The options a run used, as its record keeps them. */
export type RunOptions = { [K in SummaryName]: Stored<OptionValues[K]> };

/** The summary's options with their declarations, for labelling them. */
export function runSummaryOptions(): { name: SummaryName; spec: OptionSpec }[] {
  return RUN_SUMMARY.map((name) => ({ name, spec: OPTION_SCHEMA[name] }));
}

/** What a run records of its options: those given, and the defaults of the others. */
export function runOptions(options: Partial<SearchOptions>, workers: WorkerCount): RunOptions {
  const given: Partial<Record<OptionName, unknown>> = { ...options, workers };
  return Object.fromEntries(RUN_SUMMARY.map((name) => [name, given[name] ?? OPTION_SCHEMA[name].default])) as RunOptions;
}
