import assert from 'node:assert/strict';
import { parseTable } from '../../../src/data/index';
import { lines, names, values } from './helpers';

describe('data: JSON', () => {
  it('reads an array of objects, one row per object, with line numbers', () => {
    const text = '[\n  {"x": 1, "y": 2},\n  {"x": "3.5", "y": null},\n  {"y": 6, "x": -1e2}\n]\n';
    const t = parseTable(text, { fileName: 'd.json' });
    assert.equal(t.format, 'json');
    assert.equal(t.delimiter, undefined);
    assert.equal(t.hasHeader, true);
    assert.deepEqual(names(t), ['x', 'y']);
    assert.deepEqual(values(t, 'x'), [1, 3.5, -100]);
    assert.deepEqual(values(t, 'y'), [2, NaN, 6]);
    assert.equal(t.columns[1]!.missing, 1);
    assert.deepEqual(lines(t), [2, 3, 4]);
  });

  it('takes the union of keys, with absent keys as missing', () => {
    const t = parseTable('[{"a": 1}, {"a": 2, "b": 3}]');
    assert.deepEqual(names(t), ['a', 'b']);
    assert.deepEqual(values(t, 'b'), [NaN, 3]);
    assert.equal(t.columns[1]!.missing, 1);
  });

  it('reads an object of column arrays, numbering rows by the first array', () => {
    const text = '{\n  "x": [\n    1,\n    2,\n    3\n  ],\n  "y": ["4", "NaN", 6]\n}';
    const t = parseTable(text);
    assert.deepEqual(names(t), ['x', 'y']);
    assert.deepEqual(values(t, 'y'), [4, NaN, 6]);
    assert.deepEqual(lines(t), [3, 4, 5]);
  });

  it('reads an array of arrays whose first row is the header', () => {
    const t = parseTable('[["D", "v"],\n [0.03, 170],\n [0.26, -70],\n [0.9, null]]');
    assert.equal(t.hasHeader, true);
    assert.equal(t.headerLine, 1);
    assert.deepEqual(names(t), ['D', 'v']);
    assert.deepEqual(values(t, 'v'), [170, -70, NaN]);
    assert.deepEqual(lines(t), [2, 3, 4]);
  });

  it('names the columns of an array of number arrays x1..xn, or from the fallback header', () => {
    const plain = parseTable('[[1, 2], [3, 4]]');
    assert.equal(plain.hasHeader, false);
    assert.deepEqual(names(plain), ['x1', 'x2']);
    const named = parseTable('[[1, 2], [3, 4]]', { fallbackHeader: ['a', 'b'], lineOffset: 4 });
    assert.deepEqual(names(named), ['a', 'b']);
    assert.deepEqual(lines(named), [5, 5]);
  });

  it('unwraps an object with a single key holding the table', () => {
    const t = parseTable('{"data": [{"x": 1, "y": 2}, {"x": 3, "y": 4}]}');
    assert.deepEqual(values(t, 'y'), [2, 4]);
  });

  it("accepts NaN and Infinity literals as Python's json module writes them", () => {
    const t = parseTable('{"x": [1, NaN, 3], "y": [-Infinity, 2, Infinity], "s": ["NaN", "x", "y"]}');
    assert.deepEqual(values(t, 'x'), [1, NaN, 3]);
    assert.deepEqual(values(t, 'y'), [-Infinity, 2, Infinity]);
    assert.equal(t.columns[2]!.numeric, false);
  });

  it('locates the first non-numeric cell of each shape', () => {
    const records = parseTable('[\n {"x": 1, "y": 2},\n {"x": 2, "y": true}\n]');
    assert.deepEqual(records.columns[1]!.firstNonNumeric, { line: 3, column: 16, text: 'true' });
    const columns = parseTable('{"x": [1, 2, 3],\n "y": [4, 5, [6]]}', { lineOffset: 10 });
    assert.deepEqual(columns.columns[1]!.firstNonNumeric, { line: 12, column: 14, text: '[6]' });
    const rows = parseTable('[["a", "b"],\n [1, 2],\n [3, "four"]]');
    assert.deepEqual(rows.columns[1]!.firstNonNumeric, { line: 3, column: 6, text: 'four' });
  });

  it('skips a few rows of an array of arrays with the wrong length', () => {
    const t = parseTable('[["a", "b"],\n [1, 2],\n [3],\n [4, 5, null]]', { fileName: 'r.json' });
    assert.deepEqual(values(t, 'a'), [1, 4]);
    assert.deepEqual(t.warnings, ['r.json:3: skipped a row with 1 field where the header has 2']);
  });
});
