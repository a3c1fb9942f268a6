import assert from 'node:assert/strict';
import { DataError, parseTable, selectDataset } from '../../../src/data/index';
import { dataError } from './helpers';

const table = (text: string) => parseTable(text, { fileName: 'data.csv' });

describe('data: errors', () => {
  it('formats the location as file:line:column, or in words without a file', () => {
    assert.equal(new DataError('empty', 'boom', { file: 'a.csv', line: 3, column: 7 }).message, 'a.csv:3:7: boom');
    assert.equal(new DataError('empty', 'boom', { file: 'a.csv', line: 3 }).message, 'a.csv:3: boom');
    assert.equal(new DataError('empty', 'boom', { file: 'a.csv' }).message, 'a.csv: boom');
    assert.equal(new DataError('empty', 'boom', { line: 3, column: 7 }).message, 'line 3, column 7: boom');
    assert.equal(new DataError('empty', 'boom').message, 'boom');
    const e = new DataError('non-numeric', 'bad', { file: 'a.csv', line: 2, column: 4, columnName: 'v' });
    assert.equal(e.detail, 'bad');
    assert.equal(e.columnName, 'v');
    assert.ok(e instanceof Error);
  });

  it('rejects empty text and text with only comments and blank lines', () => {
    for (const text of ['', '  \n\n', '# just a comment\n\n% another\n']) {
      const e = dataError(() => table(text), 'empty');
      assert.equal(e.message, 'data.csv: no data: the text is empty or has only comments and blank lines');
    }
    assert.equal(dataError(() => parseTable('  ', { format: 'json' }), 'empty').message, 'no data: the text is empty');
    assert.equal(dataError(() => parseTable('[]'), 'empty').message, 'line 1, column 1: no data: the JSON array is empty');
  });

  it('rejects a header without data rows', () => {
    const e = dataError(() => table('# units\nx,y\n\n'), 'no-data-rows');
    assert.equal(e.message, 'data.csv:2: no data rows: only a header (line 2)');
    assert.equal(e.line, 2);
  });

  it('rejects a table without numeric columns, showing the first text cells', () => {
    const e = dataError(() => table('name,city\nBob,Paris\nAnn,Rome\n'), 'no-numeric-columns');
    assert.equal(e.message, 'data.csv:2:1: no numeric columns: "name" has "Bob" at line 2, "city" has "Paris" at line 2');
    assert.equal(e.columnName, 'name');
    const empty = dataError(() => table('a,b\n,\nNA,\n'), 'no-numeric-columns');
    assert.equal(empty.message, 'data.csv: no numeric columns: every cell is empty or a missing value');
  });

  it('names a target or feature that does not exist, with the available columns', () => {
    const t = table('D,v\n1,2\n2,3\n3,5\n4,4\n5,6\n');
    const e = dataError(() => selectDataset(t, { target: 'speed' }), 'unknown-column');
    assert.equal(e.message, 'data.csv: target "speed" is not a column; the columns are "D", "v"');
    assert.equal(e.columnName, 'speed');
    const f = dataError(() => selectDataset(t, { target: 'v', features: ['d', 'dist'] }), 'unknown-column');
    assert.equal(f.message, 'data.csv: feature "dist" is not a column; the columns are "D", "v"');
  });

  it('shows the first non-numeric cell of a non-numeric target or feature', () => {
    const t = table('x,y,z\n1,2,3\n2,3,4\n3,4,5\n4,5,6\n5,n/a?,7\n6,?,8\n7,7,x\n');
    const e = dataError(() => selectDataset(t, { target: 'y' }), 'non-numeric');
    assert.equal(e.message, 'data.csv:6:3: target "y" is not numeric: "n/a?" is not a number (2 non-numeric cells in all)');
    assert.deepEqual([e.line, e.column, e.columnName], [6, 3, 'y']);
    const f = dataError(() => selectDataset(t, { target: 'x', features: ['z'] }), 'non-numeric');
    assert.equal(f.message, 'data.csv:8:5: feature "z" is not numeric: "x" is not a number');
  });

  it('hints at decimal commas when a comma-separated cell uses one', () => {
    const t = table('x\ty\n1\t2,5\n2\t3\n');
    const e = dataError(() => selectDataset(t, { target: 'y' }), 'non-numeric');
    assert.equal(e.message, `data.csv:2:3: target "y" is not numeric: "2,5" is not a number; decimal commas are read only in ';'-separated files`);
  });

  it('rejects a target with no numbers at all', () => {
    const t = table('x,y\n1,\n2,NA\n');
    assert.equal(dataError(() => selectDataset(t, { target: 'y' }), 'non-numeric').message, 'data.csv: target "y" has no numbers: all 2 cells are empty or missing');
  });

  it('fails clearly on more than a few rows with the wrong number of fields', () => {
    const rows = ['a,b,c', '1,2,3', '4,5', '6,7,8', '9,10', '11,12', '13,14,15,16', '17,18', '1,2,3'];
    const e = dataError(() => table(rows.join('\n')), 'ragged');
    assert.equal(
      e.message,
      'data.csv:3: a row with 2 fields where the header has 3; 5 rows have the wrong number of fields (lines 3, 5, 6, 7, 8): check the delimiter and quoting, or fix those rows',
    );
    assert.equal(e.line, 3);
    const headerless = dataError(() => table('1,2,3\n1,2,3\n1,2\n1,2,3\n1,2\n1,2\n1,2,3\n1,2\n1,2,3\n'), 'ragged');
    assert.match(headerless.message, /^data\.csv:3: a row with 2 fields where most rows have 3; 4 rows have the wrong number of fields \(lines 3, 5, 6, 8\)/);
  });

  it('needs at least five usable rows after dropping', () => {
    const short = table('x,y\n1,2\n2,3\n3,5\n');
    assert.equal(dataError(() => selectDataset(short, { target: 'y' }), 'too-few-rows').message, 'data.csv: only 3 data rows; at least 5 are needed');
    const holes = table('x,y\n1,2\n2,\n,5\n4,4\n5,6\n6,7\n');
    assert.equal(
      dataError(() => selectDataset(holes, { target: 'y' }), 'too-few-rows').message,
      'data.csv: only 4 usable rows: 2 of 6 were dropped for missing values ("y": 1, "x": 1; lines 3, 4); at least 5 are needed',
    );
    assert.equal(selectDataset(short, { target: 'y', minRows: 3 }).rows, 3);
  });

  it('rejects a constant target', () => {
    const t = table('x,y\n1,2.5\n2,2.5\n3,2.5\n4,2.5\n5,2.5\n6,\n');
    assert.equal(
      dataError(() => selectDataset(t, { target: 'y' }), 'constant-target').message,
      'data.csv: target "y" is constant (2.5 in all 5 usable rows): there is nothing to explain',
    );
  });

  it('rejects a dataset without features, or with the target among them', () => {
    const t = table('x,y,label\n1,2,a\n2,3,b\n3,5,c\n4,4,d\n5,6,e\n');
    assert.equal(dataError(() => selectDataset(t, { target: 'x', features: [] }), 'no-features').message, 'data.csv: no features given');
    assert.equal(dataError(() => selectDataset(t, { target: 'y', features: ['x', 'y'] }), 'no-features').message, 'data.csv: "y" is the target and cannot also be a feature');
    assert.equal(dataError(() => selectDataset(t, { target: 'y', features: ['x', 'x'] }), 'no-features').message, 'data.csv: feature "x" is listed twice');
    const single = table('y\n1\n2\n3\n4\n5\n');
    assert.equal(dataError(() => selectDataset(single, { target: 'y' }), 'no-features').message, 'data.csv: no feature columns: "y" is the only numeric column');
  });

  it('rejects duplicate column names where they are', () => {
    const e = dataError(() => table('# header below\nx, y ,x\n1,2,3\n'), 'duplicate-column');
    assert.equal(e.message, 'data.csv:2:7: duplicate column name "x" (columns 1 and 3); rename one of them');
    assert.deepEqual([e.line, e.column, e.columnName], [2, 7, 'x']);
    const fallback = dataError(() => parseTable('1,2\n3,4\n', { fallbackHeader: ['a', 'a'] }), 'duplicate-column');
    assert.equal(fallback.message, 'duplicate column name "a" (columns 1 and 2); rename one of them');
    const json = dataError(() => parseTable('{"x": [1],\n "x": [2]}', { fileName: 'd.json' }), 'duplicate-column');
    assert.equal(json.message, 'd.json:2:7: duplicate column name "x" (columns 1 and 2); rename one of them');
    const rows = dataError(() => parseTable('[["a", "a"], [1, 2]]'), 'duplicate-column');
    assert.equal(rows.message, 'line 1, column 8: duplicate column name "a" (columns 1 and 2); rename one of them');
  });

  it('reports unterminated and malformed quotes where the field starts', () => {
    const open = dataError(() => table('x,y\n1,2\n3,"4\n5,6\n'), 'quotes');
    assert.equal(open.message, 'data.csv:3:3: a quoted field is never closed (missing closing ")');
    const bad = dataError(() => table('x,y\n"1"a,2\n3,4\n'), 'quotes');
    assert.equal(bad.line, 2);
    assert.equal(bad.column, 1);
    assert.match(bad.message, /^data\.csv:2:1: malformed quoted field/);
  });

  it('converts JSON syntax errors to line:column of the original document', () => {
    const cases: [string, number, number, string][] = [
      ['{"x": [1, 2],\n "y": [3, 4,]\n}', 2, 12, "trailing comma before ']'"],
      ['[\n  {"x": 1}\n  {"x": 2}\n]', 3, 3, "expected ',' or ']' after an array element"],
      ['{"x": [1, 2]', 1, 13, 'unexpected end of input'],
      ["[{'x': 1}]", 1, 3, 'expected a property name in double quotes'],
      ['{"x": [1, 2]}\nextra', 2, 1, 'unexpected text after the end of the JSON value'],
      ['{"x": [01]}', 1, 8, 'invalid number'],
      ['{"x": ["a\nb"]}', 1, 8, 'unterminated string (line break inside a string)'],
      ['[tru]', 1, 2, 'unexpected character "t"'],
    ];
    for (const [text, line, column, problem] of cases) {
      const e = dataError(() => parseTable(text, { fileName: 'd.json', lineOffset: 100 }), 'json-syntax');
      assert.equal(e.message, `d.json:${line + 100}:${column}: malformed JSON: ${problem}`, text);
    }
  });

  it('rejects JSON of an unsupported shape', () => {
    const shapes =
      'expected an array of objects ([{"x": 1, "y": 2}, ...]), an object of column arrays ({"x": [...], "y": [...]}) or an array of arrays whose first row is the header';
    const cases: [string, string][] = [
      ['42', `line 1, column 1: unsupported JSON: a number is not a table; ${shapes}`],
      ['[1, 2, 3]', `line 1, column 2: unsupported JSON: an array of numbers; ${shapes}`],
      ['[null, null]', `line 1, column 1: unsupported JSON: an array of nulls; ${shapes}`],
      ['[null, {"x": 1}]', `line 1, column 2: unsupported JSON: element 1 of the array is null, not an object like element 2; ${shapes}`],
      ['{"x": [1, 2],\n "meta": "run 3"}', `line 2, column 10: unsupported JSON: key "meta" holds a string, not an array of values; ${shapes}`],
      ['[{"x": 1},\n [2]]', `line 2, column 2: unsupported JSON: element 2 of the array is an array, not an object like element 1; ${shapes}`],
      ['[[1, 2],\n {"x": 2}]', `line 2, column 2: unsupported JSON: element 2 of the array is an object, not an array like element 1; ${shapes}`],
    ];
    for (const [text, message] of cases) {
      assert.equal(dataError(() => parseTable(text, { format: 'json' }), 'json-shape').message, message, text);
    }
  });

  it('rejects JSON column arrays of different lengths', () => {
    const e = dataError(() => parseTable('{\n  "x": [1, 2, 3],\n  "y": [1, 2]\n}', { fileName: 'd.json' }), 'json-length');
    assert.equal(e.message, 'd.json:3:8: column arrays have different lengths: "x" has 3 values but "y" has 2');
  });

  it('rejects binary content and bad options', () => {
    assert.equal(
      dataError(() => parseTable('PK\u0003\u0004\u0000\u0000', { fileName: 'book.xlsx' }), 'binary').message,
      'book.xlsx: this is not a text file (it contains NUL bytes); save the data as CSV, TSV or JSON',
    );
    assert.equal(dataError(() => parseTable('1,2', { lineOffset: -1 }), 'invalid-option').message, 'lineOffset must be a non-negative integer, not -1');
  });
});
