import { PAPERS } from '../../showcase';
import type { Grouping } from './grouping';
import type { ShowcaseTree } from './model';
import { CONTEXT_KEYS } from './ids';

/** The context keys as the view last set them (VS Code offers no way to read them back). */
export interface ShowcaseContextKeys {
  readonly [CONTEXT_KEYS.filtered]: boolean;
  readonly [CONTEXT_KEYS.grouping]: Grouping;
}

export const TOTAL_PAPERS = PAPERS.length;

/** What the Showcase view shows, as plain data: what its commands resolve with, for callers and tests. */
export interface ShowcaseSummary {
  readonly grouping: Grouping;
  /** The active filter; empty for none. */
  readonly filter: string;
  /** Papers shown, and in the showcase. */
  readonly shown: number;
  readonly total: number;
  readonly groups: readonly { readonly label: string; readonly count: number; readonly paperIds: readonly string[] }[];
  /** The context keys the view last set (VS Code cannot read them back). */
  readonly contextKeys: ShowcaseContextKeys | undefined;
}

export function summarize(tree: ShowcaseTree, contextKeys: ShowcaseContextKeys | undefined): ShowcaseSummary {
  return {
    grouping: tree.grouping,
    filter: tree.filter.text,
    shown: tree.count,
    total: TOTAL_PAPERS,
    groups: tree.groups.map((g) => ({ label: g.label, count: g.papers.length, paperIds: g.papers.map((p) => p.paper.id) })),
    contextKeys,
  };
}
