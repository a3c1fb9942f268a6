import assert from 'node:assert/strict';
import { selectDataset } from '../../../src/data/index';
import { listFileParts, loadFile } from '../../../src/data/loadFile';
import { xlsxBytes } from './binaryFixtures';
import { column, loadError, tempFolder } from './binaryHelpers';

describe('data: Excel workbooks', () => {
  const folder = tempFolder();
  const rows = (n: number) => Array.from({ length: n }, (_, i) => [i, i * i, i % 2 === 0 ? 'even' : 'odd']);
  const workbook = () =>
    xlsxBytes([
      { name: 'Notes & <plans>', rows: [['written by hand'], ['no numbers here']] },
      { name: 'Run 2', rows: [['t', 'h', 'kind'], ...rows(8)] },
      { name: 'dates', rows: [['day', 'v'], [new Date(Date.UTC(2024, 0, 1)), 1], [new Date(Date.UTC(2024, 0, 2)), 2], [new Date(Date.UTC(2024, 0, 3)), 3]] },
    ]);

  it('lists the sheets, reads the one asked for by name or number, with the header row', async () => {
    const path = await folder.write('lab.xlsx', await workbook());
    assert.deepEqual(await listFileParts(path), ['Notes & <plans>', 'Run 2', 'dates']);
    const t = await loadFile(path, { sheet: 'run 2' });
    assert.equal(t.format, 'xlsx');
    assert.equal(t.part, 'Run 2');
    assert.deepEqual(t.parts, ['Notes & <plans>', 'Run 2', 'dates']);
    assert.equal(t.rows, 8);
    assert.deepEqual(t.columns.map((c) => [c.name, c.type]), [['t', 'number'], ['h', 'number'], ['kind', 'text']]);
    assert.deepEqual(column(t, 'h').values, [0, 1, 4, 9, 16, 25, 36, 49]);
    assert.deepEqual(selectDataset(t, { target: 'h' }).featureNames, ['t']);
    const byNumber = await loadFile(path, { sheet: '2', rows: { first: 3, last: 5 } });
    assert.deepEqual(column(byNumber, 't').values, [2, 3, 4]);
    assert.equal(byNumber.totalRows, 8);
  });

  it('reads the first sheet by default and explains why it has no numbers', async () => {
    const path = await folder.write('notes.xlsx', await workbook());
    const e = await loadError(path, 'no-numeric-columns');
    assert.match(e.message, /no numeric columns: "written by hand" \(text\) has "no numbers here" in row 1/);
  });

  it('keeps dates as text and says how to use them', async () => {
    const t = await loadFile(await folder.write('dates.xlsx', await workbook()), { sheet: 'dates' });
    assert.equal(column(t, 'day').type, 'date');
    assert.throws(() => selectDataset(t, { target: 'day' }), /"day" \(date\) is not numeric: "2024-01-01T00:00:00\.000Z" in row 1 is not a number.*dates and times are not read as numbers/);
  });

  it('names the sheets when the one asked for is not there', async () => {
    const e = await loadError(await folder.write('missing.xlsx', await workbook()), 'unknown-part', { sheet: 'Run 3' });
    assert.match(e.message, /there is no sheet "Run 3"; the sheets are "Notes & <plans>", "Run 2", "dates"/);
  });

  it('gives one clear line for a damaged workbook, a zip that is no workbook, and an old .xls', async () => {
    const bytes = await workbook();
    const cut = await loadError(await folder.write('cut.xlsx', bytes.subarray(0, bytes.length / 2)), 'malformed');
    assert.match(cut.message, /not a readable Excel \(\.xlsx\) file/);
    const { zipSync } = await import('fflate');
    const zip = await loadError(await folder.write('other.xlsx', zipSync({ 'readme.txt': new TextEncoder().encode('hi') })), 'malformed');
    assert.match(zip.message, /a zip archive without xl\/workbook\.xml/);
    const ole = await loadError(await folder.write('old.xlsx', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), 'malformed');
    assert.match(ole.message, /old Excel \.xls/);
  });
});
