import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { formulaOf } from '../engine/search/formula';
import type { FameEntry } from '../engine/search/hallOfFame';
import { workerThreads, type SearchOptions, type WorkerCount } from '../engine/options';
import { SearchPipeline, type SearchResult } from '../engine/search/pipeline';
import { prepareSearch, type PreparedSearch } from '../engine/search/prepare';
import type { SearchProgress } from '../engine/search/progress';
import type { StopReason } from '../engine/search/stopRule';
import type { SearchData } from '../engine/problem/searchData';
import { MergedEvolution } from './mergedEvolution';
import type { SliceReport } from './workerProtocol';
import { WorkerHandle } from './workerHandle';

export interface ParallelOptions {
  /** Worker threads, at most one per available core; default `auto`: one per core minus one, at least one. */
  workers?: WorkerCount;
  /** Path of the bundled worker entry (`dist/worker.js`); default: next to the calling bundle. */
  workerScript?: string;
  /** How long workers evolve between migrations through the coordinator. */
  sliceMs?: number;
  /** Minimum time between progress events. */
  progressIntervalMs?: number;
}

export interface RunProgress extends SearchProgress {
  workers: number;
}

export interface RunResult extends SearchResult {
  workers: number;
  /** Workers that threw or died during the run, with their errors. */
  workerErrors: string[];
  /** Set when the run could not go on (every worker failed); `front` still holds what was found. */
  failure?: string;
}

/**
 * A search spread over worker threads: the stages of `SearchPipeline`, with evolution and polishing on the
 * workers. Each worker evolves its share of the islands in short slices; between slices the coordinator
 * merges its hall of fame into the global one and hands it the others' best formulas. Stopping (time,
 * budget, cancel) raises a shared flag that every worker polls between cycles. The time limit includes
 * polishing the hall of fame, shared out between the surviving workers at the end: evolution stops early
 * enough to leave time for it.
 *
 * The workers search the data as the prepare stage scaled it; formulas are rewritten into the user's units
 * where they leave the coordinator (progress and result).
 */
export class ParallelSearch {
  readonly result: Promise<RunResult>;
  private readonly listeners = new Set<(progress: RunProgress) => void>();
  private readonly handles: WorkerHandle[] = [];
  private readonly stopFlag = new Int32Array(new SharedArrayBuffer(4));
  private readonly pipeline: SearchPipeline;
  private readonly evolution: MergedEvolution;
  private readonly workerErrors: string[] = [];
  /** Workers that threw or died; they take no further part. */
  private readonly failed = new Set<number>();
  private timer: NodeJS.Timeout | undefined;

  /** Starts a search; throws `OptionsError` or `DataShapeError` at once on bad input. */
  static start(data: SearchData, options: Partial<SearchOptions>, parallel: ParallelOptions = {}): ParallelSearch {
    return new ParallelSearch(prepareSearch(data, options), parallel);
  }

  private constructor(
    private readonly search: PreparedSearch,
    private readonly parallel: ParallelOptions,
  ) {
    this.pipeline = new SearchPipeline(search, { progressIntervalMs: parallel.progressIntervalMs });
    this.evolution = new MergedEvolution(search.options.maxSize, this.handles);
    this.result = this.run();
  }

