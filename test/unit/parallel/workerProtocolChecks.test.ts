import assert from 'node:assert/strict';
import { binary, constant, feature, unary, type Expr } from '../../../src/engine/expressions/expression';
import { resolveOptions } from '../../../src/engine/options';
import { expressionCheck } from '../../../src/shared/expressionCheck';
import { formulaCheck, limitsOf, workerReplyChecks, workerRequestCheck } from '../../../src/parallel/workerProtocolChecks';

const limits = { features: 2, maxSize: 7 };
const isExpr = expressionCheck(limits);
/** x0 * sqrt(x1 + 1.5): 6 nodes. */
const tree: Expr = binary('*', feature(0), unary('sqrt', binary('+', feature(1), constant(1.5))));

function init(rows = 3, overrides: Record<string, unknown> = {}) {
  return {
    type: 'init',
    X: [new Float64Array(rows), new Float64Array(rows)],
    y: new Float64Array(rows),
    options: resolveOptions({ maxSize: limits.maxSize }, rows),
    islands: 2,
    seed: 1009,
    stopFlag: new SharedArrayBuffer(4),
    ...overrides,
  };
}

describe('Worker protocol: expression trees', () => {
  it('accepts well-formed trees within the limits', () => {
    for (const expr of [tree, feature(1), constant(-2), constant(Number.POSITIVE_INFINITY), unary('neg', feature(0))]) {
      assert.ok(isExpr(expr), JSON.stringify(expr));
    }
    assert.ok(isExpr(JSON.parse(JSON.stringify(tree))), 'as a structured clone brings it, without prototypes');
  });

  it('rejects unknown node kinds and operators, and missing or mistyped fields', () => {
    for (const value of [
      { kind: 'variable', index: 0 },
      { kind: 'binary', op: '%', left: feature(0), right: feature(1) },
      { kind: 'unary', op: 'gamma', arg: feature(0) },
      { kind: 'unary', op: '+', arg: feature(0) },
      { kind: 'binary', op: '+', left: feature(0) },
      { kind: 'unary', op: 'sqrt' },
      { kind: 'constant', value: '1' },
      { kind: 'constant' },
      { kind: 'feature' },
      binary('+', feature(0), { kind: 'constant', value: null } as unknown as Expr),
      null,
      undefined,
      [],
      'x0',
      3,
    ]) {
      assert.equal(isExpr(value), false, JSON.stringify(value));
    }
  });

  it('rejects feature indices outside the data', () => {
    for (const index of [2, -1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, '0']) {
      assert.equal(isExpr({ kind: 'feature', index }), false, String(index));
      assert.equal(isExpr(binary('+', feature(0), { kind: 'feature', index } as Expr)), false, String(index));
    }
  });

  it('rejects trees larger than maxSize, however deep, and cyclic values', () => {
    let deep: Expr = feature(0);
    for (let i = 0; i < 100_000; i++) deep = unary('neg', deep);
    assert.equal(isExpr(deep), false);
    const eight = binary('+', tree, constant(1));
    assert.equal(isExpr(eight), false);
    assert.ok(expressionCheck({ features: 2, maxSize: 8 })(eight));
    const cyclic: Record<string, unknown> = { kind: 'unary', op: 'neg' };
    cyclic['arg'] = cyclic;
    assert.equal(isExpr(cyclic), false);
  });

  it('checks a formula’s loss: not negative or NaN, infinite for an invalid formula', () => {
    const isFormula = formulaCheck(limits);
    for (const loss of [0, 1e-30, 12, Number.POSITIVE_INFINITY]) assert.ok(isFormula({ expr: tree, loss }), String(loss));
    for (const loss of [Number.NaN, -1, Number.NEGATIVE_INFINITY, '1', undefined]) {
      assert.equal(isFormula({ expr: tree, loss }), false, String(loss));
    }
    assert.equal(isFormula({ expr: feature(5), loss: 1 }), false);
  });
});

