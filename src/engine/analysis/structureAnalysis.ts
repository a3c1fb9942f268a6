import { size, type Expr } from '../expressions/expression';
import type { SearchData } from '../problem/searchData';
import { formKey } from './formKey';
import { powerLawCandidates } from './powerLaw';
import { sparseRegressionCandidates } from './sparseRegression';
import type { AnalysisSettings, CandidateSource, LossSpec, OperatorVocabulary, StructureCandidate } from './types';

export interface StructureAnalysisOptions extends LossSpec {
  /** Milliseconds the analyses may take together, counted from the call. */
  readonly timeBudgetMs: number;
  /** Largest complexity of a candidate: the search's `maxSize` (default: no limit). */
  readonly maxSize?: number;
  /** Milliseconds; `performance.now` by default. */
  readonly clock?: () => number;
}

/**
 * Share of the budget the power-law fit may use before the sparse regression starts. It usually needs a few
 * milliseconds; the cap keeps a pathological case from starving the other analysis.
 */
const POWER_LAW_SHARE = 0.5;

/**
 * Formulas read off the structure of the data before any evolution: a power law `c * prod x_j^p_j` with
 * exponents snapped to simple fractions, and sparse sums of library terms (`x_i`, `x_i*x_j`, `1/x_i`,
 * `sqrt(x_i)`, `exp(-x_i)`, ...) for 1, 2, ... terms. Every candidate uses only the vocabulary's operators,
 * has its constants fitted, and carries its loss on `data` in the search's loss, so it can join populations
 * and the hall of fame as it is and compete on the same front.
 *
 * Meant for the search's prepare stage, on the data the search runs on (after any unit scaling), to seed
 * its populations and hall of fame. Runs the analyses one after the other within `timeBudgetMs`: each polls
 * the deadline between steps and, once it has passed, only turns what it has finished into trees (a few
 * passes over the rows), so the budget is overrun by at most one step and that. Never throws on odd data (it
 * returns fewer candidates). Returns one candidate per form (the lower loss when two analyses find the same
 * form), ordered by complexity, then loss.
 */
export function analyseStructure(
  data: SearchData,
  vocabulary: OperatorVocabulary,
  options: StructureAnalysisOptions,
): StructureCandidate[] {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const deadlineAt = (fraction: number): (() => boolean) => {
    const end = started + fraction * Math.max(0, options.timeBudgetMs);
    return () => clock() >= end;
  };
  const settings = (isPastDeadline: () => boolean): AnalysisSettings => ({
    loss: options.loss,
    huberDelta: options.huberDelta,
    maxSize: options.maxSize ?? Number.POSITIVE_INFINITY,
    isPastDeadline,
  });

  const found: StructureCandidate[] = [];
  const add = (source: CandidateSource, candidates: readonly { expr: Expr; loss: number }[]): void => {
    for (const { expr, loss } of candidates) found.push({ expr, loss, complexity: size(expr), source });
  };
  add('power-law', powerLawCandidates(data, vocabulary, settings(deadlineAt(POWER_LAW_SHARE))));
  add('sparse-regression', sparseRegressionCandidates(data, vocabulary, settings(deadlineAt(1))));
  return distinctForms(found).sort((a, b) => a.complexity - b.complexity || a.loss - b.loss);
}

/** One candidate per form (constants aside): the one of lower loss, the earlier on a tie. */
function distinctForms(candidates: readonly StructureCandidate[]): StructureCandidate[] {
  const byForm = new Map<string, StructureCandidate>();
  for (const c of candidates) {
    const key = formKey(c.expr);
    const kept = byForm.get(key);
    if (!kept || c.loss < kept.loss) byForm.set(key, c);
  }
  return [...byForm.values()];
}
