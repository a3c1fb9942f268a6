// Speed benchmark: expression evaluation throughput against a compiled loop and mathjs, and search throughput.
// npm run bench:speed [-- --expressions 100 --rows 1000 --search-seconds 10]
import { parseArgs } from 'node:util';
import { compile } from 'mathjs';
import { ColumnEvaluator } from '../src/engine/evaluation/evaluate';
import { size, type Expr } from '../src/engine/expressions/expression';
import { formatExpression } from '../src/engine/expressions/formats';
import { Random } from '../src/engine/random';
import { randomTree } from '../src/engine/search/randomTree';
import type { BinaryOperator, UnaryOperator } from '../src/engine/expressions/operators';
import { runSearch } from '../src/engine/search/search';

const { values } = parseArgs({
  options: {
    expressions: { type: 'string', default: '100' },
    rows: { type: 'string', default: '1000' },
    'search-seconds': { type: 'string', default: '10' },
  },
});

/** Operator sets the random expressions are drawn from: the search's default, and a scientific one. */
const OPERATOR_SETS: { name: string; binary: BinaryOperator[]; unary: UnaryOperator[] }[] = [
  { name: 'default operators (+ - * /)', binary: ['+', '-', '*', '/'], unary: [] },
  { name: 'with sqrt exp log sin cos', binary: ['+', '-', '*', '/'], unary: ['sqrt', 'exp', 'log', 'sin', 'cos'] },
];
const expressionCount = Number(values.expressions);
const rows = Number(values.rows);
const searchSeconds = Number(values['search-seconds']);
const FEATURES = 3;

const rng = new Random(42);
const columns = Array.from({ length: FEATURES }, () => Float64Array.from({ length: rows }, () => rng.uniform(0.5, 2)));
const evaluator = new ColumnEvaluator(columns);
const names = Array.from({ length: FEATURES }, (_, j) => `x${j}`);

/** Random expressions of 10-30 nodes that are valid on every row (invalid ones would stop early). */
function validExpressions(binaryOperators: BinaryOperator[], unaryOperators: UnaryOperator[]): Expr[] {
  const vocabulary = { binaryOperators, unaryOperators, features: FEATURES };
  const out: Expr[] = [];
  while (out.length < expressionCount) {
    const e = randomTree(rng, vocabulary, 10 + rng.int(21));
    const n = size(e);
    if (n >= 10 && n <= 30 && evaluator.evaluate(e)) out.push(e);
  }
  return out;
}

/** Times `run` repeatedly for at least `minMs`; returns seconds per call. */
function time(run: () => void, minMs = 1000): number {
  run();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    run();
    calls++;
  }
  return (performance.now() - start) / 1000 / calls;
}

const out = new Float64Array(rows);
const fmt = (x: number): string => `${(x / 1e6).toFixed(1)} M node-rows/s`;

for (const set of OPERATOR_SETS) {
  const expressions = validExpressions(set.binary, set.unary);
  const nodeRows = expressions.reduce((s, e) => s + size(e), 0) * rows;
  const ours = time(() => {
    for (const e of expressions) evaluator.evaluate(e, out);
  });

  // (a) Each expression compiled into one fused loop, the way one would write it by hand. The code is
  // generated from the benchmark's own random trees.
  const compiled = expressions.map(
    (e) =>
      new Function(
        'x0',
        'x1',
        'x2',
        'out',
        `const n = out.length; for (let i = 0; i < n; i++) { const a = x0[i], b = x1[i], c = x2[i]; out[i] = ${formatExpression(e, 'javascript', { names })
          .replace(/\bx0\b/g, 'a')
          .replace(/\bx1\b/g, 'b')
          .replace(/\bx2\b/g, 'c')}; }`,
      ) as (a: Float64Array, b: Float64Array, c: Float64Array, o: Float64Array) => void,
  );
  const loop = time(() => {
    for (const f of compiled) f(columns[0]!, columns[1]!, columns[2]!, out);
  });

  // (b) mathjs' compiled evaluate, one row at a time (it has no column-wise mode).
  const mathjsRows = Math.min(rows, 100);
  const mathjsFns = expressions.map((e) => compile(formatExpression(e, 'mathjs', { names })));
  const mathjsTime =
    time(() => {
      for (const f of mathjsFns) {
        for (let i = 0; i < mathjsRows; i++) f.evaluate({ x0: columns[0]![i], x1: columns[1]![i], x2: columns[2]![i] });
      }
    }) *
    (rows / mathjsRows);

  console.log(`evaluation, ${set.name}: ${expressionCount} random expressions of 10-30 nodes (${nodeRows / rows} nodes in all), ${rows} rows`);
  console.log(`  engine evaluator      ${fmt(nodeRows / ours)}`);
  console.log(`  compiled JS loop      ${fmt(nodeRows / loop)}   engine/loop = ${(loop / ours).toFixed(2)}`);
  console.log(`  mathjs evaluate       ${fmt(nodeRows / mathjsTime)}   engine/mathjs = ${(mathjsTime / ours).toFixed(0)}x`);
}

// Search throughput on one thread: a Feynman-like law in 3 variables.
const y = columns[0]!.map((a, i) => (a * columns[1]![i]!) / (columns[2]![i]! * columns[2]![i]!));
const result = runSearch({ X: columns, y }, { timeLimitSeconds: searchSeconds, seed: 1, operators: ['+', '-', '*', '/', 'sqrt', 'exp', 'sin', 'cos'] });
console.log(
  `search: ${Math.round(result.evaluations / result.seconds)} evaluations/s (full-data equivalents) on one thread, ` +
    `${result.iterations} iterations in ${result.seconds.toFixed(1)} s`,
);