describe('Worker protocol: requests', () => {
  const beforeInit = workerRequestCheck();
  const afterInit = workerRequestCheck(limits);

  it('accepts the init request the coordinator sends, and takes the limits from it', () => {
    assert.ok(beforeInit(init()));
    assert.ok(beforeInit(init(3, { weights: new Float64Array(3) })));
    const request = init();
    assert.ok(beforeInit(request));
    assert.deepEqual(limitsOf(request), limits);
  });

  it('rejects an init request with columns of other lengths, bad arrays or a bad stop flag', () => {
    for (const overrides of [
      { X: [new Float64Array(3), new Float64Array(2)] },
      { weights: new Float64Array(2) },
      { X: [[1, 2, 3]] },
      { y: [0, 0, 0] },
      { stopFlag: new ArrayBuffer(4) },
      { stopFlag: new SharedArrayBuffer(2) },
      { islands: 0 },
      { islands: 1.5 },
      { seed: Number.NaN },
      { options: { ...resolveOptions({}, 3), maxSize: Number.POSITIVE_INFINITY } },
      { options: { ...resolveOptions({}, 3), binaryOperators: ['+', 'xor'] } },
      { options: undefined },
    ]) {
      assert.equal(beforeInit(init(3, overrides)), false, Object.keys(overrides).join());
    }
  });

  it('accepts no other request before init', () => {
    assert.equal(beforeInit({ type: 'runSlice', budgetMs: 300, migrants: [], fame: [] }), false);
    assert.equal(beforeInit({ type: 'polish', entries: [], floor: 0, budgetMs: 10 }), false);
  });

  it('accepts slice and polish requests whose formulas fit the search', () => {
    const formulas = [{ expr: tree, loss: 0.5 }, { expr: feature(1), loss: Number.POSITIVE_INFINITY }];
    assert.ok(afterInit({ type: 'runSlice', budgetMs: 300, migrants: formulas, fame: [] }));
    assert.ok(afterInit({ type: 'polish', entries: formulas, floor: 1e-30, budgetMs: 0 }));
    assert.ok(afterInit({ type: 'polish', entries: formulas, floor: 0, budgetMs: Number.POSITIVE_INFINITY }), 'no time limit');
  });

  it('rejects slice and polish requests with non-finite numbers or formulas that do not fit', () => {
    for (const request of [
      { type: 'runSlice', budgetMs: Number.NaN, migrants: [], fame: [] },
      { type: 'runSlice', budgetMs: Number.POSITIVE_INFINITY, migrants: [], fame: [] },
      { type: 'runSlice', budgetMs: -1, migrants: [], fame: [] },
      { type: 'runSlice', budgetMs: 300, migrants: [{ expr: feature(2), loss: 1 }], fame: [] },
      { type: 'runSlice', budgetMs: 300, migrants: [], fame: [{ expr: tree, loss: Number.NaN }] },
      { type: 'runSlice', budgetMs: 300, migrants: {}, fame: [] },
      { type: 'polish', entries: [], floor: Number.NaN, budgetMs: 0 },
      { type: 'polish', entries: [], floor: 0, budgetMs: Number.NaN },
      { type: 'polish', entries: [], floor: 0, budgetMs: -1 },
      { type: 'polish', entries: [{ expr: { kind: 'binary', op: '+' }, loss: 1 }], floor: 0, budgetMs: 0 },
      { type: 'stop' },
    ]) {
      assert.equal(afterInit(request), false, JSON.stringify(request));
    }
  });
});

describe('Worker protocol: replies', () => {
  const replies = workerReplyChecks(limits);
  const report = { fame: [{ expr: tree, loss: 0.25 }], migrants: [{ expr: feature(0), loss: 3 }], evaluations: 1234.5, iterations: 3 };
  const polished = { expr: tree, loss: 0.125, complexity: 6, score: 0.5, best: true };

  it('accepts the replies a sound worker sends', () => {
    assert.ok(replies.init(undefined));
    assert.ok(replies.runSlice(report));
    assert.ok(replies.runSlice({ ...report, fame: [], migrants: [] }));
    assert.ok(replies.polish([polished, { ...polished, expr: feature(1), complexity: 1, score: 0, best: false }]));
    assert.ok(replies.polish([]));
  });

  it('rejects slice reports with non-finite counts or formulas that do not fit', () => {
    for (const overrides of [
      { evaluations: Number.NaN },
      { evaluations: Number.POSITIVE_INFINITY },
      { evaluations: -1 },
      { iterations: 1.5 },
      { iterations: undefined },
      { fame: [{ expr: feature(2), loss: 1 }] },
      { migrants: [{ expr: tree, loss: -0.5 }] },
      { migrants: [{ expr: { kind: 'unary', op: 'sqrt', arg: { kind: 'feature', index: 0.5 } }, loss: 1 }] },
      { fame: 'none' },
    ]) {
      assert.equal(replies.runSlice({ ...report, ...overrides }), false, JSON.stringify(overrides));
    }
    assert.equal(replies.runSlice(undefined), false);
  });

  it('rejects polished formulas with a wrong complexity or non-finite numbers', () => {
    for (const overrides of [
      { complexity: 5 },
      { complexity: 0 },
      { score: Number.NaN },
      { score: Number.NEGATIVE_INFINITY },
      { loss: Number.NaN },
      { best: 1 },
      { expr: feature(3), complexity: 1 },
    ]) {
      assert.equal(replies.polish([{ ...polished, ...overrides }]), false, JSON.stringify(overrides));
    }
    assert.equal(replies.polish(polished), false, 'a formula instead of a list');
    assert.equal(replies.init(null), false);
  });
});
