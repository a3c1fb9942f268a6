/**
 * How often each complexity has been seen recently. Selection penalises over-represented complexities so the
 * populations keep exploring every size, not just the currently best one (PySR's adaptive parsimony).
 */
export class ComplexityFrequencies {
  private readonly counts: Float64Array;
  readonly normalized: Float64Array;

  constructor(
    readonly maxSize: number,
    private readonly window = 100_000,
  ) {
    this.counts = new Float64Array(maxSize + 1).fill(1);
    this.counts[0] = 0;
    this.normalized = new Float64Array(maxSize + 1);
    this.normalize();
  }

  record(complexity: number): void {
    if (complexity >= 1 && complexity <= this.maxSize) this.counts[complexity]! += 1;
  }

  /** Shrinks old counts so the total stays within the window, then recomputes the normalised frequencies. */
  normalize(): void {
    let total = 0;
    for (let i = 1; i <= this.maxSize; i++) total += this.counts[i]!;
    if (total > this.window) {
      const scale = this.window / total;
      for (let i = 1; i <= this.maxSize; i++) this.counts[i] = Math.max(this.counts[i]! * scale, 1e-3);
      total = 0;
      for (let i = 1; i <= this.maxSize; i++) total += this.counts[i]!;
    }
    for (let i = 1; i <= this.maxSize; i++) this.normalized[i] = this.counts[i]! / total;
  }

  frequency(complexity: number): number {
    return complexity >= 1 && complexity <= this.maxSize ? this.normalized[complexity]! : 1e-6;
  }
}
