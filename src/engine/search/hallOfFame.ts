import type { Expr } from '../expressions/expression';

/** The best formula found at one complexity. Losses are on all rows. */
export interface FameEntry {
  readonly expr: Expr;
  readonly complexity: number;
  readonly loss: number;
}

/** Best formula at each complexity seen so far. */
export class HallOfFame {
  private readonly entries: (FameEntry | undefined)[];

  constructor(readonly maxSize: number) {
    this.entries = new Array<FameEntry | undefined>(maxSize + 1);
  }

  /** Keeps `entry` if it beats the current best at its complexity; returns whether it did. */
  consider(entry: FameEntry): boolean {
    if (!(entry.loss < Number.POSITIVE_INFINITY) || entry.complexity < 1 || entry.complexity > this.maxSize) {
      return false;
    }
    const current = this.entries[entry.complexity];
    if (current && current.loss <= entry.loss) return false;
    this.entries[entry.complexity] = entry;
    return true;
  }

  at(complexity: number): FameEntry | undefined {
    return this.entries[complexity];
  }

  /** Every kept entry, by increasing complexity. */
  all(): FameEntry[] {
    return this.entries.filter((e): e is FameEntry => e !== undefined);
  }

  /**
   * The entries that beat every simpler entry (the Pareto front of loss against complexity). Losses at or
   * below `floor` count as equal, so rounding noise below it does not put longer formulas on the front.
   */
  front(floor = 0): FameEntry[] {
    const out: FameEntry[] = [];
    let bestLoss = Number.POSITIVE_INFINITY;
    for (const e of this.all()) {
      const loss = Math.max(e.loss, floor);
      if (loss < bestLoss) {
        out.push(e);
        bestLoss = loss;
      }
    }
    return out;
  }

  get bestLoss(): number {
    let best = Number.POSITIVE_INFINITY;
    for (const e of this.entries) if (e && e.loss < best) best = e.loss;
    return best;
  }
}
