import { join } from 'node:path';
import type { SearchOptions } from '../../src/engine/options';
import type { SearchData } from '../../src/engine/problem/searchData';
import { ParallelSearch, type RunProgress, type RunResult } from '../../src/parallel/parallelSearch';

export const WORKER_SCRIPT = join(__dirname, '..', '..', 'dist', 'worker.js');

/** Runs one search the way the product does: in worker threads. */
export function discover(
  data: SearchData,
  options: Partial<SearchOptions>,
  workers: number,
  onProgress?: (progress: RunProgress) => void,
): Promise<RunResult> {
  const run = ParallelSearch.start(data, options, { workers, workerScript: WORKER_SCRIPT });
  if (onProgress) run.onProgress(onProgress);
  return run.result;
}
