import data from '../../data/papers.json';
import type { Paper } from './types';

/** The 32 papers of the showcase, in the order of the source list. */
export const PAPERS: readonly Paper[] = data.papers;

export function paperById(id: string): Paper | undefined {
  return PAPERS.find((p) => p.id === id);
}
