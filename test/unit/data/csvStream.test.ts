import assert from 'node:assert/strict';
import { DataError, parseTable } from '../../../src/data/index';
import { bytesSource } from '../../../src/data/byteSource';
import { readDelimitedStream } from '../../../src/data/delimitedStream';
import { loadFile } from '../../../src/data/loadFile';
import { TextChunker } from '../../../src/data/textChunks';
import { tempFolder } from './binaryHelpers';

describe('data: CSV read in pieces', () => {
  const folder = tempFolder();

  it('cuts text only after line breaks outside quotes', () => {
    const chunker = new TextChunker();
    assert.equal(chunker.push('a,b\n1,"x'), 'a,b\n');
    assert.equal(chunker.push('\ny"\n2,'), '1,"x\ny"\n');
    assert.equal(chunker.push('""'), '');
    assert.equal(chunker.push('\n3,4'), '2,""\n');
    assert.equal(chunker.end(), '3,4');
  });

  const bytes = (text: string) => new TextEncoder().encode(text);

  it('reads text of many pieces as it reads the same text whole: values, lines and warnings', async () => {
    const lines = ['# made by the tests', 'x,y,note'];
    for (let i = 0; i < 20_000; i++) lines.push(i % 997 === 7 ? `${i},${2 * i},"two\nlines, é"` : `${i},${2 * i},ök`);
    lines.push('1,2,3,4,5', '');
    const text = lines.join('\n');
    let progress = 0;
    // Pieces of 1000 bytes cut rows, quoted line breaks and two-byte characters alike.
    const streamed = await readDelimitedStream(bytesSource(bytes(text)), { fileName: 'long.csv', onProgress: (f) => (progress = f) }, 1000);
    const whole = parseTable(text, { fileName: 'long.csv' });
    assert.equal(progress, 1);
    assert.equal(streamed.rows, 20_000);
    assert.deepEqual(streamed.columns.map((c) => c.name), ['x', 'y', 'note']);
    assert.deepEqual([...streamed.columns[1]!.values], [...whole.columns[1]!.values]);
    assert.deepEqual([...streamed.lineOfRow], [...whole.lineOfRow]);
    assert.deepEqual(streamed.warnings, whole.warnings);
    assert.deepEqual(streamed.columns[2], whole.columns[2]);
    assert.equal(streamed.totalRows, 20_001);
  });

  it('locates an error in a later piece on its line of the file', async () => {
    const lines = ['x,y'];
    for (let i = 0; i < 30_000; i++) lines.push(`${i},${i}`);
    lines.push('5,"open');
    await assert.rejects(readDelimitedStream(bytesSource(bytes(lines.join('\n'))), { fileName: 'late.csv' }, 4096), (e: unknown) => {
      assert.ok(e instanceof DataError);
      assert.equal(e.message, 'late.csv:30002:3: a quoted field is never closed (missing closing ")');
      return true;
    });
  });

  it('reads a file from disk the same way', async () => {
    const path = await folder.write('disk.csv', 'x,y\n1,2\n3,4\n5,6\n');
    const t = await loadFile(path);
    assert.deepEqual([...t.columns[1]!.values], [2, 4, 6]);
    assert.deepEqual([...t.lineOfRow], [2, 3, 4]);
  });

  it('keeps only the rows asked for, counted after the header, and stops reading after them', async () => {
    const lines = ['x,y'];
    for (let i = 1; i <= 20_000; i++) lines.push(`${i},${i * i}`);
    // A broken quote after the range is never reached.
    lines.push('1,"');
    const t = await readDelimitedStream(bytesSource(bytes(lines.join('\n'))), { rows: { first: 3, last: 7 } }, 4096);
    assert.deepEqual([...t.columns[0]!.values], [3, 4, 5, 6, 7]);
    assert.deepEqual([...t.lineOfRow], [4, 5, 6, 7, 8]);
    assert.equal(t.totalRows, undefined);
    const tail = parseTable('x,y\n1,1\n2,4\n3,9\n', { rows: { first: 2 } });
    assert.deepEqual([...tail.columns[1]!.values], [4, 9]);
    assert.equal(tail.totalRows, 3);
    assert.throws(() => parseTable('x,y\n1,1\n2,4\n', { rows: { first: 9 } }), /the row range 9: starts after the last row: there are 2 data rows/);
    assert.deepEqual([...parseTable('[{"x": 1}, {"x": 2}, {"x": 3}]', { rows: { first: 2, last: 2 } }).columns[0]!.values], [2]);
  });

  it('stops with the cancelled error once its signal is aborted', async () => {
    const abort = new AbortController();
    let pieces = 0;
    const source = bytesSource(bytes(`x,y\n${'1,2\n'.repeat(10_000)}`));
    await assert.rejects(
      readDelimitedStream(source, { fileName: 'cancel.csv', signal: abort.signal, onProgress: () => (++pieces === 2 ? abort.abort() : undefined) }, 1000),
      (e: unknown) => e instanceof DataError && e.code === 'cancelled' && e.message === 'cancel.csv: reading the data was cancelled',
    );
    assert.equal(pieces, 2);
  });
});
