import type { Paper } from '../../showcase';

export type Grouping = 'field' | 'year';

export function isGrouping(value: unknown): value is Grouping {
  return value === 'field' || value === 'year';
}

export interface PaperGroup {
  /** The field or the year, as a string; unique within one grouping. */
  readonly key: string;
  readonly label: string;
  readonly papers: readonly Paper[];
}

/** "climate & earth science" -> "Climate & earth science". */
export function fieldLabel(field: string): string {
  return field.charAt(0).toUpperCase() + field.slice(1);
}

/** Newest first, then by title. */
export function byDateThenTitle(a: Paper, b: Paper): number {
  return b.date.localeCompare(a.date) || a.title.localeCompare(b.title);
}

/**
 * The papers in groups: by field (fields in alphabetical order) or by year (newest first). Papers are newest first
 * within a group; groups without papers are left out.
 */
export function groupPapers(papers: readonly Paper[], grouping: Grouping): PaperGroup[] {
  const buckets = new Map<string, Paper[]>();
  for (const paper of papers) {
    const key = grouping === 'field' ? paper.field : String(paper.year);
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = []));
    bucket.push(paper);
  }
  const groups = [...buckets].map(([key, members]) => ({
    key,
    label: grouping === 'field' ? fieldLabel(key) : key,
    papers: members.sort(byDateThenTitle),
  }));
  return grouping === 'field'
    ? groups.sort((a, b) => a.label.localeCompare(b.label))
    : groups.sort((a, b) => Number(b.key) - Number(a.key));
}

/** "1 paper", "5 papers". */
export function countText(count: number): string {
  return `${count} ${count === 1 ? 'paper' : 'papers'}`;
}
