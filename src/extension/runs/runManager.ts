import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { Dataset } from '../../data';
import type { ScoredEntry } from '../../engine/search/pareto';
import { ParallelSearch, type RunProgress, type RunResult } from '../../parallel/parallelSearch';
import type { RunStats, RunStatus } from '../../shared/webviewProtocol';
import { Disposable } from '../disposable';
import { errorText } from '../literal';
import { log } from '../log';
import { fireAndLog, notify } from '../report';
import type { SearchSettings } from '../settings';
import { relatedResearch } from './related';
import type { RunRecord, RunStore } from './runStore';
import { frontRows, plotRows, plotSample, plottedFeatures, usedFeatures, type PlotSample } from './runView';

/** What a new run is made of: the chosen data and where it came from. */
export interface RunRequest {
  dataset: Dataset;
  sourceUri: vscode.Uri;
  fileName: string;
  selection?: { startLine: number; endLine: number };
  description?: string;
  settings: SearchSettings;
}

/** The part of a running search the manager uses (what `ParallelSearch` offers). */
export interface SearchHandle {
  readonly result: Promise<RunResult>;
  onProgress(listener: (progress: RunProgress) => void): unknown;
  cancel(): void;
}

export type StartSearch = (dataset: Dataset, settings: SearchSettings, workerScript: string) => SearchHandle;

const startParallelSearch: StartSearch = (dataset, settings, workerScript) =>
  ParallelSearch.start({ X: dataset.X, y: dataset.y }, settings.options, {
    workerScript,
    ...(settings.workers !== undefined ? { workers: settings.workers } : {}),
  });

interface Outcome {
  result?: RunResult;
  error?: string;
}

interface Ending {
  status: RunStatus;
  error?: string;
}

interface ActiveRun {
  record: RunRecord;
  search: SearchHandle;
  sample: PlotSample;
  /** The features whose values `record.plotRows` holds. */
  plotted: number[];
  /** Settles once the run has ended and its save is over, however either went. */
  done: Promise<void>;
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
    private readonly startSearch: StartSearch = startParallelSearch,
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
    const search = this.startSearch(dataset, settings, this.workerScript);
    const sample = plotSample(dataset);
    const plotted = plottedFeatures(dataset.featureNames.length, sample.target.length, []);
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
      plotRows: plotRows(sample, plotted),
      front: [],
      stats: { evaluations: 0, evaluationsPerSecond: 0, seconds: 0 },
      related: [],
    };
    const run: ActiveRun = { record, search, sample, plotted, done: Promise.resolve() };
    this.active.set(record.id, run);
    search.onProgress((progress) => this.onProgress(run, progress));
    run.done = this.follow(run);
    this.updateContext();
    this.updated.fire(record);
    return record;
  }

  private onProgress(run: ActiveRun, progress: RunProgress): void {
    try {
      this.showFront(run, progress.front);
    } catch (error) {
      // The next report or the end of the run brings a front again.
      log().error(`could not show the progress of ${run.record.title}: ${errorText(error)}`);
      return;
    }
    run.record.stats = {
      evaluations: progress.evaluations,
      evaluationsPerSecond: progress.evaluationsPerSecond,
      seconds: progress.seconds,
    };
    this.updated.fire(run.record);
  }

  /** Sets the record's front, and its plotted features when the front starts using others. */
  private showFront(run: ActiveRun, front: readonly ScoredEntry[]): void {
    const { record, sample } = run;
    record.front = frontRows(front, record.features, sample);
    const plotted = plottedFeatures(record.features.length, sample.target.length, usedFeatures(front.map((e) => e.expr)));
    if (plotted.join() !== run.plotted.join()) {
      run.plotted = plotted;
      record.plotRows = plotRows(sample, plotted);
    }
  }

  /**
   * Shows a cancellable progress notification until the search ends, then completes and saves the run. Never
   * rejects: whatever goes wrong ends the run as failed, with the formulas found so far.
   */
  private async follow(run: ActiveRun): Promise<void> {
    let outcome: Outcome;
    try {
      outcome = await this.awaitResult(run);
    } catch (error) {
      outcome = { error: errorText(error) };
    }
    let ending: Ending;
    try {
      ending = this.finalize(run, outcome);
    } catch (error) {
      log().error(`completing ${run.record.title} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      ending = { status: 'failed', error: `the run could not be completed (${errorText(error)})` };
    }
    await this.settle(run, ending);
  }

  private async awaitResult(run: ActiveRun): Promise<Outcome> {
    const { record, search } = run;
    let outcome: Outcome = {};
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Discovering ${record.target}`, cancellable: true },
      async (progress, token) => {
        const cancellation = token.onCancellationRequested(() => search.cancel());
        const listener = this.onDidUpdateRun((updated) => {
          if (updated.id !== record.id) return;
          const best = updated.front.length > 0 ? updated.front[updated.front.length - 1]!.loss : undefined;
          progress.report({ message: describeProgress(updated.stats, best) });
        });
        try {
          outcome = { result: await search.result };
        } catch (e) {
          outcome = { error: errorText(e) };
        } finally {
          listener.dispose();
          cancellation.dispose();
        }
      },
    );
    return outcome;
  }

  /** The final front, statistics and related research of a run, and how it ended. */
  private finalize(run: ActiveRun, { result, error }: Outcome): Ending {
    const { record } = run;
    if (!result) return { status: 'failed', error: error ?? 'the search ended without a result' };
    this.showFront(run, result.front);
    record.stats = {
      evaluations: result.evaluations,
      evaluationsPerSecond: result.evaluationsPerSecond,
      seconds: result.seconds,
      stoppedBy: result.stoppedBy,
    };
    record.related = relatedResearch(record);
    if (result.failure) return { status: 'failed', error: result.failure };
    return { status: result.stoppedBy === 'cancelled' ? 'cancelled' : 'finished', ...(error ? { error } : {}) };
  }

  /** Saves an ended run and lets everyone know; the run keeps whatever front it has. */
  private async settle(run: ActiveRun, ending: Ending): Promise<void> {
    const { record } = run;
    record.status = ending.status;
    if (ending.error) record.error = ending.error;
    try {
      await this.store.save(record);
    } catch (e) {
      notify('warning', `Equation Discovery: the run could not be saved (${errorText(e)}); its results stay open.`);
    }
    this.ended.set(record.id, record);
    this.active.delete(record.id);
    this.updateContext();
    this.updated.fire(record);
    if (ending.status === 'failed') {
      notify('error', `Equation Discovery: the search failed: ${ending.error}. The formulas found before are kept.`);
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
    fireAndLog(
      vscode.commands.executeCommand('setContext', 'equationDiscovery.searchRunning', this.active.size > 0),
      'setting the searchRunning context key',
    );
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
