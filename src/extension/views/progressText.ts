import type { RunRecord } from '../runs/runRecord';

function formatLoss(loss: number): string {
  return loss === 0 ? '0' : loss.toPrecision(3);
}

/** A running search in one line: its time, its speed and the lowest loss of its front. */
export function progressText(run: Pick<RunRecord, 'stats' | 'front'>): string {
  const { stats, front } = run;
  const rate = stats.evaluationsPerSecond >= 1000 ? `${Math.round(stats.evaluationsPerSecond / 1000)}k` : `${Math.round(stats.evaluationsPerSecond)}`;
  // The front is ordered by complexity, so its last formula has the lowest loss.
  const best = front.length > 0 ? `, best loss ${formatLoss(front[front.length - 1]!.loss)}` : '';
  return `${stats.seconds.toFixed(0)} s, ${rate} evaluations/s${best}`;
}
