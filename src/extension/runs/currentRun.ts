import type { RunRecord } from './runRecord';

/** Where the current run is looked for. */
export interface CurrentRunSources {
  /** The run the results view shows, when it is open on one. */
  shownRun(): string | undefined;
  /** The running runs, in the order they started. */
  runningRuns(): readonly string[];
  /** The saved runs, newest first. */
  savedRuns(): Promise<readonly string[]>;
  /** The run of that id, running or saved; undefined when it is gone. */
  load(id: string): Promise<RunRecord | undefined>;
}

/**
 * The order in which the commands look for "the current run": the run the results view shows, else the running
 * runs, the latest started first, else the saved runs, the newest first. Each id once.
 */
export function currentRunOrder(shown: string | undefined, running: readonly string[], saved: readonly string[]): string[] {
  const order = [...(shown !== undefined ? [shown] : []), ...[...running].reverse(), ...saved];
  return [...new Set(order)];
}

/**
 * Finds the run a command acts on when it is not told which (insert, copy, export, describe, stop, open
 * results), in the order of `currentRunOrder`. A run that can no longer be loaded (deleted, damaged) is passed
 * over for the next.
 */
export class CurrentRunResolver {
  constructor(private readonly sources: CurrentRunSources) {}

  /** The current run; undefined when there is no run at all. */
  async find(): Promise<RunRecord | undefined> {
    const shown = this.sources.shownRun();
    const running = this.sources.runningRuns();
    return this.firstLoaded(currentRunOrder(shown, running, await this.sources.savedRuns()));
  }

  /** The current run among the running ones: the one shown if it is running, else the latest started. */
  async findRunning(): Promise<RunRecord | undefined> {
    const running = this.sources.runningRuns();
    const shown = this.sources.shownRun();
    return this.firstLoaded(currentRunOrder(shown !== undefined && running.includes(shown) ? shown : undefined, running, []));
  }

  private async firstLoaded(ids: readonly string[]): Promise<RunRecord | undefined> {
    for (const id of ids) {
      const record = await this.sources.load(id);
      if (record) return record;
    }
    return undefined;
  }
}
