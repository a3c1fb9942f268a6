import { basename, extname } from 'node:path';
import { rankPapers } from '../../showcase';
import type { RelatedPaper } from '../../shared/webviewProtocol';
import type { RunRecord } from './runStore';

/** Papers shown per run at most. */
const SHOWN = 5;

/**
 * The showcase papers closest to a run: matched on the data's file name and column names, the user's
 * description, and the shape of the best formula.
 */
export function relatedResearch(record: RunRecord): RelatedPaper[] {
  const stem = basename(record.source.fileName, extname(record.source.fileName));
  const formula = record.front.find((f) => f.best)?.expr;
  const ranked = rankPapers(
    {
      columns: [...record.features, record.target, stem],
      ...(record.description ? { description: record.description } : {}),
      ...(formula ? { formula } : {}),
    },
    { limit: SHOWN },
  );
  return ranked.map((r) => ({
    title: r.paper.title,
    link: r.paper.link,
    year: r.paper.year,
    score: r.score,
    reasons: [...r.reasons],
  }));
}
