import assert from 'node:assert/strict';
import { evaluateRow } from '../../../src/engine/evaluation/evaluate';
import { constant, featuresOf, size, structureKey } from '../../../src/engine/expressions/expression';
import { resolveOptions } from '../../../src/engine/options';
import { IslandGroup } from '../../../src/engine/search/islands';
import { runSearch } from '../../../src/engine/search/search';
import { analysisBudgetMs, MAX_ANALYSIS_MS, structureSeeds } from '../../../src/engine/search/structureSeeds';
import { sampleData } from './analysis/fixtures';

const OPERATORS = ['+', '-', '*', '/', '^', 'sqrt', 'exp', 'log', 'sin', 'cos'];

/** Kinetic energy of a rotating point mass: y = 0.5 * m * r^2 * w^2. */
const rotation = sampleData(200, [[1, 5], [0.5, 3], [1, 10]], ([m, r, w]) => 0.5 * m! * r! * r! * w! * w!);

function exactOnFront(front: readonly { expr: Parameters<typeof evaluateRow>[0]; loss: number }[]) {
  return front.find((e) => e.loss < 1e-20 && Math.abs(evaluateRow(e.expr, [2, 3, 4]) - 144) < 1e-9);
}

describe('structure seeds in the search', function () {
  this.timeout(20_000);

  it('puts the exact product of powers on the front within a small evaluation budget', () => {
    const result = runSearch(rotation, { operators: OPERATORS, maxEvaluations: 2000, seed: 1 });
    assert.ok(result.stoppedBy === 'evaluations' || result.stoppedBy === 'exact', result.stoppedBy);
    const law = exactOnFront(result.front);
    assert.ok(law, `not found: ${result.front.map((e) => structureKey(e.expr)).join(' | ')}`);
    assert.deepEqual(featuresOf(law.expr), [0, 1, 2]);
  });

  it('seeds the hall of fame and a share of every island, with losses recomputed by the search', () => {
    const options = resolveOptions({ operators: OPERATORS, populations: 3, populationSize: 20 }, rotation.y.length);
    const group = new IslandGroup(rotation, options, options.populations, 1);
    const seeds = structureSeeds(rotation, options);
    assert.ok(seeds.length > 0);
    const wrong = { expr: constant(1), loss: 0 };
    group.seed([...seeds, wrong]);
    const law = exactOnFront(group.hallOfFame.all());
    assert.ok(law, 'the power law is in the hall of fame');
    assert.ok(group.hallOfFame.at(1)!.loss > 1, 'a seed keeps the loss the search gives it, not the one it came with');
    const migrants = group.bestMigrants();
    assert.ok(migrants.some((m) => structureKey(m.expr) === structureKey(law.expr)), 'islands breed from the seeds');
    assert.ok(migrants.every((m) => size(m.expr) <= options.maxSize));
  });

  it('gives the analyses a small share of the time limit, and of the expected time of counted budgets', () => {
    const budget = (options: Parameters<typeof resolveOptions>[0]) => analysisBudgetMs(resolveOptions(options, 1000), 1000);
    assert.equal(budget({ timeLimitSeconds: 10 }), 500);
    assert.equal(budget({ timeLimitSeconds: 60 }), MAX_ANALYSIS_MS);
    assert.equal(budget({ timeLimitSeconds: Number.POSITIVE_INFINITY }), MAX_ANALYSIS_MS);
    assert.ok(budget({ maxEvaluations: 1000 }) < budget({ maxEvaluations: 1e7 }));
    assert.equal(budget({ maxEvaluations: 1e9 }), MAX_ANALYSIS_MS);
    assert.ok(budget({ iterations: 1 }) < budget({ iterations: 1000 }));
    assert.equal(budget({ maxEvaluations: 1e9, timeLimitSeconds: 1 }), 50, 'never more than the share of the limit');
  });
});
