import { isRunId } from '../../shared/runId';
import { errorText } from '../literal';
import type { Logger } from '../log';
import { isRunSummary, readRunRecord, runFileName, runIdOfFile, summaryOf, type RunRecord, type RunSummary } from './runRecord';
import { SerialQueue } from './serialQueue';
import { isTemporaryFile, writeAtomically, type StoreFolder } from './storeFolder';

export type { RunRecord, RunSummary } from './runRecord';

const INDEX = 'runs.json';
const KEEP = 50;

const encode = (value: unknown, indent?: number): Uint8Array => new TextEncoder().encode(JSON.stringify(value, null, indent));
const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export interface ParsedIndex {
  /** The valid entries, first occurrence of each id. */
  summaries: RunSummary[];
  /** Whether anything was left out: the file is not a list, or some entries are not valid summaries. */
  damaged: boolean;
}

/** Reads the index file's text, keeping every entry that is a valid summary. */
export function parseIndex(text: string): ParsedIndex {
  const value = parseJson(text);
  if (!Array.isArray(value)) return { summaries: [], damaged: true };
  const seen = new Set<string>();
  const summaries = value.filter((entry): entry is RunSummary => {
    if (!isRunSummary(entry) || seen.has(entry.id)) return false;
    seen.add(entry.id);
    return true;
  });
  return { summaries, damaged: summaries.length !== value.length };
}

const newestFirst = (a: RunSummary, b: RunSummary): number => (Date.parse(b.createdAt) || 0) - (Date.parse(a.createdAt) || 0);

/**
 * Runs saved as JSON files (`run-<id>.json`) in the workspace's storage (or the global storage without a
 * workspace), so a closed panel or a reloaded window can reopen them, with an index of their summaries
 * (`runs.json`). Keeps the newest runs.
 *
 * The run files are what counts: the index is rebuilt from them when it is damaged or misses some. Files
 * are replaced atomically, and saves and deletions run one at a time, each on the result of the one before.
 */
export class RunStore {
  private readonly listeners = new Set<() => void>();
  private readonly writes = new SerialQueue();
  private summaries: Promise<RunSummary[]> | undefined;

  constructor(
    private readonly folder: StoreFolder,
    private readonly log: Logger,
  ) {}

  /** Calls `listener` after the list of runs changed. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The saved runs, newest first; none when the folder cannot be read (the error is logged). */
  async list(): Promise<RunSummary[]> {
    try {
      return [...(await this.loaded())];
    } catch (error) {
      this.log.error(`could not read the saved runs: ${errorText(error)}`);
      return [];
    }
  }

  /** A saved run, or undefined when there is none by that id (or its file is not a valid run). */
  async load(id: string): Promise<RunRecord | undefined> {
    if (!isRunId(id)) {
      this.log.warn(`refused to open the run "${id}": not a run id`);
      return undefined;
    }
    let bytes: Uint8Array | undefined;
    try {
      bytes = await this.folder.read(runFileName(id));
    } catch (error) {
      this.log.error(`could not read the run ${id}: ${errorText(error)}`);
      return undefined;
    }
    if (bytes === undefined) return undefined;
    const { record, problems } = readRunRecord(parseJson(decode(bytes)));
    if (!record || record.id !== id) {
      this.log.warn(`the saved run ${id} is damaged and was skipped`);
      return undefined;
    }
    for (const problem of problems) this.log.warn(`the saved run ${id}: ${problem}; it was left out`);
    return record;
  }

  /** Saves a run (replacing an earlier save of it), in the list newest first by start time. */
  save(record: RunRecord): Promise<void> {
    return this.writes.run(async () => {
      // The index is read first: read after the run's file is written, it would count this run as recovered.
      const summaries = (await this.loaded()).filter((s) => s.id !== record.id);
      await writeAtomically(this.folder, runFileName(record.id), encode(record));
      // In the order the runs started: saving a run again (after Describe or Rename) does not move it.
      summaries.push(summaryOf(record));
      summaries.sort(newestFirst);
      const dropped = summaries.splice(KEEP);
      await this.writeIndex(summaries);
      for (const old of dropped) await this.folder.delete(runFileName(old.id));
    });
  }

  delete(id: string): Promise<void> {
    return this.writes.run(async () => {
      const file = runFileName(id);
      const summaries = (await this.loaded()).filter((s) => s.id !== id);
      // The file goes first: an index entry without its file is dropped on the next read, whereas a file
      // without an entry would be restored.
      await this.folder.delete(file);
      await this.writeIndex(summaries);
    });
  }

  /** Resolves once every save and deletion asked for so far has ended. */
  idle(): Promise<void> {
    return this.writes.idle();
  }

  dispose(): void {
    this.listeners.clear();
  }

  private loaded(): Promise<RunSummary[]> {
    this.summaries ??= this.readIndex().catch((error: unknown) => {
      this.summaries = undefined;
      throw error;
    });
    return this.summaries;
  }

  /** The index, checked against the run files and repaired (on disk too) when they disagree. */
  private async readIndex(): Promise<RunSummary[]> {
    const names = await this.folder.list();
    const temporaries = names.filter(isTemporaryFile);
    if (temporaries.length > 0) {
      this.queue('removing temporary files left by an interrupted save', async () => {
        for (const name of temporaries) await this.folder.delete(name);
      });
    }
    const files = new Set(names.map(runIdOfFile).filter((id) => id !== undefined));
    const bytes = await this.folder.read(INDEX);
    const index = bytes === undefined ? { summaries: [], damaged: false } : parseIndex(decode(bytes));
    const kept = index.summaries.filter((s) => files.has(s.id));
    const indexed = new Set(kept.map((s) => s.id));
    const recovered: RunSummary[] = [];
    for (const id of files) {
      if (indexed.has(id)) continue;
      const record = await this.load(id);
      if (record) recovered.push(summaryOf(record));
    }
    if (!index.damaged && kept.length === index.summaries.length && recovered.length === 0) return kept;

    const summaries = [...kept, ...recovered].sort(newestFirst);
    this.log.warn(
      `the index of saved runs was ${bytes === undefined ? 'missing' : 'damaged or incomplete'}; ` +
        `rebuilt it from the run files (${summaries.length} runs, ${recovered.length} recovered)`,
    );
    // Written by the queue, with the summaries of that time: a save may come first.
    this.queue('writing the rebuilt index of runs', async () => writeAtomically(this.folder, INDEX, encode(await this.loaded(), 1)));
    return summaries;
  }

  /** Queues a write that nobody waits for; its failure is logged. */
  private queue(what: string, task: () => Promise<void>): void {
    this.writes.run(task).catch((error: unknown) => this.log.error(`${what} failed: ${errorText(error)}`));
  }

  private async writeIndex(summaries: RunSummary[]): Promise<void> {
    this.summaries = Promise.resolve(summaries);
    try {
      await writeAtomically(this.folder, INDEX, encode(summaries, 1));
    } finally {
      for (const listener of [...this.listeners]) listener();
    }
  }
}
