import { optionProblem } from './check';
import { DEFAULT_MUTATION_WEIGHTS } from './mutationWeights';
import { DEFAULT_OPTIONS, SEARCH_OPTION_SPECS, type SearchOptions } from './schema';

export class OptionsError extends Error {
  override readonly name = 'OptionsError';
  constructor(
    /** The option that is wrong. */
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}

/** The options with defaults filled in (undefined counts as not given), every value checked; throws `OptionsError`. */
export function validateOptions(options: Partial<SearchOptions>): SearchOptions {
  const merged: SearchOptions = {
    ...DEFAULT_OPTIONS,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    mutationWeights: { ...DEFAULT_MUTATION_WEIGHTS, ...options.mutationWeights },
  };
  for (const [name, spec] of Object.entries(SEARCH_OPTION_SPECS)) {
    const problem = optionProblem(spec, merged[name as keyof SearchOptions]);
    if (problem !== undefined) throw new OptionsError(name, `${name} ${problem}`);
  }
  return merged;
}
