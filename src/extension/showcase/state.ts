import { isGrouping, type Grouping } from './grouping';
import { normalizeFilter } from './filter';

/** The part of `vscode.Memento` the state needs (workspaceState in the extension, a map in tests). */
export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export const STATE_KEYS = {
  grouping: 'equationDiscovery.showcase.grouping',
  filter: 'equationDiscovery.showcase.filter',
} as const;

export const DEFAULT_GROUPING: Grouping = 'field';

/** How the Showcase view is grouped and filtered, remembered per workspace. */
export class ShowcaseState {
  private groupingValue: Grouping;
  private filterValue: string;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly store: StateStore) {
    const grouping = store.get<unknown>(STATE_KEYS.grouping);
    const filter = store.get<unknown>(STATE_KEYS.filter);
    this.groupingValue = isGrouping(grouping) ? grouping : DEFAULT_GROUPING;
    this.filterValue = typeof filter === 'string' ? normalizeFilter(filter) : '';
  }

  get grouping(): Grouping {
    return this.groupingValue;
  }

  /** The normalized filter text; empty when the view is not filtered. */
  get filter(): string {
    return this.filterValue;
  }

  get filtered(): boolean {
    return this.filterValue !== '';
  }

  /** Calls `listener` after each change; the returned function unsubscribes. */
  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async setGrouping(grouping: Grouping): Promise<void> {
    if (grouping === this.groupingValue) return;
    this.groupingValue = grouping;
    this.changed();
    await this.store.update(STATE_KEYS.grouping, grouping);
  }

  /** Sets the filter; blank text clears it. */
  async setFilter(text: string | undefined): Promise<void> {
    const filter = normalizeFilter(text);
    if (filter === this.filterValue) return;
    this.filterValue = filter;
    this.changed();
    await this.store.update(STATE_KEYS.filter, filter === '' ? undefined : filter);
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
