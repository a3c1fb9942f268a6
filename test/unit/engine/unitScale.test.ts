import assert from 'node:assert/strict';
import { evaluateRow } from '../../../src/engine/evaluation/evaluate';
import { structureKey } from '../../../src/engine/expressions/expression';
import type { ScoredEntry } from '../../../src/engine/search/pareto';
import type { SearchResult } from '../../../src/engine/search/pipeline';
import { runSearch } from '../../../src/engine/search/search';

const SCALES = [1e-300, 1e-170, 1e-100, 1, 1e100, 1e170, 1e300];
const ROWS = 40;

/** Values of order one, spread over [1, 3]. */
function unit(offset: number): Float64Array {
  return Float64Array.from({ length: ROWS }, (_, i) => 1 + (2 * ((i * offset) % ROWS)) / ROWS);
}

interface Law {
  name: string;
  columns: Float64Array[];
  f: (row: readonly number[]) => number;
  operators: string[];
  complexity: number;
}

/** A scale as a short label: 1e+300, 1e-150. */
const label = (v: number): string => v.toPrecision(1);

function laws(s: number): Law[] {
  const root = Math.sqrt(s);
  const u = unit(7);
  const v = unit(13);
  const scaled = (column: Float64Array, k: number) => column.map((x) => x * k);
  return [
    { name: `y = 2a, a ~ ${label(s)}`, columns: [scaled(u, s)], f: ([a]) => 2 * a!, operators: ['+', '-', '*', '/'], complexity: 3 },
    {
      name: `y = ${label(s)} (2a + 1), a ~ 1`,
      columns: [u],
      f: ([a]) => s * (2 * a! + 1),
      operators: ['+', '-', '*', '/'],
      complexity: 5,
    },
    {
      name: `y = 2a / ${label(s)} + 1, a ~ ${label(s)}`,
      columns: [scaled(u, s)],
      f: ([a]) => (2 * a!) / s + 1,
      operators: ['+', '-', '*', '/'],
      complexity: 5,
    },
    { name: `y = a b, a ~ b ~ ${label(root)}`, columns: [scaled(u, root), scaled(v, root)], f: ([a, b]) => a! * b!, operators: ['+', '-', '*', '/'], complexity: 3 },
    { name: `y = a b, a ~ ${label(s)}, b ~ ${label(1 / s)}`, columns: [scaled(u, s), scaled(v, 1 / s)], f: ([a, b]) => a! * b!, operators: ['+', '-', '*', '/'], complexity: 3 },
    { name: `y = a^2, a ~ ${label(root)}`, columns: [scaled(u, root)], f: ([a]) => a! ** 2, operators: ['+', '*', '^'], complexity: 3 },
  ];
}

function rowOf(columns: Float64Array[], i: number): number[] {
  return columns.map((c) => c[i]!);
}

/** The loss of `entry` recomputed in the user's units, divided by the target scale before squaring. */
function scaledMse(entry: ScoredEntry, law: Law, y: Float64Array, targetScale: number): number {
  let total = 0;
  for (let i = 0; i < ROWS; i++) {
    const r = (evaluateRow(entry.expr, rowOf(law.columns, i)) - y[i]!) / targetScale;
    total += r * r;
  }
  return total / ROWS;
}

function describeFront(result: SearchResult): string {
  return result.front.map((e) => `${e.complexity}: ${structureKey(e.expr)} (${e.loss})`).join(' | ');
}

describe('search at any unit scale', function () {
  this.timeout(60_000);

  for (const s of SCALES) {
    for (const law of laws(s)) {
      it(`finds ${law.name}`, () => {
        const y = Float64Array.from({ length: ROWS }, (_, i) => law.f(rowOf(law.columns, i)));
        const result = runSearch({ X: law.columns, y }, { operators: law.operators, iterations: 12, populations: 4, cyclesPerIteration: 100, seed: 1 });
        const front = describeFront(result);
        const best = result.front.find((e) => e.best);
        assert.ok(best, `no best formula: ${front}`);
        assert.equal(best.complexity, law.complexity, front);
        for (let i = 0; i < ROWS; i += 7) {
          const row = rowOf(law.columns, i);
          const predicted = evaluateRow(best.expr, row);
          assert.ok(Math.abs(predicted - y[i]!) <= 1e-12 * Math.abs(y[i]!), `row ${i}: ${predicted} for ${y[i]}; ${front}`);
        }

        // Losses are those of y / targetScale, a power of two near the target's size when it needs scaling.
        const exponent = Math.log2(result.targetScale);
        assert.ok(Number.isInteger(exponent), `targetScale ${result.targetScale}`);
        const meanSquare = y.reduce((t, v) => t + (v / result.targetScale) ** 2, 0) / ROWS;
        if (s === 1) assert.equal(result.targetScale, 1, 'ordinary data are searched as they are');
        else assert.ok(meanSquare > 0.25 && meanSquare < 4, `mean square ${meanSquare} at scale ${result.targetScale}`);
        let previous = Number.POSITIVE_INFINITY;
        for (const entry of result.front) {
          assert.ok(Number.isFinite(entry.loss) && entry.loss >= 0 && entry.loss < previous, front);
          previous = entry.loss;
          const recomputed = scaledMse(entry, law, y, result.targetScale);
          assert.ok(Math.abs(recomputed - entry.loss) <= 1e-9 * entry.loss + 1e-24 * meanSquare, `${entry.loss} vs ${recomputed}; ${front}`);
          // Nothing simpler than the law is reported as exact.
          if (entry.complexity < law.complexity) assert.ok(entry.loss > 1e-6 * meanSquare, `false exact: ${front}`);
        }
      });
    }
  }
});
