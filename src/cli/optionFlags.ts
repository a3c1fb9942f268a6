import { optionProblem } from '../engine/options/check';
import { optionFromText } from '../engine/options/fromText';
import type { OptionSpec } from '../engine/options/optionKinds';
import { ALGORITHM_OPTIONS, RUN_BUDGET, type OptionName } from '../engine/options/schema';
import { UsageError } from './errors';

/** An option of the schema that `eqd discover` takes as a flag. */
export interface OptionFlag {
  name: OptionName;
  spec: OptionSpec;
  /** Without the leading `--`. */
  flag: string;
}

function flagsOf(options: Readonly<Record<string, OptionSpec>>): OptionFlag[] {
  return Object.entries(options).flatMap(([name, spec]) => (spec.cli ? [{ name: name as OptionName, spec, flag: spec.cli.flag }] : []));
}

/** The flags of the algorithm's options, and those of the run's budget. */
export const ALGORITHM_FLAGS = flagsOf(ALGORITHM_OPTIONS);
export const BUDGET_FLAGS = flagsOf(RUN_BUDGET);
export const OPTION_FLAGS = [...ALGORITHM_FLAGS, ...BUDGET_FLAGS];

/** The flag's value, checked as the option's; throws `UsageError` saying what is wrong. */
export function flagValue({ spec, flag }: OptionFlag, text: string): unknown {
  const value = optionFromText(spec, text);
  const problem = optionProblem(spec, value, JSON.stringify(text));
  if (problem !== undefined) throw new UsageError(`--${flag} ${problem}`);
  return value;
}