  /** Subscribes to progress; returns the unsubscribe function. */
  onProgress(listener: (progress: RunProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ends the search as soon as the workers notice; `result` then holds the front found so far. */
  cancel(): void {
    this.requestStop('cancelled');
  }

  private requestStop(reason: StopReason): void {
    this.pipeline.stop(reason);
    Atomics.store(this.stopFlag, 0, 1);
  }

  private liveHandles(): WorkerHandle[] {
    return this.handles.filter((h) => h.alive && !this.failed.has(h.id));
  }

  /**
   * (Re)schedules the end of evolution, which moves as the reserve for polishing is re-estimated. Timers
   * cannot wait longer than 2^31 - 1 ms; longer limits are left to the checks after each slice.
   */
  private scheduleSearchEnd(): void {
    clearTimeout(this.timer);
    const leftMs = 1000 * this.pipeline.searchSecondsLeft(this.evolution);
    if (leftMs <= 0x7fffffff) this.timer = setTimeout(() => this.requestStop('time'), Math.max(0, leftMs));
  }

  private emitProgress(): void {
    if (this.listeners.size === 0) return;
    const progress = this.pipeline.progressIfDue(this.evolution);
    if (!progress) return;
    const snapshot = { ...progress, workers: this.liveHandles().length };
    for (const listener of this.listeners) {
      try {
        listener(snapshot);
      } catch (error) {
        console.error('progress listener failed', error);
      }
    }
  }

  private async run(): Promise<RunResult> {
    const { parallel } = this;
    const { data, options } = this.search;
    const count = Math.min(workerThreads(parallel.workers ?? 'auto', availableParallelism()), options.populations);
    const script = parallel.workerScript ?? join(__dirname, 'worker.js');
    this.scheduleSearchEnd();
    try {
      for (let i = 0; i < count; i++) this.handles.push(new WorkerHandle(script, i));
      await Promise.all(
        this.handles.map((h, i) => {
          const islands = Math.floor(options.populations / count) + (i < options.populations % count ? 1 : 0);
          return h
            .request({
              type: 'init',
              X: [...data.X],
              y: data.y,
              ...(data.weights ? { weights: data.weights } : {}),
              options,
              islands,
              seed: options.seed * 1009 + i,
              stopFlag: this.stopFlag.buffer as SharedArrayBuffer,
              structureAnalysis: i === 0,
            })
            .catch((error: unknown) => this.workerFailed(h, error));
        }),
      );
      await Promise.all(this.liveHandles().map((h) => this.workerLoop(h)));
      return await this.finish();
    } finally {
      clearTimeout(this.timer);
      await Promise.all(this.handles.map((h) => h.terminate().catch(() => undefined)));
    }
  }

  private workerFailed(handle: WorkerHandle, error: unknown): void {
    if (this.failed.has(handle.id)) return;
    this.failed.add(handle.id);
    const message = error instanceof Error ? error.message : String(error);
    this.workerErrors.push(`worker ${handle.id}: ${message}`);
    void handle.terminate().catch(() => undefined);
    if (this.liveHandles().length === 0) this.requestStop('error');
  }

  /** The evolve stage on one worker: slices until the pipeline stops evolution or the worker fails. */
  private async workerLoop(handle: WorkerHandle): Promise<void> {
    const sliceMs = this.parallel.sliceMs ?? 300;
    while (this.pipeline.stoppedBy === null && !this.failed.has(handle.id)) {
      let report: SliceReport;
      try {
        report = await handle.request({
          type: 'runSlice',
          budgetMs: sliceMs,
          migrants: this.evolution.migrantsFor(handle.id),
          fame: this.evolution.hallOfFame.front(this.search.floor).map(formulaOf),
        });
      } catch (error) {
        this.workerFailed(handle, error);
        return;
      }
      this.evolution.record(handle.id, report);
      const reason = this.pipeline.checkStop(this.evolution);
      if (reason) this.requestStop(reason);
      else this.scheduleSearchEnd();
      this.emitProgress();
    }
  }

  /** The polish stage, shared out between the surviving workers, then the report stage. */
  private async finish(): Promise<RunResult> {
    const survivors = this.liveHandles();
    const plan = this.pipeline.polishPlan(this.evolution, survivors.length);
    const polished: FameEntry[][] = plan
      ? await Promise.all(
          survivors.map((handle, i) =>
            handle
              .request({ type: 'polish', entries: plan.shares[i]!.map(formulaOf), floor: this.search.floor, budgetMs: plan.budgetMs })
              .catch((error: unknown) => {
                this.workerFailed(handle, error);
                return [];
              }),
          ),
        )
      : [];
    const failure =
      survivors.length === 0
        ? `every search worker failed (${this.workerErrors.join('; ') || 'no worker started'})`
        : undefined;
    return {
      ...this.pipeline.result(this.evolution, polished.flat()),
      workers: this.handles.length,
      workerErrors: [...this.workerErrors],
      ...(failure ? { failure } : {}),
    };
  }
}
