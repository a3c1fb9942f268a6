import { rationalPower, type Power } from './powerTrees';

/** Denominators of the exponents laws are usually written with: x, sqrt(x), cbrt(x), x^(1/4) and their powers. */
const SIMPLE_DENOMINATORS = [1, 2, 3, 4] as const;

/**
 * The fraction with a simple denominator nearest to `value` (0 included, meaning "leave the feature out");
 * on a tie the smaller denominator wins. Only integers when `integersOnly` (a feature with negative values).
 */
export function nearestSimpleRational(value: number, integersOnly = false): Power {
  let best = rationalPower(Math.round(value), 1);
  let bestDistance = Math.abs(value - Math.round(value));
  if (integersOnly) return best;
  for (const q of SIMPLE_DENOMINATORS) {
    const k = Math.round(value * q);
    const distance = Math.abs(value - k / q);
    if (distance < bestDistance - 1e-15) {
      best = rationalPower(k, q);
      bestDistance = distance;
    }
  }
  return best;
}
