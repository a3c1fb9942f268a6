import { analyseStructure } from '../analysis';
import { depth } from '../expressions/expression';
import type { ResolvedOptions } from '../options';
import type { SearchData } from '../problem/searchData';
import type { Formula } from './formula';

/** Most of a time limit the structure analyses may take before evolution starts. */
export const MAX_ANALYSIS_SHARE = 0.05;

/** Most milliseconds the analyses may take, whatever the limit: they usually need a few tens. */
export const MAX_ANALYSIS_MS = 1000;

/**
 * Least milliseconds given to the analyses of a search bounded by evaluations or iterations. Such budgets
 * are often tiny (tests, quick looks), where 5 % of their estimated time would cut the analyses short; a
 * cut depends on the machine's speed, and a search on one thread is meant to repeat for its seed.
 */
const MIN_ANALYSIS_MS_OF_COUNTED_BUDGETS = 200;

/**
 * Milliseconds one whole-data evaluation takes per row, roughly (a candidate of 10-30 nodes on 1,000 rows
 * takes about 16 microseconds, `npm run bench:speed`): it turns budgets counted in evaluations into time.
 */
const MS_PER_EVALUATION_ROW = 2e-5;

/** Evaluations one iteration of every island costs: the children of its cycles, then its optimised members. */
function evaluationsPerIteration(options: ResolvedOptions): number {
  const children = options.cyclesPerIteration * Math.ceil(options.populationSize / options.tournamentSize);
  const optimised = options.populationSize * (1 + options.optimizerProbability * options.optimizerIterations);
  return options.populations * (children + optimised);
}

/**
 * Milliseconds the structure analyses may take: at most `MAX_ANALYSIS_SHARE` of the time limit and
 * `MAX_ANALYSIS_MS`, and, when evaluations or iterations bound the search, that share of the time they are
 * expected to take (at least `MIN_ANALYSIS_MS_OF_COUNTED_BUDGETS`).
 */
export function analysisBudgetMs(options: ResolvedOptions, rows: number): number {
  let budget = Math.min(MAX_ANALYSIS_MS, MAX_ANALYSIS_SHARE * 1000 * options.timeLimitSeconds);
  const evaluations = Math.min(options.maxEvaluations, options.iterations * evaluationsPerIteration(options));
  if (Number.isFinite(evaluations)) {
    const expectedMs = evaluations * rows * MS_PER_EVALUATION_ROW;
    budget = Math.min(budget, Math.max(MIN_ANALYSIS_MS_OF_COUNTED_BUDGETS, MAX_ANALYSIS_SHARE * expectedMs));
  }
  return budget;
}

/**
 * Formulas read off the structure of the search data before evolution (see `analyseStructure`): power laws
 * and sparse sums of library terms, with their constants fitted and their losses on all rows. They enter the
 * populations and the hall of fame (`IslandGroup.seed`) and compete there like any candidate.
 */
export function structureSeeds(data: SearchData, options: ResolvedOptions, clock?: () => number): Formula[] {
  const candidates = analyseStructure(data, options, {
    loss: options.loss,
    huberDelta: options.huberDelta,
    maxSize: options.maxSize,
    timeBudgetMs: analysisBudgetMs(options, data.y.length),
    ...(clock ? { clock } : {}),
  });
  return candidates.filter((c) => depth(c.expr) <= options.maxDepth).map(({ expr, loss }) => ({ expr, loss }));
}
