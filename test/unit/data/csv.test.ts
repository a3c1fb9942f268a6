import assert from 'node:assert/strict';
import { detectHeader, parseTable } from '../../../src/data/index';
import { lines, names, values } from './helpers';

describe('data: delimited text', () => {
  describe('delimiters', () => {
    it('reads comma-separated values with a header', () => {
      const t = parseTable('x,y\n1,2\n3,4.5\n-1e2,+6\n', { fileName: 'a.csv' });
      assert.equal(t.format, 'csv');
      assert.equal(t.delimiter, ',');
      assert.equal(t.hasHeader, true);
      assert.equal(t.headerLine, 1);
      assert.deepEqual(names(t), ['x', 'y']);
      assert.deepEqual(values(t, 'x'), [1, 3, -100]);
      assert.deepEqual(values(t, 'y'), [2, 4.5, 6]);
      assert.equal(t.rows, 3);
      assert.deepEqual(lines(t), [2, 3, 4]);
      assert.deepEqual(t.warnings, []);
    });

    it('reads semicolon-separated values with decimal commas', () => {
      const t = parseTable('x;y\n1,5;2,25\n-0,5;3\n4.5;1e1\n');
      assert.equal(t.delimiter, ';');
      assert.equal(t.decimalComma, true);
      assert.deepEqual(values(t, 'x'), [1.5, -0.5, 4.5]);
      assert.deepEqual(values(t, 'y'), [2.25, 3, 10]);
    });

    it('tells decimal-comma semicolon data from comma data even without a header', () => {
      const t = parseTable('1,5;2,5\n3,5;4,5\n5,5;6,5\n');
      assert.equal(t.delimiter, ';');
      assert.deepEqual(names(t), ['x1', 'x2']);
      assert.deepEqual(values(t, 'x2'), [2.5, 4.5, 6.5]);
    });

    it('does not read decimal commas in comma- or tab-separated text', () => {
      const t = parseTable('x\ty\n1,5\t2\n3\t4\n');
      assert.equal(t.delimiter, '\t');
      assert.equal(t.decimalComma, false);
      const x = t.columns[0]!;
      assert.equal(x.numeric, false);
      assert.deepEqual(x.firstNonNumeric, { line: 2, column: 1, text: '1,5' });
    });

    it('reads tab-separated values, with empty cells as missing', () => {
      const t = parseTable('a\tb\tc\n1\t\t3\n4\t5\t6\n');
      assert.equal(t.format, 'tsv');
      assert.equal(t.delimiter, '\t');
      assert.deepEqual(values(t, 'b'), [NaN, 5]);
      assert.equal(t.columns[1]!.missing, 1);
      assert.equal(t.columns[1]!.numeric, true);
    });

    it('uses tabs for .tsv files and the tsv format', () => {
      const text = 'a b\tc\n1\t2\n3\t4\n';
      for (const t of [parseTable(text, { fileName: 'd.tsv' }), parseTable(text, { format: 'tsv' })]) {
        assert.equal(t.delimiter, '\t');
        assert.deepEqual(names(t), ['a b', 'c']);
      }
    });

    it('reads pipe-separated values', () => {
      const t = parseTable('x|y\n1|2\n3|4\n');
      assert.equal(t.delimiter, '|');
      assert.deepEqual(values(t, 'y'), [2, 4]);
    });

    it('reads whitespace-separated numbers with ragged spacing and tabs', () => {
      const t = parseTable('  t    x  \n  0.0  1.5\n  1.0\t\t2.5 \n10 -3\n');
      assert.equal(t.delimiter, 'whitespace');
      assert.deepEqual(names(t), ['t', 'x']);
      assert.deepEqual(values(t, 't'), [0, 1, 10]);
      assert.deepEqual(values(t, 'x'), [1.5, 2.5, -3]);
    });

    it('prefers commas to whitespace when cells are padded after the comma', () => {
      const t = parseTable('x, y\n1, 2\n3, 4\n');
      assert.equal(t.delimiter, ',');
      assert.deepEqual(names(t), ['x', 'y']);
      assert.deepEqual(values(t, 'y'), [2, 4]);
    });

    it('reads a single column as one column', () => {
      const t = parseTable('y\n1\n2\n3\n');
      assert.deepEqual(names(t), ['y']);
      assert.deepEqual(values(t, 'y'), [1, 2, 3]);
    });

    it('handles CRLF and CR line endings', () => {
      for (const nl of ['\r\n', '\r']) {
        const t = parseTable(['x,y', '1,2', '', '3,4', ''].join(nl));
        assert.deepEqual(values(t, 'y'), [2, 4]);
        assert.deepEqual(lines(t), [2, 4]);
      }
    });

    it('ignores a byte-order mark and trailing delimiters', () => {
      const t = parseTable('\uFEFFx,y,\n1,2,\n3,4,,\n');
      assert.deepEqual(names(t), ['x', 'y']);
      assert.deepEqual(values(t, 'y'), [2, 4]);
      assert.deepEqual(t.warnings, []);
      const headerless = parseTable('1,2,\n3,4,\n');
      assert.deepEqual(names(headerless), ['x1', 'x2']);
    });
  });

  describe('quoted fields', () => {
    it('keeps delimiters, quotes and line breaks inside quoted fields', () => {
      const text = '"mass, kg","say ""hi""","multi\nline"\n"1,5",2,"3"\n4,5,6\n';
      const t = parseTable(text);
      assert.deepEqual(names(t), ['mass, kg', 'say "hi"', 'multi\nline']);
      assert.equal(t.headerLine, 1);
      assert.deepEqual(lines(t), [3, 4]);
      const mass = t.columns[0]!;
      assert.equal(mass.numeric, false);
      assert.deepEqual(mass.firstNonNumeric, { line: 3, column: 1, text: '1,5' });
      assert.deepEqual(values(t, 'multi\nline'), [3, 6]);
    });

    it('numbers rows after a quoted field that spans lines', () => {
      const t = parseTable('x,y\n1,"2"\n3,"4\n"\n5,6\n7,8\n');
      assert.deepEqual(lines(t), [2, 3, 5, 6]);
      assert.deepEqual(values(t, 'y'), [2, 4, 6, 8]);
    });
  });

  describe('comments and blank lines', () => {
    it('skips # and % comment lines, indented ones and blank lines, and keeps line numbers', () => {
      const text = [
        '# Hubble 1929, "Table 1"',
        '% units: Mpc, km/s',
        '',
        'D,v',
        '0.032,170',
        '   # an indented comment, with "quotes"',
        '',
        '0.034,290',
        '  ,  ',
        '0.214,-130',
      ].join('\n');
      const t = parseTable(text);
      assert.deepEqual(names(t), ['D', 'v']);
      assert.equal(t.headerLine, 4);
      assert.deepEqual(values(t, 'v'), [170, 290, -130]);
      assert.deepEqual(lines(t), [5, 8, 10]);
    });
  });

  describe('header detection', () => {
    it('names columns x1..xn when the first row is numeric', () => {
      const t = parseTable('1,2,3\n4,5,6\n');
      assert.equal(t.hasHeader, false);
      assert.equal(t.headerLine, undefined);
      assert.deepEqual(names(t), ['x1', 'x2', 'x3']);
      assert.deepEqual(lines(t), [1, 2]);
    });

    it('takes a first row with text above numbers as the header, even with a number-like name', () => {
      const t = parseTable('x,2019\n1,2\n3,4\n');
      assert.equal(t.hasHeader, true);
      assert.deepEqual(names(t), ['x', '2019']);
    });

    it('does not take a text column of a headerless file for a header', () => {
      const t = parseTable('Bob,1,2\nAlice,3,4\nCarol,5,6\n');
      assert.equal(t.hasHeader, false);
      assert.deepEqual(names(t), ['x1', 'x2', 'x3']);
      assert.equal(t.columns[0]!.numeric, false);
      assert.deepEqual(t.columns[0]!.firstNonNumeric, { line: 1, column: 1, text: 'Bob' });
      assert.deepEqual(values(t, 'x3'), [2, 4, 6]);
    });

    it('takes a first row with more numbers than text for data with a bad cell', () => {
      const t = parseTable('1,oops,3\n4,5,6\n7,8,9\n');
      assert.equal(t.hasHeader, false);
      assert.deepEqual(values(t, 'x1'), [1, 4, 7]);
      assert.deepEqual(t.columns[1]!.firstNonNumeric, { line: 1, column: 3, text: 'oops' });
    });

    it('treats missing-value tokens in the first row as data, not as a header', () => {
      const t = parseTable('NA,1\n2,3\n');
      assert.equal(t.hasHeader, false);
      assert.deepEqual(values(t, 'x1'), [NaN, 2]);
    });

    it('trims header names and names empty header cells by position', () => {
      const t = parseTable(' a ,,c\n1,2,3\n');
      assert.deepEqual(names(t), ['a', 'x2', 'c']);
    });
  });

  describe('selections', () => {
    const doc = 'time,temp,y\n0,20.5,1\n1,21.0,2\n2,oops,3\n3,22.5,4\n';
    const header = detectHeader(doc, { fileName: 'run.csv' });

    it('detects the header of the whole document', () => {
      assert.deepEqual(header, ['time', 'temp', 'y']);
      assert.equal(detectHeader('1,2\n3,4\n'), undefined);
      assert.equal(detectHeader('[{"x": 1}]'), undefined);
    });

    it('uses the fallback header and reports lines of the original document', () => {
      const selection = '1,21.0,2\n2,oops,3\n3,22.5,4\n';
      const t = parseTable(selection, { fileName: 'run.csv', lineOffset: 2, fallbackHeader: header! });
      assert.equal(t.hasHeader, false);
      assert.deepEqual(names(t), ['time', 'temp', 'y']);
      assert.deepEqual(lines(t), [3, 4, 5]);
      assert.deepEqual(t.columns[1]!.firstNonNumeric, { line: 4, column: 3, text: 'oops' });
      assert.match(t.warnings[0]!, /^run\.csv:4:3: column "temp" is not numeric because of "oops"/);
    });

    it('prefers a header inside the selection to the fallback header', () => {
      const t = parseTable(doc, { lineOffset: 0, fallbackHeader: ['a', 'b', 'c'] });
      assert.deepEqual(names(t), ['time', 'temp', 'y']);
    });

    it('ignores a fallback header of the wrong length, with a warning', () => {
      const t = parseTable('1,2\n3,4\n', { fileName: 'run.csv', lineOffset: 7, fallbackHeader: ['a', 'b', 'c'] });
      assert.deepEqual(names(t), ['x1', 'x2']);
      assert.deepEqual(lines(t), [8, 9]);
      assert.deepEqual(t.warnings, [
        'run.csv: the header given for the selection has 3 names but the data has 2 columns; the columns are named x1..x2',
      ]);
    });
  });

  describe('non-numeric cells and skipped rows', () => {
    it('locates the first non-numeric cell by line and character column', () => {
      const t = parseTable('a,b,c\n1,2,3\n4, "x y" ,6\n7,z,9\n', { fileName: 'f.csv' });
      const b = t.columns[1]!;
      assert.equal(b.numeric, false);
      assert.equal(b.nonNumeric, 2);
      assert.deepEqual(b.firstNonNumeric, { line: 3, column: 4, text: ' "x y" ' });
      assert.equal(t.columns[2]!.numeric, true);
    });

    it('locates cells in whitespace-separated and quoted rows', () => {
      const ws = parseTable('a b c\n1   2   3\n4  five 6\n');
      assert.deepEqual(ws.columns[1]!.firstNonNumeric, { line: 3, column: 4, text: 'five' });
      const q = parseTable('"a,1",b\n"x,y",2\n3,4\n');
      assert.deepEqual(q.columns[0]!.firstNonNumeric, { line: 2, column: 1, text: 'x,y' });
      const after = parseTable('"a,1",b,c\n"1,2",q,3\n');
      assert.deepEqual(after.columns[1]!.firstNonNumeric, { line: 2, column: 7, text: 'q' });
    });

    it('keeps infinite values and counts missing tokens', () => {
      const t = parseTable('x,y\ninf,NaN\n-Infinity,NA\n1,\n2,4\n');
      assert.deepEqual(values(t, 'x'), [Infinity, -Infinity, 1, 2]);
      assert.equal(t.columns[1]!.missing, 3);
      assert.equal(t.columns[1]!.numeric, true);
    });

    it('skips up to three rows with the wrong number of fields, with a warning', () => {
      const t = parseTable('x,y,z\n1,2,3\n4,5\n6,7,8\n9,10,11,12\n', { fileName: 'r.csv' });
      assert.deepEqual(values(t, 'x'), [1, 6]);
      assert.deepEqual(lines(t), [2, 4]);
      assert.deepEqual(t.warnings, ['r.csv:3: skipped 2 rows with the wrong number of fields (lines 3, 5)']);
      const one = parseTable('x,y\n1,2\n3\n4,5\n');
      assert.deepEqual(one.warnings, ['line 3: skipped a row with 1 field where the header has 2']);
    });
  });

  describe('format choice', () => {
    it('sniffs JSON from the text, and follows the extension or the format option', () => {
      assert.equal(parseTable('  [{"x": 1, "y": 2}]').format, 'json');
      assert.equal(parseTable('x,y\n1,2\n').format, 'csv');
      assert.equal(parseTable('[{"x": 1, "y": 2}]', { fileName: 'data.txt' }).format, 'json');
      assert.equal(parseTable('x;y\n1;2\n', { fileName: 'data.json', format: 'csv' }).format, 'csv');
    });
  });
});
