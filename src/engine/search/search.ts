import type { SearchOptions } from '../options';
import type { SearchData } from '../problem/searchData';
import { IslandGroup } from './islands';
import { SearchPipeline, type SearchResult } from './pipeline';
import { prepareSearch } from './prepare';
import { polishFront } from './polish';
import type { SearchProgress } from './progress';
import { structureSeeds } from './structureSeeds';

export interface SearchHooks {
  /** Polled between evolution cycles; true ends the search with what was found. */
  shouldStop?: () => boolean;
  onProgress?: (progress: SearchProgress) => void;
  /** Minimum time between progress reports. */
  progressIntervalMs?: number;
}

/**
 * Runs a whole search on the calling thread: the stages of `SearchPipeline`, with every island evolved and
 * the whole hall of fame polished here. Reported formulas are in the user's units.
 */
export function runSearch(data: SearchData, options: Partial<SearchOptions>, hooks: SearchHooks = {}): SearchResult {
  const search = prepareSearch(data, options);
  const pipeline = new SearchPipeline(search, { cancelled: hooks.shouldStop, progressIntervalMs: hooks.progressIntervalMs });
  const group = new IslandGroup(search.data, search.options, search.options.populations, search.options.seed);
  group.seed(structureSeeds(search.data, search.options));
  const { onProgress } = hooks;
  const shouldStop = (): boolean => {
    if (pipeline.checkStop(group)) return true;
    if (onProgress) {
      const progress = pipeline.progressIfDue(group);
      if (progress) onProgress(progress);
    }
    return false;
  };

  while (!pipeline.stoppedBy) {
    group.iterate(shouldStop);
    shouldStop();
  }
  const plan = pipeline.polishPlan(group, 1);
  const polished = plan ? polishFront(plan.shares[0]!, group.scorer, search.options, search.floor, plan.pastDeadline) : [];
  return pipeline.result(group, polished);
}
