import type { RunView } from '../../shared/webviewProtocol';
import { isRunStatus, isRunView } from '../../shared/webviewProtocolChecks';
import { isRunId } from '../../shared/runId';
import { isRecord, isString, object, optional, type Check } from '../../shared/schema';

/** A saved run: what the results view shows, plus the data file it came from. */
export interface RunRecord extends RunView {
  sourceUri: string;
}

/** What the Runs view and the run pickers show of a saved run; the index file holds one per run. */
export interface RunSummary {
  id: string;
  title: string;
  createdAt: string;
  status: RunRecord['status'];
  best?: string;
}

export const isRunSummary: Check<RunSummary> = object({
  id: isRunId,
  title: isString,
  createdAt: isString,
  status: isRunStatus,
  best: optional(isString),
});

function isRunRecord(value: unknown): value is RunRecord {
  return isRunView(value) && isRunId(value.id) && isString((value as { sourceUri?: unknown }).sourceUri);
}

/**
 * A run record read from a file, or undefined when it is not one. Runs saved by earlier versions may lack
 * fields added since; those get their empty value.
 */
export function parseRunRecord(value: unknown): RunRecord | undefined {
  if (!isRecord(value)) return undefined;
  const completed = { ...value, featureRanges: value['featureRanges'] ?? [], related: value['related'] ?? [] };
  return isRunRecord(completed) ? completed : undefined;
}

export function summaryOf(record: RunRecord): RunSummary {
  const best = record.front.find((f) => f.best);
  return {
    id: record.id,
    title: record.title,
    createdAt: record.createdAt,
    status: record.status,
    ...(best ? { best: best.expression } : {}),
  };
}

const RUN_FILE = /^run-(.+)\.json$/;

/** The file a run is saved in. Only run ids reach a file name: anything else throws. */
export function runFileName(id: string): string {
  if (!isRunId(id)) throw new Error(`"${id}" is not a run id`);
  return `run-${id}.json`;
}

/** The id of the run saved in a file of this name, or undefined when it is not a run file. */
export function runIdOfFile(name: string): string | undefined {
  const id = RUN_FILE.exec(name)?.[1];
  return id !== undefined && isRunId(id) ? id : undefined;
}

/** A run's start time as people read it, in their locale. */
export function runDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
