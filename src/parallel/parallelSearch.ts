import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { chooseScaling, scaleData, scaleOptions, timesPowerOfTwo, type DataScaling } from '../engine/problem/dataScaling';
import { size } from '../engine/expressions/expression';
import { formulaOf, type Formula } from '../engine/search/formula';
import { HallOfFame, type FameEntry } from '../engine/search/hallOfFame';
import { resolveOptions, type ResolvedOptions, type SearchOptions } from '../engine/options';
import type { ScoredEntry } from '../engine/search/pareto';
import {
  fittedFormulaCount,
  lossFloor,
  polishingOrder,
  progressReport,
  StopRule,
  type SearchProgress,
  type SearchResult,
  type StopReason,
} from '../engine/search/search';
import { checkSearchData, type SearchData } from '../engine/problem/searchData';
import { polishReserveSeconds } from '../engine/search/timeBudget';
import { frontInUserUnits } from '../engine/problem/userUnits';
import type { SliceReport } from './workerProtocol';
import { WorkerHandle } from './workerHandle';

export interface ParallelOptions {
  /** Worker threads; default: one per available core minus one, at least one. */
  workers?: number;
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

export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** Most migrants sent to one worker per slice. */
const MAX_MIGRANTS = 64;

/**
 * A search spread over worker threads. Each worker evolves its share of the islands in short slices; between
 * slices the coordinator merges its hall of fame into the global one and hands it the others' best
 * formulas. Stopping (time, budget, cancel) raises a shared flag that every worker polls between cycles.
 * The time limit includes polishing the front on every surviving worker at the end: the search stops early
 * enough to leave time for it.
 *
 * Data beyond the safe range of doubles are scaled by powers of two before they reach the workers, which
 * search on the scaled data only; formulas are rewritten into the user's units where they leave the
 * coordinator (progress and result).
 */
export class ParallelSearch {
  readonly result: Promise<RunResult>;
  private readonly listeners = new Set<(progress: RunProgress) => void>();
  private readonly handles: WorkerHandle[] = [];
  private readonly stopFlag = new Int32Array(new SharedArrayBuffer(4));
  private readonly fame: HallOfFame;
  private readonly floor: number;
  private readonly options: ResolvedOptions;
  /** The data as the workers see it. */
  private readonly data: SearchData;
  private readonly scaling: DataScaling;
  private readonly rows: number;
  private readonly stopRule: StopRule;
  private readonly reports = new Map<number, SliceReport>();
  private readonly workerErrors: string[] = [];
  /** Workers that threw or died; they take no further part. */
  private readonly failed = new Set<number>();
  private stoppedBy: StopReason | null = null;
  private lastProgress = 0;
  private timer: NodeJS.Timeout | undefined;

  /** Starts a search; throws `OptionsError` or `DataShapeError` at once on bad input. */
  static start(data: SearchData, options: Partial<SearchOptions>, parallel: ParallelOptions = {}): ParallelSearch {
    checkSearchData(data);
    return new ParallelSearch(data, resolveOptions(options, data.y.length), parallel);
  }

  private constructor(
    data: SearchData,
    options: ResolvedOptions,
    private readonly parallel: ParallelOptions,
  ) {
    this.scaling = chooseScaling(data);
    this.data = scaleData(data, this.scaling);
    this.rows = data.y.length;
    this.options = scaleOptions(options, this.scaling);
    this.fame = new HallOfFame(options.maxSize);
    this.floor = lossFloor(this.data, this.options);
    this.stopRule = new StopRule(this.options);
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
    this.stoppedBy ??= reason;
    Atomics.store(this.stopFlag, 0, 1);
  }

  private get evaluations(): number {
    let total = 0;
    for (const r of this.reports.values()) total += r.evaluations;
    return total;
  }

  private get iterations(): number {
    let least = Number.POSITIVE_INFINITY;
    for (const h of this.handles) if (h.alive) least = Math.min(least, this.reports.get(h.id)?.iterations ?? 0);
    return Number.isFinite(least) ? least : 0;
  }

  private liveHandles(): WorkerHandle[] {
    return this.handles.filter((h) => h.alive && !this.failed.has(h.id));
  }

  private progress(front: ScoredEntry[]): RunProgress {
    return {
      ...progressReport(front, this.evaluations, this.stopRule.seconds, this.iterations, timesPowerOfTwo(1, this.scaling.target)),
      workers: this.liveHandles().length,
    };
  }

  /** The scored front of `entries` (found on the scaled data) in the user's units. */
  private userFront(entries: readonly FameEntry[]): ScoredEntry[] {
    const { binaryOperators, unaryOperators } = this.options;
    return frontInUserUnits(entries, this.scaling, { binaryOperators, unaryOperators }, this.floor, this.rows);
  }

