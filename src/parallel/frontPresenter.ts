import { plotFront, type PlottedFormula } from '../engine/front/plottedFormula';
import type { ScoredEntry } from '../engine/search/pareto';
import type { PresenterInit, PresenterRequest } from './presenterProtocol';
import { presenterReplyChecks, type PresenterReplyChecks } from './presenterProtocolChecks';
import { WorkerThread } from './workerThread';

/** What presents a run's fronts: a `FrontPresenter`, or a stand-in in tests. */
export interface Presenter {
  present(front: readonly ScoredEntry[]): Promise<PlottedFormula[]>;
  /** Set when the fronts could not be presented as intended, saying why. */
  readonly failure?: string | undefined;
  /** Ends the presenter; fronts are no longer presented. */
  terminate(): Promise<void>;
}

/**
 * Presents the fronts of one run in a thread of its own (`dist/presenter.js`), given the run's plotted rows
 * once: formatting and evaluating every formula of every progress report would otherwise take the calling
 * thread (the extension host's) several times a second. A thread of its own rather than a search worker's:
 * it is there from the first report to the end of the run, whichever search workers fail, and it never waits
 * behind a slice of evolution.
 *
 * Should the thread fail (it cannot start, dies, or replies malformed), the fronts from then on are presented
 * on the calling thread, so that a run still ends with its formulas shown; `failure` says why.
 */
export class FrontPresenter implements Presenter {
  private readonly thread: WorkerThread<PresenterRequest>;
  private readonly checks: PresenterReplyChecks;
  private readonly ready: Promise<void>;
  private failed: string | undefined;
  private terminated = false;

  constructor(
    script: string,
    private readonly plotted: PresenterInit,
  ) {
    this.thread = new WorkerThread(script, 'presenter');
    this.checks = presenterReplyChecks(plotted);
    this.ready = this.thread.call({ type: 'init', ...plotted }, this.checks.init, 'init reply');
    this.ready.catch(() => undefined);
  }

  /** Why the fronts are presented on the calling thread; undefined while the thread presents them. */
  get failure(): string | undefined {
    return this.failed;
  }

  /** The front's records with their predictions; rejects once the presenter is terminated. */
  async present(front: readonly ScoredEntry[]): Promise<PlottedFormula[]> {
    if (this.terminated) throw new Error('the presenter has ended');
    if (this.failed === undefined) {
      try {
        await this.ready;
        return await this.thread.call({ type: 'present', front: [...front] }, this.checks.present, 'present reply');
      } catch (error) {
        if (this.terminated) throw new Error('the presenter has ended');
        this.failed ??= `the presenter thread failed (${error instanceof Error ? error.message : String(error)})`;
        void this.thread.terminate();
      }
    }
    return plotFront(front, this.plotted.names, this.plotted.columns, this.plotted.rows);
  }

  terminate(): Promise<void> {
    this.terminated = true;
    return this.thread.terminate();
  }
}
