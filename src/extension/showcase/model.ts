import { PAPERS, type Paper } from '../../showcase';
import { filterPapers, parseFilter, type Filter } from './filter';
import { countText, groupPapers, type Grouping } from './grouping';
import { linkKey } from './links';

export interface GroupNode {
  readonly kind: 'group';
  /** Unique in the tree; see `buildTree` for why it depends on the filter. */
  readonly id: string;
  readonly grouping: Grouping;
  readonly key: string;
  readonly label: string;
  readonly papers: readonly PaperNode[];
}

export interface PaperNode {
  readonly kind: 'paper';
  readonly id: string;
  readonly paper: Paper;
  readonly parent: GroupNode;
}

export type ShowcaseNode = GroupNode | PaperNode;

export interface ShowcaseTree {
  readonly grouping: Grouping;
  readonly filter: Filter;
  readonly groups: readonly GroupNode[];
  /** Papers shown, over all groups. */
  readonly count: number;
  /** The node of a shown paper, by paper id. */
  node(paperId: string): PaperNode | undefined;
}

export function paperNodeId(paperId: string): string {
  return `showcase/paper/${paperId}`;
}

/**
 * The tree for a grouping and filter, built once per change so that nodes keep their identity between
 * `getChildren` and `getParent` calls (which `TreeView.reveal` relies on).
 *
 * Group ids carry the filter: VS Code remembers which ids were expanded, and a filtered tree should open with its
 * groups expanded (the matches are what the user asked to see) without forgetting how the unfiltered tree was left.
 */
export function buildTree(grouping: Grouping, filterText: string, papers: readonly Paper[] = PAPERS): ShowcaseTree {
  const filter = parseFilter(filterText, papers);
  const byId = new Map<string, PaperNode>();
  const groups = groupPapers(filterPapers(papers, filter), grouping).map((group) => {
    const members: PaperNode[] = [];
    const node: GroupNode = {
      kind: 'group',
      id: `showcase/${grouping}/${group.key}${filter.text ? `?filter=${filter.text}` : ''}`,
      grouping,
      key: group.key,
      label: group.label,
      papers: members,
    };
    for (const paper of group.papers) {
      const child: PaperNode = { kind: 'paper', id: paperNodeId(paper.id), paper, parent: node };
      members.push(child);
      byId.set(paper.id, child);
    }
    return node;
  });
  return { grouping, filter, groups, count: byId.size, node: (paperId) => byId.get(paperId) };
}

/** A showcase paper by its id or its link (http and https, a final slash and the host's case do not matter). */
export function findPaper(ref: string, papers: readonly Paper[] = PAPERS): Paper | undefined {
  const byId = papers.find((p) => p.id === ref);
  if (byId) return byId;
  const key = linkKey(ref);
  return papers.find((p) => linkKey(p.link) === key);
}

/** What the view says about an active filter: "Filtered: halo mass — 2 papers"; empty without a filter. */
export function filterMessage(tree: Pick<ShowcaseTree, 'filter' | 'count'>): string {
  if (!tree.filter.text) return '';
  return `Filtered: ${tree.filter.text} — ${countText(tree.count)}`;
}