  /** Seconds held back for polishing, estimated from the front's size and the speed of the workers so far. */
  private polishReserve(): number {
    const seconds = this.stopRule.seconds;
    const speed = seconds > 0 ? this.evaluations / seconds : 0;
    return polishReserveSeconds(this.options.timeLimitSeconds, fittedFormulaCount(this.fame.all()), speed);
  }

  /**
   * (Re)schedules the end of the search phase, which moves as the reserve for polishing is re-estimated.
   * Timers cannot wait longer than 2^31 - 1 ms; longer limits are left to the checks after each slice.
   */
  private scheduleSearchEnd(): void {
    clearTimeout(this.timer);
    const leftMs = 1000 * this.stopRule.budget.searchSecondsLeft(this.polishReserve());
    if (leftMs <= 0x7fffffff) this.timer = setTimeout(() => this.requestStop('time'), Math.max(0, leftMs));
  }

  private emitProgress(force = false): void {
    const now = performance.now();
    if (!force && now - this.lastProgress < (this.parallel.progressIntervalMs ?? 250)) return;
    if (this.listeners.size === 0) return;
    this.lastProgress = now;
    const snapshot = this.progress(this.userFront(this.fame.all()));
    for (const listener of this.listeners) {
      try {
        listener(snapshot);
      } catch (error) {
        console.error('progress listener failed', error);
      }
    }
  }

  private async run(): Promise<RunResult> {
    const { options, parallel } = this;
    const requested = parallel.workers ?? defaultWorkerCount();
    if (!Number.isInteger(requested) || requested < 1) {
      throw new RangeError(`workers must be a positive integer, got ${requested}`);
    }
    const count = Math.min(requested, options.populations);
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
              X: [...this.data.X],
              y: this.data.y,
              ...(this.data.weights ? { weights: this.data.weights } : {}),
              options,
              islands,
              seed: options.seed * 1009 + i,
              stopFlag: this.stopFlag.buffer as SharedArrayBuffer,
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

  private migrantsFor(handle: WorkerHandle): Formula[] {
    const pool: Formula[] = [];
    for (const [id, report] of this.reports) if (id !== handle.id) pool.push(...report.migrants);
    if (pool.length <= MAX_MIGRANTS) return pool;
    return pool.sort((a, b) => a.loss - b.loss).slice(0, MAX_MIGRANTS);
  }

  private async workerLoop(handle: WorkerHandle): Promise<void> {
    const sliceMs = this.parallel.sliceMs ?? 300;
    while (this.stoppedBy === null && !this.failed.has(handle.id)) {
      let report: SliceReport;
      try {
        report = await handle.request({
          type: 'runSlice',
          budgetMs: sliceMs,
          migrants: this.migrantsFor(handle),
          fame: this.fame.front(this.floor).map(formulaOf),
        });
      } catch (error) {
        this.workerFailed(handle, error);
        return;
      }
      this.reports.set(handle.id, report);
      for (const f of report.fame) this.fame.consider({ expr: f.expr, loss: f.loss, complexity: size(f.expr) });
      const reason = this.stopRule.check(this.evaluations, this.iterations, this.fame.bestLoss, this.polishReserve());
      if (reason) this.requestStop(reason);
      else this.scheduleSearchEnd();
      this.emitProgress();
    }
  }

  /**
   * Polishes the global hall of fame, shared out between the surviving workers, in the time left of the
   * limit; returns the front in the user's units.
   */
  private async finish(): Promise<RunResult> {
    const survivors = this.liveHandles();
    const entries = this.fame.all();
    const polished: FameEntry[][] = [];
    const budgetMs = 1000 * this.stopRule.budget.polishSecondsLeft();
    // A cancel must end at once: the front is then reported as the workers last sent it.
    if (survivors.length > 0 && this.stoppedBy !== 'cancelled' && budgetMs > 0) {
      const shares = shareOut(polishingOrder(entries, this.options.maxSize, this.floor), survivors.length);
      polished.push(
        ...(await Promise.all(
          survivors.map((handle, i) =>
            handle
              .request({ type: 'polish', entries: shares[i]!.map(formulaOf), floor: this.floor, budgetMs })
              .catch((error: unknown) => {
                this.workerFailed(handle, error);
                return [];
              }),
          ),
        )),
      );
    }
    const front = this.userFront([...entries, ...polished.flat()]);
    const failure =
      survivors.length === 0
        ? `every search worker failed (${this.workerErrors.join('; ') || 'no worker started'})`
        : undefined;
    return {
      ...this.progress(front),
      stoppedBy: this.stoppedBy ?? 'error',
      workers: this.handles.length,
      workerErrors: [...this.workerErrors],
      ...(failure ? { failure } : {}),
    };
  }
}

/** `items` dealt out in turn into `count` shares. */
function shareOut<T>(items: readonly T[], count: number): T[][] {
  const shares = Array.from({ length: count }, () => [] as T[]);
  items.forEach((item, i) => shares[i % count]!.push(item));
  return shares;
}
