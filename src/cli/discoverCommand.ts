import { basename } from 'node:path';
import { defaultFeatures, defaultTarget, isTextFormat, selectDataset, type Dataset } from '../data';
import { frontFormulas, type FrontFormula } from '../engine/front/frontFormula';
import { stopReasonText } from '../engine/search/stopRule';
import { DEFAULT_OPTIONS } from '../engine/options';
import type { ScoredEntry } from '../engine/search/pareto';
import { ParallelSearch, type RunProgress } from '../parallel/parallelSearch';
import { bestSnippet } from './bestSnippet';
import { parseDiscoverArgs, type DiscoverArgs } from './discoverArgs';
import { frontTable } from './frontTable';
import { describeData, loadData } from './loadData';
import { isSnippetFormat } from './outputFormats';

export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Registers what the first Ctrl+C does (at once if it came already); a second one exits. */
  onInterrupt(handler: () => void): void;
}

/** What a search left: the parts of `RunResult` the output shows, also for a search that never started. */
interface Outcome {
  front: ScoredEntry[];
  evaluations: number;
  seconds: number;
  stoppedBy: string;
  workers: number;
  workerErrors: string[];
  failure?: string;
}

/** A Ctrl+C, and the search it must cancel once there is one. */
interface StopRequest {
  requested: boolean;
  search?: ParallelSearch;
}

const NOT_STARTED: Outcome = { front: [], evaluations: 0, seconds: 0, stoppedBy: 'cancelled', workers: 0, workerErrors: [] };

function progressLine(p: RunProgress): string {
  const best = p.front.length > 0 ? p.front[p.front.length - 1]!.loss.toExponential(3) : '-';
  return (
    `${p.seconds.toFixed(1)} s  ${(p.evaluations / 1e6).toFixed(2)}M evaluations (${Math.round(p.evaluationsPerSecond / 1000)}k/s)` +
    `  best loss ${best}  front ${p.front.length}  workers ${p.workers}`
  );
}

function emptyReason(outcome: Outcome): string {
  return outcome.stoppedBy === 'cancelled' ? 'stopped before any formula was found' : 'no valid formula was found';
}

/** A front formula in the JSON output: its tree stays out, its text is `expression` (as PySR names it). */
function jsonFormula(f: FrontFormula) {
  return { complexity: f.complexity, loss: f.loss, score: f.score, expression: f.text, latex: f.latex, constants: f.constants, best: f.best };
}

function printOutcome(args: DiscoverArgs, dataset: Dataset, outcome: Outcome, io: CommandIo): void {
  const front = frontFormulas(outcome.front, dataset.featureNames);
  if (isSnippetFormat(args.format)) {
    const source = { dataset, fileName: basename(args.file), loss: args.search.loss ?? DEFAULT_OPTIONS.loss };
    io.stdout.write(bestSnippet(front, args.format, source, emptyReason(outcome)));
    return;
  }
  if (args.format === 'json') {
    const output = {
      target: dataset.targetName,
      features: dataset.featureNames,
      rows: dataset.rows,
      droppedRows: dataset.dropped.rows,
      front: front.map(jsonFormula),
      stats: {
        evaluations: outcome.evaluations,
        seconds: Math.round(outcome.seconds * 1000) / 1000,
        stoppedBy: outcome.stoppedBy,
        workers: outcome.workers,
        ...(front.length === 0 ? { note: emptyReason(outcome) } : {}),
        ...(outcome.failure ? { failure: outcome.failure } : {}),
      },
    };
    io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return;
  }
  const dropped = dataset.dropped.rows > 0 ? `, ${dataset.dropped.rows} rows dropped (missing values)` : '';
  io.stdout.write(`${basename(args.file)}: ${dataset.targetName} from ${dataset.featureNames.join(', ')}; ${dataset.rows} rows${dropped}\n\n`);
  io.stdout.write(front.length > 0 ? frontTable(front) : `No formula: ${emptyReason(outcome)}.\n`);
  io.stdout.write(
    `\n${outcome.evaluations.toLocaleString('en-US')} evaluations in ${outcome.seconds.toFixed(1)} s ` +
      `with ${outcome.workers} worker${outcome.workers === 1 ? '' : 's'}, ${stopReasonText(outcome.stoppedBy)}; * marks the best formula\n`,
  );
}

async function search(args: DiscoverArgs, dataset: Dataset, io: CommandIo, stop: StopRequest): Promise<Outcome> {
  const run = ParallelSearch.start(
    { X: dataset.X, y: dataset.y },
    args.search,
    { ...(args.workers !== undefined ? { workers: args.workers } : {}), progressIntervalMs: io.stderr.isTTY ? 250 : 5000 },
  );
  stop.search = run;
  if (!args.quiet) {
    io.stderr.write(`searching ${dataset.rows} rows for ${dataset.targetName}; Ctrl+C stops and prints the formulas found so far\n`);
    run.onProgress((p) => {
      if (io.stderr.isTTY) io.stderr.write(`\r\x1b[K${progressLine(p)}`);
      else io.stderr.write(`${progressLine(p)}\n`);
    });
  }
  const result = await run.result;
  if (!args.quiet && io.stderr.isTTY) io.stderr.write('\r\x1b[K');
  return result;
}

/** The columns of the search; the table read is not kept (its other columns are garbage from here on). */
async function readDataset(args: DiscoverArgs, io: CommandIo): Promise<Dataset> {
  const table = await loadData(args, io.stderr);
  const target = args.target ?? defaultTarget(table);
  const dataset = selectDataset(table, { target, features: args.features ?? defaultFeatures(table, target) });
  for (const warning of table.warnings) io.stderr.write(`warning: ${warning}\n`);
  if (!args.quiet && (!isTextFormat(table.format) || args.data.rows)) io.stderr.write(`${describeData(table, dataset)}\n`);
  return dataset;
}

export async function discoverCommand(argv: string[], io: CommandIo): Promise<number> {
  const args = parseDiscoverArgs(argv);
  // Ctrl+C while the data loads or the workers start still ends with the output, an empty front if need be.
  const stop: StopRequest = { requested: false };
  io.onInterrupt(() => {
    io.stderr.write('\nstopping; press Ctrl+C again to quit at once\n');
    stop.requested = true;
    stop.search?.cancel();
  });
  const dataset = await readDataset(args, io);

  const outcome = stop.requested ? NOT_STARTED : await search(args, dataset, io, stop);
  for (const error of outcome.workerErrors) io.stderr.write(`warning: ${error}\n`);
  printOutcome(args, dataset, outcome, io);
  if (outcome.failure) {
    io.stderr.write(`eqd: ${outcome.failure}\n`);
    return 1;
  }
  return 0;
}
