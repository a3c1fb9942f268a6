import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { Dataset } from '../../data';
import { ParallelSearch, type RunProgress, type RunResult } from '../../parallel/parallelSearch';
import type { RunStats, RunStatus } from '../../shared/protocol';
import { Disposable } from '../disposable';
import type { SearchSettings } from '../settings';
import { relatedResearch } from './related';
import type { RunRecord, RunStore } from './runStore';
import { frontRows, plotSample, type PlotSample } from './runView';

/** What a new run is made of: the chosen data and where it came from. */
export interface RunRequest {
  dataset: Dataset;
  sourceUri: vscode.Uri;
  fileName: string;
  selection?: { startLine: number; endLine: number };
  description?: string;
  settings: SearchSettings;
}

interface ActiveRun {
  record: RunRecord;
  search: ParallelSearch;
  sample: PlotSample;
}

function extent(values: Float64Array): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

function formatLoss(loss: number): string {
  return loss === 0 ? '0' : loss.toPrecision(3);
}

export function describeProgress(stats: RunStats, bestLoss: number | undefined): string {
  const rate = stats.evaluationsPerSecond >= 1000 ? `${Math.round(stats.evaluationsPerSecond / 1000)}k` : `${Math.round(stats.evaluationsPerSecond)}`;
  const loss = bestLoss === undefined ? '' : `, best loss ${formatLoss(bestLoss)}`;
  return `${stats.seconds.toFixed(0)} s, ${rate} evaluations/s${loss}`;
}

/**
 * Starts searches, follows their progress (notification with cancel, live updates for the results view),
 * and saves each run when it ends, whatever the way it ends. Runs of a window end with it.
 */
export class RunManager extends Disposable {
  private readonly active = new Map<string, ActiveRun>();
  /** Runs that ended in this window, kept even if saving them failed. */
  private readonly ended = new Map<string, RunRecord>();
  private readonly updated = this.register(new vscode.EventEmitter<RunRecord>());
  /** A run changed: progress, status, related research. */
  readonly onDidUpdateRun = this.updated.event;

  constructor(
    private readonly store: RunStore,
    private readonly workerScript: string,
  ) {
    super();
  }

  get running(): RunRecord[] {
    return [...this.active.values()].map((a) => a.record);
  }

  /** The run with this id: a running one, else a saved one. */
  async get(id: string): Promise<RunRecord | undefined> {
    return this.active.get(id)?.record ?? this.ended.get(id) ?? (await this.store.load(id));
  }

  /** Drops a run this window remembers (after its saved copy was deleted). */
  forget(id: string): void {
    this.ended.delete(id);
  }

  isRunning(id: string): boolean {
    return this.active.has(id);
  }

  stop(id?: string): void {
    for (const [runId, run] of this.active) if (id === undefined || id === runId) run.search.cancel();
  }

  /**
   * Starts a search and returns its record at once; the record is updated in place as the search goes on.
   * Throws when the search cannot start (bad options or data), before anything is saved.
   */
  start(request: RunRequest): RunRecord {
    const { dataset, settings } = request;
    const search = ParallelSearch.start(
      { X: dataset.X, y: dataset.y },
      settings.options,
      { workerScript: this.workerScript, ...(settings.workers !== undefined ? { workers: settings.workers } : {}) },
    );
    const sample = plotSample(dataset);
    const record: RunRecord = {
      id: randomUUID(),
      title: `${dataset.targetName} from ${dataset.featureNames.join(', ')}`,
      createdAt: new Date().toISOString(),
      status: 'running',
      source: {
        fileName: request.fileName,
        ...(request.selection ? { selection: `lines ${request.selection.startLine}–${request.selection.endLine}` } : {}),
        rows: dataset.rows,
        droppedRows: dataset.dropped.rows,
      },
      sourceUri: request.sourceUri.toString(),
      target: dataset.targetName,
      features: dataset.featureNames,
      featureRanges: dataset.X.map(extent),
      ...(request.description ? { description: request.description } : {}),
      options: {
        operators: settings.options.operators ?? [],
        maxSize: settings.options.maxSize ?? 30,
        timeLimitSeconds: settings.options.timeLimitSeconds ?? 60,
        workers: settings.workers ?? 0,
        loss: settings.options.loss ?? 'mse',
      },
      plotRows: { features: sample.columns.map((c) => Array.from(c)), target: Array.from(sample.target) },
      front: [],
      stats: { evaluations: 0, evaluationsPerSecond: 0, seconds: 0 },
      related: [],
    };
    const run: ActiveRun = { record, search, sample };
    this.active.set(record.id, run);
    search.onProgress((progress) => this.onProgress(run, progress));
    void this.follow(run);
    this.updateContext();
    this.updated.fire(record);
    return record;
  }

