import assert from 'node:assert/strict';
import { constant } from '../../../src/engine/expressions/expression';
import { isModelSelection, MODEL_SELECTIONS, SELECTION_CRITERIA } from '../../../src/engine/search/modelSelection';
import { scoreFront } from '../../../src/engine/search/pareto';
import { runSearch } from '../../../src/engine/search/search';

const entry = (complexity: number, loss: number) => ({ expr: constant(1), complexity, loss });

/** The complexity `scoreFront` marks as best. */
function marked(front: ReturnType<typeof entry>[], rows: number | undefined, name: keyof typeof SELECTION_CRITERIA, floor = 0): number | undefined {
  return scoreFront(front, floor, rows, SELECTION_CRITERIA[name]).find((e) => e.best)?.complexity;
}

describe('model selection', () => {
  // Scores: 0, ln 10 = 2.30 at complexity 2, ln 2 / 8 = 0.087 at complexity 10.
  const front = [entry(1, 100), entry(2, 10), entry(10, 5)];

  it('accuracy picks the lowest loss', () => {
    assert.equal(marked(front, 10, 'accuracy'), 10);
    assert.equal(marked([entry(1, 3), entry(4, 2), entry(6, 0.5)], undefined, 'accuracy'), 6);
  });

  it('score picks the steepest drop of log(loss) per node', () => {
    assert.equal(marked(front, 10, 'score'), 2);
    assert.equal(marked(front, 1000, 'score'), 2, 'whatever the number of rows');
  });

  it('best weighs the loss against the complexity by the number of rows', () => {
    // 10 ln 10 + 2 ln 10 = 27.6 beats 10 ln 5 + 10 ln 10 = 39.1; with 1000 rows the loss counts for more.
    assert.equal(marked(front, 10, 'best'), 2);
    assert.equal(marked(front, 1000, 'best'), 10);
  });

  it("best falls back on PySR's rule without a number of rows: the highest score within 1.5 times the lowest loss", () => {
    assert.equal(marked(front, undefined, 'best'), 10, 'only complexity 10 is within 1.5 times the lowest loss');
    assert.equal(marked([entry(1, 100), entry(3, 10), entry(5, 9), entry(9, 8)], undefined, 'best'), 3);
  });

  it('counts losses under the floor as equal, so every criterion takes the simplest exact formula', () => {
    const exact = [entry(1, 4), entry(3, 1e-30), entry(5, 1e-32)];
    for (const name of MODEL_SELECTIONS) assert.equal(marked(exact, 50, name, 1e-26), 3, name);
  });

  it('marks one formula on a front of one and none on an empty front', () => {
    for (const name of MODEL_SELECTIONS) {
      assert.equal(marked([entry(3, 2)], 20, name), 3, name);
      assert.equal(SELECTION_CRITERIA[name].pick([], 20), -1, name);
    }
  });

  it('names the criteria as PySR does', () => {
    assert.deepEqual(MODEL_SELECTIONS, ['best', 'accuracy', 'score']);
    assert.ok(isModelSelection('accuracy'));
    assert.ok(!isModelSelection('bic'));
  });

  it('is chosen by the modelSelection option of a search', () => {
    const a = Float64Array.from({ length: 60 }, (_, i) => 1 + i / 20);
    const y = a.map((v, i) => v * v + 0.3 * Math.sin(7 * i));
    const options = { iterations: 3, populations: 3, seed: 9, operators: ['+', '-', '*', '/', 'sin'] };
    const marks = new Map<string, number>();
    for (const modelSelection of MODEL_SELECTIONS) {
      const { front } = runSearch({ X: [a], y }, { ...options, modelSelection });
      const pick = SELECTION_CRITERIA[modelSelection].pick(
        front.map((e) => ({ complexity: e.complexity, loss: e.loss, score: e.score })),
        a.length,
      );
      assert.equal(front.findIndex((e) => e.best), pick, modelSelection);
      marks.set(modelSelection, front[pick]!.complexity);
    }
    assert.ok(marks.get('accuracy')! > marks.get('best')!, 'on noisy data the most accurate formula is not the best trade-off');
  });
});
