import type { FrontRow } from '../../src/shared/webviewProtocol';

/** The formula shown when the user has not picked one: the best, else the simplest. */
export function defaultComplexity(front: readonly FrontRow[]): number | undefined {
  return (front.find((row) => row.best) ?? front[0])?.complexity;
}

/** The complexity of `front` nearest to `wanted`, the simpler one on a tie. */
export function nearestComplexity(front: readonly FrontRow[], wanted: number): number | undefined {
  let nearest: number | undefined;
  for (const { complexity } of front) {
    if (nearest === undefined || Math.abs(complexity - wanted) < Math.abs(nearest - wanted)) nearest = complexity;
  }
  return nearest;
}
