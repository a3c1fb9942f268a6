import type { ComplexityFrequencies } from './adaptiveParsimony';
import { size, type Expr } from '../expressions/expression';
import type { Random } from '../random';

/** A scored expression. `birth` orders members by age: regularized evolution replaces the oldest. */
export interface Member {
  readonly expr: Expr;
  readonly complexity: number;
  readonly loss: number;
  readonly cost: number;
  readonly birth: number;
}

let births = 0;

/** A strictly increasing birth stamp. */
function nextBirth(): number {
  return ++births;
}

export function makeMember(expr: Expr, loss: number, cost: number): Member {
  return { expr, complexity: size(expr), loss, cost, birth: nextBirth() };
}

/** The same member born again (it then counts as young). */
export function reborn(member: Member): Member {
  return { ...member, birth: nextBirth() };
}

/** One island: a fixed-size population under regularized evolution. */
export class Population {
  /** Scratch index permutation for sampling tournaments without allocating. */
  private readonly order: Int32Array;

  /** Scratch frequency-adjusted costs of a tournament's entrants. */
  private readonly adjusted: Float64Array;

  constructor(readonly members: Member[]) {
    this.order = Int32Array.from(members.keys());
    this.adjusted = new Float64Array(members.length);
  }

  get size(): number {
    return this.members.length;
  }

  indexOfOldest(): number {
    let oldest = 0;
    for (let i = 1; i < this.members.length; i++) {
      if (this.members[i]!.birth < this.members[oldest]!.birth) oldest = i;
    }
    return oldest;
  }

  /** Index of the second-oldest member, for replacing two at once after crossover. */
  indexOfOldestExcept(except: number): number {
    let oldest = except === 0 ? 1 : 0;
    for (let i = 0; i < this.members.length; i++) {
      if (i !== except && this.members[i]!.birth < this.members[oldest]!.birth) oldest = i;
    }
    return oldest;
  }

  /**
   * Tournament selection: among `tournamentSize` random members, the k-th best by frequency-adjusted cost
   * wins with probability p(1-p)^k. The adjustment multiplies a member's cost by exp(scaling * frequency of
   * its complexity), which favours sizes the search has seen less of.
   */
  tournament(
    rng: Random,
    tournamentSize: number,
    probability: number,
    frequencies: ComplexityFrequencies,
    scaling: number,
  ): Member {
    const k = Math.min(tournamentSize, this.members.length);
    // Runs once per new candidate: scratch arrays and a single scan for the usual winner (the best) keep it
    // cheap next to evaluating the candidate.
    sampleIndices(rng, this.order, k);
    const adjusted = this.adjusted;
    for (let j = 0; j < k; j++) {
      const m = this.members[this.order[j]!]!;
      adjusted[j] = scaling > 0 ? m.cost * Math.exp(scaling * frequencies.frequency(m.complexity)) : m.cost;
    }
    let place = 0;
    if (probability < 1) {
      let r = rng.next();
      // Winning probabilities p, p(1-p), ... normalised over the k places.
      const total = 1 - Math.pow(1 - probability, k);
      let chance = probability / total;
      place = k - 1;
      for (let p = 0; p < k; p++) {
        if (r < chance) {
          place = p;
          break;
        }
        r -= chance;
        chance *= 1 - probability;
      }
    }
    if (place === 0) {
      let best = 0;
      for (let j = 1; j < k; j++) if (compareCost(adjusted[j]!, adjusted[best]!) < 0) best = j;
      return this.members[this.order[best]!]!;
    }
    const ranked = Array.from({ length: k }, (_, j) => j).sort((a, b) => compareCost(adjusted[a]!, adjusted[b]!));
    return this.members[this.order[ranked[place]!]!]!;
  }

  /** The `count` members of lowest cost. */
  best(count: number): Member[] {
    return [...this.members].sort((a, b) => compareCost(a.cost, b.cost)).slice(0, count);
  }
}

/** Orders costs ascending with NaN and infinities last. */
function compareCost(a: number, b: number): number {
  const fa = Number.isFinite(a);
  const fb = Number.isFinite(b);
  if (fa && fb) return a - b;
  if (fa) return -1;
  if (fb) return 1;
  return 0;
}

/**
 * Moves `k` distinct random indices of [0, n) to the front of `order` (a permutation of 0..n-1) by a partial
 * Fisher-Yates shuffle. The rest stays permuted: any permutation is as good a start as the identity.
 */
function sampleIndices(rng: Random, order: Int32Array, k: number): void {
  const n = order.length;
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
}
