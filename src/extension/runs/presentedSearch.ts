import type { Presenter } from '../../parallel/frontPresenter';
import type { RunProgress, RunResult } from '../../parallel/parallelSearch';
import type { Presented, PresentedResult, SearchHandle } from './startSearch';

/** The search whose reports are presented: what `ParallelSearch` offers. */
export interface ReportingSearch {
  readonly result: Promise<RunResult>;
  onProgress(listener: (progress: RunProgress) => void): unknown;
  cancel(): void;
}

/**
 * A search whose reports reach listeners with their fronts presented by `presenter`. Reports come faster than
 * they may be presented: while one is being presented, only the latest that came meanwhile waits, and the
 * others are passed over. The result is presented once the search ends, after every report before it, and
 * then the presenter is ended.
 */
export class PresentedSearch implements SearchHandle {
  readonly result: Promise<PresentedResult>;
  private readonly listeners = new Set<(progress: Presented<RunProgress>) => void>();
  private waiting: RunProgress | undefined;
  private presenting = false;
  private searchEnded = false;
  private ended = false;

  constructor(
    private readonly search: ReportingSearch,
    private readonly presenter: Presenter,
  ) {
    search.onProgress((progress) => this.take(progress));
    this.result = this.presentResult();
  }

  onProgress(listener: (progress: Presented<RunProgress>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  cancel(): void {
    this.search.cancel();
  }

  private take(progress: RunProgress): void {
    if (this.searchEnded) return;
    this.waiting = progress;
    if (!this.presenting) void this.presentWaiting();
  }

  private async presentWaiting(): Promise<void> {
    this.presenting = true;
    try {
      for (let progress = this.waiting; progress && !this.ended; progress = this.waiting) {
        this.waiting = undefined;
        // A report that cannot be presented is passed over: the next one, or the result, brings a front again.
        const front = await this.presenter.present(progress.front).catch(() => undefined);
        if (this.ended) return;
        if (front) this.emit({ ...progress, front });
      }
    } finally {
      this.presenting = false;
    }
  }

  private emit(progress: Presented<RunProgress>): void {
    for (const listener of this.listeners) {
      try {
        listener(progress);
      } catch (error) {
        console.error('progress listener failed', error);
      }
    }
  }

  private async presentResult(): Promise<PresentedResult> {
    try {
      const result = await this.search.result;
      this.searchEnded = true;
      this.waiting = undefined;
      const front = await this.presenter.present(result.front);
      const { failure } = this.presenter;
      return { ...result, front, ...(failure ? { presenterFailure: failure } : {}) };
    } finally {
      this.ended = true;
      await this.presenter.terminate();
    }
  }
}
