import type { Dataset } from '../../data';
import { ParallelSearch, type RunProgress, type RunResult } from '../../parallel/parallelSearch';
import type { SearchSettings } from '../settings';

/** The part of a running search a run's lifecycle uses (what `ParallelSearch` offers). */
export interface SearchHandle {
  readonly result: Promise<RunResult>;
  onProgress(listener: (progress: RunProgress) => void): unknown;
  cancel(): void;
}

/** Starts a search on a dataset; throws when it cannot start (bad options or data). */
export type StartSearch = (dataset: Dataset, settings: SearchSettings) => SearchHandle;

/** Searches in worker threads running `workerScript` (the bundled `dist/worker.js`). */
export function parallelSearchStarter(workerScript: string): StartSearch {
  return (dataset, settings) =>
    ParallelSearch.start({ X: dataset.X, y: dataset.y }, settings.options, {
      workerScript,
      ...(settings.workers !== undefined ? { workers: settings.workers } : {}),
    });
}
