import { randomUUID } from 'node:crypto';
import { Disposable } from '../disposable';
import { Emitter } from '../emitter';
import { errorText } from '../literal';
import type { Logger } from '../log';
import { LiveRun, type RunRequest, type SearchOutcome } from './liveRun';
import { relatedResearch } from './related';
import type { RunRecord } from './runRecord';
import type { RunStore } from './runStore';
import { plotSample } from './runView';
import type { SearchHandle, StartSearch } from './startSearch';

/** What the lifecycle needs of the run store. */
export type RunSaver = Pick<RunStore, 'save' | 'load' | 'idle'>;

export interface SaveFailure {
  record: RunRecord;
  error: string;
}

interface ActiveRun {
  live: LiveRun;
  search: SearchHandle;
  /** Settles once the run has ended and its save is over, however either went. */
  done: Promise<void>;
}

/**
 * The lifecycle of runs: starts searches, takes in their progress, completes each run however its search ends
 * (finished, cancelled or failed, keeping the formulas found), saves it, and tells listeners at each step. It
 * shows nothing itself: notifications, views and messages listen to its events.
 *
 * A run is running from `onDidStart` until `onDidEnd`; by then its record is final and its save has settled,
 * which `onDidSave` or `onDidFailToSave` told just before.
 */
export class RunLifecycle extends Disposable {
  private readonly active = new Map<string, ActiveRun>();
  /** Runs that ended in this window, kept even if saving them failed. */
  private readonly ended = new Map<string, RunRecord>();

  private readonly started = this.emitter<RunRecord>();
  private readonly progressed = this.emitter<RunRecord>();
  private readonly saved = this.emitter<RunRecord>();
  private readonly saveFailed = this.emitter<SaveFailure>();
  private readonly finished = this.emitter<RunRecord>();
  private readonly described = this.emitter<RunRecord>();
  private readonly renamed = this.emitter<RunRecord>();

  /** A run started; its record is running and has no formula yet. */
  readonly onDidStart = this.started.event;
  /** A running run's front and statistics changed. Several times a second. */
  readonly onDidProgress = this.progressed.event;
  /** A run was saved: at its end, or after its description changed. */
  readonly onDidSave = this.saved.event;
  /** A run could not be saved; it stays available in this window. */
  readonly onDidFailToSave = this.saveFailed.event;
  /** A run ended: finished, cancelled or failed, its record final and its save settled. */
  readonly onDidEnd = this.finished.event;
  /** A run's description, and so its related research, changed. */
  readonly onDidDescribe = this.described.event;
  /** A run was given a new title. */
  readonly onDidRename = this.renamed.event;

  constructor(
    private readonly store: RunSaver,
    private readonly startSearch: StartSearch,
    private readonly log: Logger,
  ) {
    super();
  }

  private emitter<T>(): Emitter<T> {
    const emitter = new Emitter<T>((error) => this.log.error(`a listener of the runs failed: ${errorText(error)}`));
    this.register(emitter);
    return emitter;
  }

  /** The running runs, in the order they started. */
  get running(): RunRecord[] {
    return [...this.active.values()].map((a) => a.live.record);
  }

  isRunning(id: string): boolean {
    return this.active.has(id);
  }

  /** The run with this id: a running one, one that ended in this window, else a saved one. */
  async get(id: string): Promise<RunRecord | undefined> {
    return this.active.get(id)?.live.record ?? this.ended.get(id) ?? (await this.store.load(id));
  }

  /** Drops a run this window remembers (after its saved copy was deleted). */
  forget(id: string): void {
    this.ended.delete(id);
  }

  /** Asks the search of a run, or of every run without an id, to stop; each run then ends as cancelled. */
  stop(id?: string): void {
    for (const [runId, run] of this.active) if (id === undefined || id === runId) run.search.cancel();
  }

