import * as vscode from 'vscode';
import type { RunView } from '../../shared/protocol';

/** A saved run: what the results view shows, plus the data file it came from. */
export interface RunRecord extends RunView {
  sourceUri: string;
}

export interface RunSummary {
  id: string;
  title: string;
  createdAt: string;
  status: RunRecord['status'];
  best?: string;
}

/** A run's start time as people read it, in their locale. */
export function runDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

const INDEX = 'runs.json';
const KEEP = 50;

/**
 * Runs saved as JSON files in the workspace's storage (or the global storage without a workspace), so a
 * closed panel or a reloaded window can reopen them. Keeps the newest runs.
 */
export class RunStore {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private summaries: RunSummary[] | undefined;

  constructor(private readonly folder: vscode.Uri) {}

  private runUri(id: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, `run-${id}.json`);
  }

  async list(): Promise<RunSummary[]> {
    if (!this.summaries) {
      try {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.folder, INDEX));
        this.summaries = JSON.parse(new TextDecoder().decode(bytes)) as RunSummary[];
      } catch {
        this.summaries = [];
      }
    }
    return [...this.summaries];
  }

  async load(id: string): Promise<RunRecord | undefined> {
    try {
      const bytes = await vscode.workspace.fs.readFile(this.runUri(id));
      return JSON.parse(new TextDecoder().decode(bytes)) as RunRecord;
    } catch {
      return undefined;
    }
  }

  async save(record: RunRecord): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.folder);
    await vscode.workspace.fs.writeFile(this.runUri(record.id), new TextEncoder().encode(JSON.stringify(record)));
    const best = record.front.find((f) => f.best);
    const summary: RunSummary = {
      id: record.id,
      title: record.title,
      createdAt: record.createdAt,
      status: record.status,
      ...(best ? { best: best.expression } : {}),
    };
    const summaries = (await this.list()).filter((s) => s.id !== record.id);
    summaries.unshift(summary);
    const dropped = summaries.splice(KEEP);
    await this.writeIndex(summaries);
    for (const old of dropped) await this.removeFile(old.id);
  }

  async delete(id: string): Promise<void> {
    const summaries = (await this.list()).filter((s) => s.id !== id);
    await this.writeIndex(summaries);
    await this.removeFile(id);
  }

  private async writeIndex(summaries: RunSummary[]): Promise<void> {
    this.summaries = summaries;
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(this.folder, INDEX),
      new TextEncoder().encode(JSON.stringify(summaries, null, 1)),
    );
    this.changed.fire();
  }

  private async removeFile(id: string): Promise<void> {
    try {
      await vscode.workspace.fs.delete(this.runUri(id));
    } catch {
      // Already gone: nothing to do.
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
