import { basename } from 'node:path';
import { loadFile, selectDataset, defaultTarget, defaultFeatures } from '../data';
import { reportFront } from '../engine/frontReport';
import { ParallelSearch, type RunProgress, type RunResult } from '../parallel/parallelSearch';
import { parseDiscoverArgs } from './discoverArgs';
import { frontTable } from './frontTable';

export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Registers what a first Ctrl+C does; a second one exits. */
  onInterrupt(handler: () => void): void;
}

function progressLine(p: RunProgress): string {
  const best = p.front.length > 0 ? p.front[p.front.length - 1]!.loss.toExponential(3) : '-';
  return (
    `${p.seconds.toFixed(1)} s  ${(p.evaluations / 1e6).toFixed(2)}M evaluations (${Math.round(p.evaluationsPerSecond / 1000)}k/s)` +
    `  best loss ${best}  front ${p.front.length}  workers ${p.workers}`
  );
}

export async function discoverCommand(argv: string[], io: CommandIo): Promise<number> {
  const args = parseDiscoverArgs(argv);
  const table = await loadFile(args.file);
  const target = args.target ?? defaultTarget(table);
  const dataset = selectDataset(table, { target, ...(args.features ? { features: args.features } : { features: defaultFeatures(table, target) }) });
  for (const warning of table.warnings) io.stderr.write(`warning: ${warning}\n`);

  const run = ParallelSearch.start(
    { X: dataset.X, y: dataset.y },
    args.search,
    { ...(args.workers !== undefined ? { workers: args.workers } : {}), progressIntervalMs: io.stderr.isTTY ? 250 : 5000 },
  );
  io.onInterrupt(() => {
    io.stderr.write('\nstopping; press Ctrl+C again to quit at once\n');
    run.cancel();
  });
  if (!args.quiet) {
    run.onProgress((p) => {
      if (io.stderr.isTTY) io.stderr.write(`\r\x1b[K${progressLine(p)}`);
      else io.stderr.write(`${progressLine(p)}\n`);
    });
  }
  const result: RunResult = await run.result;
  if (!args.quiet && io.stderr.isTTY) io.stderr.write('\r\x1b[K');
  for (const error of result.workerErrors) io.stderr.write(`warning: ${error}\n`);

  const front = reportFront(result.front, dataset.featureNames);
  if (args.format === 'json') {
    const output = {
      target: dataset.targetName,
      features: dataset.featureNames,
      rows: dataset.rows,
      droppedRows: dataset.dropped.rows,
      front,
      stats: {
        evaluations: result.evaluations,
        seconds: Math.round(result.seconds * 1000) / 1000,
        stoppedBy: result.stoppedBy,
        workers: result.workers,
        ...(result.failure ? { failure: result.failure } : {}),
      },
    };
    io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    const dropped = dataset.dropped.rows > 0 ? `, ${dataset.dropped.rows} rows dropped (missing values)` : '';
    io.stdout.write(
      `${basename(args.file)}: ${dataset.targetName} from ${dataset.featureNames.join(', ')}; ${dataset.rows} rows${dropped}\n\n`,
    );
    io.stdout.write(front.length > 0 ? frontTable(front) : 'No valid formula was found.\n');
    io.stdout.write(
      `\n${result.evaluations.toLocaleString('en-US')} evaluations in ${result.seconds.toFixed(1)} s ` +
        `with ${result.workers} worker${result.workers === 1 ? '' : 's'}, stopped by ${result.stoppedBy}; * marks the best formula\n`,
    );
  }
  if (result.failure) {
    io.stderr.write(`eqd: ${result.failure}\n`);
    return 1;
  }
  return 0;
}
