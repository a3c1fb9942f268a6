import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type EvalFunction } from 'mathjs';
import { Random } from '../../src/engine/random';

export const SUITES = ['empirical', 'feynman', 'strogatz', 'textbook'] as const;

export type Suite = (typeof SUITES)[number];

export interface Variable {
  name: string;
  low: number;
  high: number;
  sampling?: 'uniform' | 'log' | 'integer';
}

export interface ProblemRecord {
  id: string;
  output: string;
  formula: string;
  vars: Variable[];
  group?: 'main' | 'bonus';
  target_transform?: 'log';
  pysr_paper_results?: Record<string, string>;
  notes?: string[];
}

export interface GeneratedData {
  names: string[];
  X: Float64Array[];
  y: Float64Array;
}

export function loadSuite(suite: Suite): ProblemRecord[] {
  const path = join(__dirname, '..', 'problems', `${suite}.json`);
  return JSON.parse(readFileSync(path, 'utf8')) as ProblemRecord[];
}

/** The records' function names, in mathjs' spelling. */
function toMathjs(formula: string): string {
  return formula.replace(/\barc(sin|cos|tan)\b/g, 'a$1');
}

/** The true law of a record as a function of one row (including the record's target transform). */
export function truthOf(record: ProblemRecord): (row: number[]) => number {
  const compiled: EvalFunction = compile(toMathjs(record.formula));
  const names = record.vars.map((v) => v.name);
  return (row) => {
    const scope: Record<string, number> = {};
    names.forEach((name, j) => (scope[name] = row[j]!));
    const value = compiled.evaluate(scope) as unknown;
    const y = typeof value === 'number' ? value : Number.NaN;
    return record.target_transform === 'log' ? Math.log(y) : y;
  };
}

function sample(rng: Random, v: Variable, continuous: boolean): number {
  switch (v.sampling ?? 'uniform') {
    case 'log':
      return Math.exp(rng.uniform(Math.log(v.low), Math.log(v.high)));
    case 'integer':
      if (continuous) return rng.uniform(v.low, v.high);
      return Math.ceil(v.low) + rng.int(Math.floor(v.high) - Math.ceil(v.low) + 1);
    default:
      return rng.uniform(v.low, v.high);
  }
}

/** Stable 32-bit hash of a text, to give each problem its own seed. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * `rows` points drawn within the record's ranges, with the true target. Points where the law is not finite
 * (a singular corner of the box) are drawn again. `noise` adds Gaussian noise of that fraction of the
 * target's root mean square. `continuous` draws integer-sampled variables from their whole interval: fresh
 * points for judging use it, so that a formula that merely interpolates a few integer values is not taken
 * for the law.
 */
export function generate(
  record: ProblemRecord,
  rows: number,
  seed: number,
  noise = 0,
  continuous = false,
): GeneratedData {
  const rng = new Random(hash(record.id) ^ seed);
  const truth = truthOf(record);
  const X = record.vars.map(() => new Float64Array(rows));
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let attempt = 0; ; attempt++) {
      const row = record.vars.map((v) => sample(rng, v, continuous));
      const value = truth(row);
      if (Number.isFinite(value)) {
        row.forEach((x, j) => (X[j]![i] = x));
        y[i] = value;
        break;
      }
      if (attempt > 1000) throw new Error(`${record.id}: the law is not finite anywhere in its box`);
    }
  }
  if (noise > 0) {
    let ms = 0;
    for (const v of y) ms += v * v;
    const sigma = noise * Math.sqrt(ms / rows);
    for (let i = 0; i < rows; i++) y[i]! += sigma * rng.normal();
  }
  return { names: record.vars.map((v) => v.name), X, y };
}
