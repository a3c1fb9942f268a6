import assert from 'node:assert/strict';
import { ColumnPool } from '../../../src/engine/evaluation/columnPool';
import { ColumnEvaluator } from '../../../src/engine/evaluation/evaluate';
import { JacobianEvaluator } from '../../../src/engine/evaluation/jacobian';
import { binary, constant, feature } from '../../../src/engine/expressions/expression';

describe('column pool', () => {
  const data = Float64Array.from([1, 2, 3]);

  it('hands out columns of the row count and reuses the ones given back', () => {
    const pool = new ColumnPool(3, [data]);
    const first = pool.take();
    assert.equal(first.length, 3);
    assert.notEqual(pool.take(), first, 'a column in use is not handed out twice');
    pool.release(first);
    assert.equal(pool.take(), first);
  });

  it('never hands out or takes in a data column', () => {
    const pool = new ColumnPool(3, [data]);
    pool.release(data);
    const taken = pool.take();
    assert.notEqual(taken, data);
    assert.equal(pool.isScratch(data), false);
    assert.equal(pool.isScratch(taken), true);
    assert.notEqual(pool.writable(data), data, 'a data column is copied into scratch before being written');
    assert.equal(pool.writable(taken), taken, 'a scratch column is written in place');
  });

  it('leaves the data intact through evaluations that reuse its scratch columns', () => {
    const x = Float64Array.from([1, 2, 3]);
    const e = binary('+', binary('*', constant(2), feature(0)), binary('/', feature(0), constant(4)));
    const values = new ColumnEvaluator([x]);
    const jacobian = new JacobianEvaluator([x]);
    const value = new Float64Array(3);
    const derivatives = [new Float64Array(3), new Float64Array(3)];
    for (let round = 0; round < 3; round++) {
      assert.deepEqual([...values.evaluate(e)!], [2.25, 4.5, 6.75]);
      assert.ok(jacobian.evaluate(e, value, derivatives));
      assert.deepEqual([...value], [2.25, 4.5, 6.75]);
      assert.deepEqual([...derivatives[0]!], [1, 2, 3]);
      assert.deepEqual([...derivatives[1]!], [-1 / 16, -2 / 16, -3 / 16]);
    }
    assert.deepEqual([...x], [1, 2, 3]);
  });
});