  /**
   * Starts a search and returns its record at once; the record is updated in place as the search goes on.
   * Throws when the search cannot start (bad options or data), before anything is recorded.
   */
  start(request: RunRequest): RunRecord {
    const sample = plotSample(request.dataset);
    const search = this.startSearch(request.dataset, request.settings, sample);
    const live = new LiveRun(randomUUID(), new Date(), request, sample);
    const run: ActiveRun = { live, search, done: Promise.resolve() };
    this.active.set(live.record.id, run);
    search.onProgress((progress) => {
      try {
        live.showProgress(progress);
      } catch (error) {
        // The next report or the end of the run brings a front again.
        this.log.error(`could not take in the progress of ${live.record.title}: ${errorText(error)}`);
        return;
      }
      this.progressed.fire(live.record);
    });
    run.done = this.follow(run).catch((error: unknown) => this.log.error(`following ${live.record.title} failed: ${errorText(error)}`));
    this.started.fire(live.record);
    return live.record;
  }

  /** Completes and saves a run once its search ends. Never rejects. */
  private async follow(run: ActiveRun): Promise<void> {
    const { live } = run;
    const outcome: SearchOutcome = await run.search.result.then(
      (result) => ({ result }),
      (error: unknown) => ({ error: errorText(error) }),
    );
    try {
      if ('result' in outcome && outcome.result.presenterFailure) this.log.warn(`${live.record.title}: ${outcome.result.presenterFailure}`);
      live.complete(outcome);
    } catch (error) {
      this.log.error(`completing ${live.record.title} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      live.fail(`the run could not be completed (${errorText(error)})`);
    }
    await this.save(live.record);
    this.ended.set(live.record.id, live.record);
    this.active.delete(live.record.id);
    this.finished.fire(live.record);
  }

  private async save(record: RunRecord): Promise<void> {
    try {
      await this.store.save(record);
    } catch (error) {
      this.saveFailed.fire({ record, error: errorText(error) });
      return;
    }
    this.saved.fire(record);
  }

  /** Resolves with the run once it has ended (at once for a run that is not running); rejects when there is no such run. */
  async whenEnded(id: string): Promise<RunRecord> {
    let listener: { dispose(): void } | undefined;
    // Listening before looking, so that an end between the two is not missed.
    const ended = new Promise<void>((resolve) => {
      listener = this.onDidEnd((record) => {
        if (record.id === id) resolve();
      });
    });
    try {
      const record = await this.get(id);
      if (!record) throw new Error(`no run ${id}`);
      if (this.active.has(id)) await ended;
      return record;
    } finally {
      listener?.dispose();
    }
  }

  /**
   * Sets a run's description and recomputes its related research; a run that is not running is saved again
   * (a running one is saved when it ends). Resolves with undefined when there is no such run; rejects when
   * the save fails.
   */
  async describe(id: string, description: string): Promise<RunRecord | undefined> {
    const record = await this.get(id);
    if (!record) return undefined;
    if (description) record.description = description;
    else delete record.description;
    record.related = relatedResearch(record);
    if (!this.active.has(id)) {
      await this.store.save(record);
      this.saved.fire(record);
    }
    this.described.fire(record);
    return record;
  }

  /**
   * Gives a run a new title and saves it as `describe` does. Resolves with undefined when there is no such
   * run; rejects when the save fails.
   */
  async rename(id: string, title: string): Promise<RunRecord | undefined> {
    const record = await this.get(id);
    if (!record) return undefined;
    record.title = title;
    if (!this.active.has(id)) {
      await this.store.save(record);
      this.saved.fire(record);
    }
    this.renamed.fire(record);
    return record;
  }

  /**
   * Cancels every running search and waits until each run is completed and saved, and any other save is
   * written: closing the window loses nothing.
   */
  async shutdown(): Promise<void> {
    const runs = [...this.active.values()];
    for (const run of runs) run.search.cancel();
    await Promise.all(runs.map((run) => run.done));
    await this.store.idle();
  }
}