  private onProgress(run: ActiveRun, progress: RunProgress): void {
    run.record.front = frontRows(progress.front, run.record.features, run.sample);
    run.record.stats = {
      evaluations: progress.evaluations,
      evaluationsPerSecond: progress.evaluationsPerSecond,
      seconds: progress.seconds,
    };
    this.updated.fire(run.record);
  }

  /** Shows a cancellable progress notification until the search ends, then saves the run. */
  private async follow(run: ActiveRun): Promise<void> {
    const { record, search } = run;
    let result: RunResult | undefined;
    let error: string | undefined;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Discovering ${record.target}`, cancellable: true },
      async (progress, token) => {
        token.onCancellationRequested(() => search.cancel());
        const listener = this.onDidUpdateRun((updated) => {
          if (updated.id !== record.id) return;
          const best = updated.front.length > 0 ? updated.front[updated.front.length - 1]!.loss : undefined;
          progress.report({ message: describeProgress(updated.stats, best) });
        });
        try {
          result = await search.result;
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
        } finally {
          listener.dispose();
        }
      },
    );
    await this.complete(run, result, error);
  }

  private async complete(run: ActiveRun, result: RunResult | undefined, error: string | undefined): Promise<void> {
    const { record } = run;
    let status: RunStatus = 'finished';
    if (result) {
      record.front = frontRows(result.front, record.features, run.sample);
      record.stats = {
        evaluations: result.evaluations,
        evaluationsPerSecond: result.evaluationsPerSecond,
        seconds: result.seconds,
        stoppedBy: result.stoppedBy,
      };
      if (result.failure) {
        status = 'failed';
        error = result.failure;
      } else if (result.stoppedBy === 'cancelled') status = 'cancelled';
    } else status = 'failed';
    record.status = status;
    if (error) record.error = error;
    record.related = relatedResearch(record);
    try {
      await this.store.save(record);
    } catch (e) {
      void vscode.window.showWarningMessage(
        `Equation Discovery: the run could not be saved (${e instanceof Error ? e.message : String(e)}); its results stay open.`,
      );
    }
    this.ended.set(record.id, record);
    this.active.delete(record.id);
    this.updateContext();
    this.updated.fire(record);
    if (status === 'failed') {
      void vscode.window.showErrorMessage(`Equation Discovery: the search failed: ${error}. The formulas found before are kept.`);
    }
  }

  /** Sets a run's description and recomputes its related research. */
  async describe(id: string, description: string): Promise<RunRecord | undefined> {
    const record = await this.get(id);
    if (!record) return undefined;
    if (description) record.description = description;
    else delete record.description;
    record.related = relatedResearch(record);
    if (!this.active.has(id)) await this.store.save(record);
    this.updated.fire(record);
    return record;
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', 'equationDiscovery.searchRunning', this.active.size > 0);
  }

  /** Cancels every running search and waits until their workers are gone. */
  async shutdown(): Promise<void> {
    const pending = [...this.active.values()].map((run) => {
      run.search.cancel();
      return run.search.result.catch(() => undefined);
    });
    await Promise.all(pending);
  }
}
