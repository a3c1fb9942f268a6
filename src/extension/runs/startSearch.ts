import type { Dataset } from '../../data';
import type { PlottedFormula } from '../../engine/front/plottedFormula';
import type { ScoredEntry } from '../../engine/search/pareto';
import { FrontPresenter } from '../../parallel/frontPresenter';
import { ParallelSearch, type RunProgress, type RunResult } from '../../parallel/parallelSearch';
import type { SearchSettings } from '../settings';
import { PresentedSearch } from './presentedSearch';
import type { PlotSample } from './runView';

/** A report of the search whose front is presented: records with text, LaTeX and predictions on the plotted rows. */
export type Presented<T extends { front: ScoredEntry[] }> = Omit<T, 'front'> & { front: PlottedFormula[] };

/** How a search ended, its front presented. */
export type PresentedResult = Presented<RunResult> & {
  /** Set when the presenter thread failed and the fronts were presented on the calling thread, saying why. */
  presenterFailure?: string;
};

/** The part of a running search a run's lifecycle uses: its reports come with their fronts presented. */
export interface SearchHandle {
  readonly result: Promise<PresentedResult>;
  onProgress(listener: (progress: Presented<RunProgress>) => void): unknown;
  cancel(): void;
}

/** Starts a search on a dataset, presenting its fronts on `sample`; throws when it cannot start (bad options or data). */
export type StartSearch = (dataset: Dataset, settings: SearchSettings, sample: PlotSample) => SearchHandle;

/** The bundled thread entries: the search workers' (`dist/worker.js`) and the presenter's (`dist/presenter.js`). */
export interface ThreadScripts {
  worker: string;
  presenter: string;
}

/** Searches in worker threads, and presents their fronts in a thread of their own. */
export function parallelSearchStarter(scripts: ThreadScripts): StartSearch {
  return (dataset, settings, sample) => {
    const search = ParallelSearch.start({ X: dataset.X, y: dataset.y }, settings.options, {
      workerScript: scripts.worker,
      ...(settings.workers !== undefined ? { workers: settings.workers } : {}),
    });
    try {
      const presenter = new FrontPresenter(scripts.presenter, {
        names: [...dataset.featureNames],
        columns: sample.columns,
        rows: sample.target.length,
      });
      return new PresentedSearch(search, presenter);
    } catch (error) {
      search.cancel();
      throw error;
    }
  };
}
