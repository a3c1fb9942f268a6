import assert from 'node:assert/strict';
import { defaultFeatures, defaultTarget, findColumn, parseTable, selectDataset } from '../../../src/data/index';

describe('data: dataset selection', () => {
  it('chooses a column named y, target or output (any case) as the default target', () => {
    assert.equal(defaultTarget(parseTable('a,Y,b\n1,2,3\n')), 'Y');
    assert.equal(defaultTarget(parseTable('Output,a\n1,2\n')), 'Output');
    assert.equal(defaultTarget(parseTable('target,output\n1,2\n')), 'target');
    assert.equal(defaultTarget(parseTable('y,target\n1,2\n')), 'y');
  });

  it('otherwise chooses the last numeric column', () => {
    assert.equal(defaultTarget(parseTable('a,b,label\n1,2,x\n3,4,y\n')), 'b');
    assert.equal(defaultTarget(parseTable('1,2,3\n4,5,6\n')), 'x3');
  });

  it('uses every other numeric column as the default features', () => {
    const t = parseTable('a,name,b,y,c\n1,x,2,3,\n4,z,5,6,7\n');
    assert.deepEqual(defaultFeatures(t, 'y'), ['a', 'b', 'c']);
    assert.deepEqual(defaultFeatures(t, 'a'), ['b', 'y', 'c']);
  });

  it('finds columns by exact name, else by a unique case-insensitive match', () => {
    const t = parseTable('Mass,mass,Speed\n1,2,3\n');
    assert.equal(findColumn(t, 'mass')!.name, 'mass');
    assert.equal(findColumn(t, 'MASS'), undefined);
    assert.equal(findColumn(t, 'speed')!.name, 'Speed');
  });

  it('builds X and y from the chosen columns, in the order given', () => {
    const t = parseTable('a,b,y\n1,10,5\n2,20,6\n3,30,8\n4,40,9\n5,50,7\n');
    const d = selectDataset(t, { target: 'y', features: ['b', 'a'] });
    assert.equal(d.targetName, 'y');
    assert.deepEqual(d.featureNames, ['b', 'a']);
    assert.equal(d.rows, 5);
    assert.deepEqual([...d.y], [5, 6, 8, 9, 7]);
    assert.deepEqual(d.X.map((x) => [...x]), [
      [10, 20, 30, 40, 50],
      [1, 2, 3, 4, 5],
    ]);
    assert.deepEqual([...d.lineOfRow], [2, 3, 4, 5, 6]);
    assert.deepEqual(d.dropped, { rows: 0, byColumn: {}, firstLines: [] });
    d.y[0] = 99;
    assert.equal(t.columns[2]!.values[0], 5, 'the dataset does not share memory with the table');
  });

  it('drops rows with a missing or infinite value in a used column, and counts them', () => {
    const text = ['x,unused,z,y', '1,,1,1', ',1,2,2', '3,1,,', '4,1,4,4', '5,1,5,inf', '6,1,6,6', '7,1,7,7', '8,1,8,8', '9,1,9,9'].join('\n');
    const t = parseTable(text);
    const d = selectDataset(t, { target: 'y' });
    assert.deepEqual(d.featureNames, ['x', 'unused', 'z']);
    const only = selectDataset(t, { target: 'y', features: ['x', 'z'] });
    assert.equal(only.rows, 6);
    assert.deepEqual([...only.y], [1, 4, 6, 7, 8, 9]);
    assert.deepEqual([...only.lineOfRow], [2, 5, 7, 8, 9, 10]);
    assert.deepEqual(only.dropped, { rows: 3, byColumn: { y: 2, x: 1, z: 1 }, firstLines: [3, 4, 6] });
    assert.equal(d.rows, 5);
    assert.equal(d.dropped.byColumn.unused, 1);
  });

  it('keeps at most five example lines of dropped rows', () => {
    const rows = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? `${i},` : `${i},${i * i}`));
    const d = selectDataset(parseTable(['x,y', ...rows].join('\n')), { target: 'y' });
    assert.equal(d.rows, 10);
    assert.equal(d.dropped.rows, 10);
    assert.deepEqual(d.dropped.firstLines, [2, 4, 6, 8, 10]);
  });
});
