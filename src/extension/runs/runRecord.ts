import type { PlottedFormula } from '../../engine/front/plottedFormula';
import type { RunView } from '../../shared/webviewProtocol';
import { isRunStatus, isRunView } from '../../shared/webviewProtocolChecks';
import { isRunId } from '../../shared/runId';
import { isRecord, isString, object, optional, type Check } from '../../shared/schema';
import { readSavedFront } from './savedFront';

/**
 * A saved run: what the results view shows, plus the data file it came from, and each front formula with
 * its tree (which insert, copy, export and related research use; the view gets the rest).
 */
export interface RunRecord extends Omit<RunView, 'front'> {
  sourceUri: string;
  front: PlottedFormula[];
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

/** A run record read from a file, and what of it had to be left out. */
export interface ReadRunRecord {
  /** Undefined when the value is not a run record. */
  record: RunRecord | undefined;
  /** A sentence for each formula left out (a malformed tree, say); the record holds the others. */
  problems: string[];
}

/**
 * A run record read from a file. Runs saved by earlier versions may lack fields added since; those get their
 * empty value, and formulas saved as text only get their tree back (`readSavedFront`).
 */
export function readRunRecord(value: unknown): ReadRunRecord {
  const none: ReadRunRecord = { record: undefined, problems: [] };
  if (!isRecord(value) || !isRunId(value['id']) || !isString(value['sourceUri'])) return none;
  const { sourceUri, features } = value;
  const read = Array.isArray(features) && features.every(isString) ? readSavedFront(value['front'], features) : undefined;
  if (!read) return none;
  const completed = { ...value, featureRanges: value['featureRanges'] ?? [], related: value['related'] ?? [], front: read.front };
  if (!isRunView(completed)) return none;
  return { record: { ...completed, sourceUri, front: read.front }, problems: read.problems };
}

export function summaryOf(record: RunRecord): RunSummary {
  const best = record.front.find((f) => f.best);
  return {
    id: record.id,
    title: record.title,
    createdAt: record.createdAt,
    status: record.status,
    ...(best ? { best: best.text } : {}),
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
