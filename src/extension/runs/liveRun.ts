import type { Dataset } from '../../data';
import { extent } from '../../data/extent';
import type { PlottedFormula } from '../../engine/front/plottedFormula';
import { runOptions } from '../../engine/options/runSummary';
import type { RunProgress } from '../../parallel/parallelSearch';
import type { RunStatus } from '../../shared/webviewProtocol';
import type { SearchSettings } from '../settings';
import { relatedResearch } from './related';
import type { RunRecord } from './runRecord';
import { plotRows, plottedFeatures, usedFeatures, type PlotSample } from './runView';
import type { Presented, PresentedResult } from './startSearch';

/** What a new run is made of: the chosen data and where it came from. */
export interface RunRequest {
  dataset: Dataset;
  /** The data file's URI, as a string. */
  sourceUri: string;
  fileName: string;
  selection?: { startLine: number; endLine: number };
  description?: string;
  settings: SearchSettings;
}

/** How a search ended: with its result, or with the error it rejected with. */
export type SearchOutcome = { result: PresentedResult } | { error: string };

/** How a run ended, as its record tells it. */
export interface RunEnding {
  status: Exclude<RunStatus, 'running'>;
  error?: string;
}

/** The search options a run records, with the defaults the search applies to those not set. */
function recordedOptions(settings: SearchSettings): RunRecord['options'] {
  return runOptions(settings.options, settings.workers);
}

/**
 * The record of a run whose search is going on, kept up to date with what the search reports, and completed
 * with what it ends with. The record is changed in place: whoever holds it sees the latest state. Its fronts
 * come presented (text, LaTeX, predictions on `sample`, the rows it plots): it evaluates no formula itself.
 */
export class LiveRun {
  readonly record: RunRecord;
  /** The features whose values `record.plotRows` holds. */
  private plotted: number[];

  constructor(
    id: string,
    createdAt: Date,
    request: RunRequest,
    private readonly sample: PlotSample,
  ) {
    const { dataset, settings } = request;
    this.plotted = plottedFeatures(dataset.featureNames.length, this.sample.target.length, []);
    this.record = {
      id,
      title: `${dataset.targetName} from ${dataset.featureNames.join(', ')}`,
      createdAt: createdAt.toISOString(),
      status: 'running',
      source: {
        fileName: request.fileName,
        ...(request.selection ? { selection: `lines ${request.selection.startLine}–${request.selection.endLine}` } : {}),
        rows: dataset.rows,
        droppedRows: dataset.dropped.rows,
      },
      sourceUri: request.sourceUri,
      target: dataset.targetName,
      features: dataset.featureNames,
      featureRanges: dataset.X.map((column) => extent(column)),
      ...(request.description ? { description: request.description } : {}),
      options: recordedOptions(settings),
      plotRows: plotRows(this.sample, this.plotted),
      front: [],
      stats: { evaluations: 0, evaluationsPerSecond: 0, seconds: 0 },
      related: [],
    };
  }

  /** Takes in a progress report. Throws when its front cannot be shown; the record is then left as it was. */
  showProgress(progress: Presented<RunProgress>): void {
    this.showFront(progress.front);
    this.record.stats = {
      evaluations: progress.evaluations,
      evaluationsPerSecond: progress.evaluationsPerSecond,
      seconds: progress.seconds,
    };
  }

  /**
   * Gives the record the final front, statistics and related research of the search, and the status they make.
   * Throws when the outcome cannot be read; the record then keeps what it had, and `fail` ends it.
   */
  complete(outcome: SearchOutcome): RunEnding {
    const ending = this.ending(outcome);
    this.end(ending);
    return ending;
  }

  /** Ends the run as failed, with the formulas it has. */
  fail(error: string): RunEnding {
    const ending: RunEnding = { status: 'failed', error };
    this.end(ending);
    return ending;
  }

  private end(ending: RunEnding): void {
    this.record.status = ending.status;
    if (ending.error) this.record.error = ending.error;
  }

  private ending(outcome: SearchOutcome): RunEnding {
    if (!('result' in outcome)) return { status: 'failed', error: outcome.error };
    const { result } = outcome;
    this.showFront(result.front);
    this.record.stats = {
      evaluations: result.evaluations,
      evaluationsPerSecond: result.evaluationsPerSecond,
      seconds: result.seconds,
      stoppedBy: result.stoppedBy,
      ...(result.workerErrors.length > 0 ? { workerFailures: result.workerErrors } : {}),
    };
    this.record.related = relatedResearch(this.record);
    if (result.failure) return { status: 'failed', error: result.failure };
    return { status: result.stoppedBy === 'cancelled' ? 'cancelled' : 'finished' };
  }

  /** Sets the record's front, and its plotted features when the front starts using others. */
  private showFront(front: PlottedFormula[]): void {
    const plotted = plottedFeatures(this.record.features.length, this.sample.target.length, usedFeatures(front.map((e) => e.expr)));
    this.record.front = front;
    if (plotted.join() !== this.plotted.join()) {
      this.plotted = plotted;
      this.record.plotRows = plotRows(this.sample, plotted);
    }
  }
}
