import { runSearch, type SearchResult } from '../../src/engine/search';
import type { SearchOptions } from '../../src/engine/options';
import type { SearchData } from '../../src/engine/searchData';

/** Runs one search the way the product does. */
export async function discover(data: SearchData, options: Partial<SearchOptions>, workers: number): Promise<SearchResult> {
  if (workers !== 1) throw new Error('parallel search is not available in this build; use --workers 1');
  return runSearch(data, options);
}
