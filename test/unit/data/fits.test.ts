import assert from 'node:assert/strict';
import { selectDataset } from '../../../src/data/index';
import { listFileParts, loadFile } from '../../../src/data/loadFile';
import { fitsFile, fitsTable } from './binaryFixtures';
import { column, loadError, tempFolder } from './binaryHelpers';

describe('data: FITS binary tables', () => {
  const folder = tempFolder();
  const n = 40;
  const mag = Array.from({ length: n }, (_, i) => 10 + i / 8);
  const period = Array.from({ length: n }, (_, i) => 1 + i);
  const catalogue = () =>
    fitsFile(
      fitsTable(
        [
          { name: 'PERIOD', form: 'D', values: period },
          { name: 'MAG', form: 'E', values: mag },
          { name: 'FLAG', form: 'J', values: period.map((p) => (p === 5 ? -999 : p % 3)), extra: { TNULL: -999 } },
          { name: 'COUNTS', form: 'I', values: period.map((p) => p - 1), extra: { TZERO: 32768, TSCAL: 2 } },
          { name: 'NAME', form: '8A', values: period.map((p) => `star${p}`) },
          { name: 'FLUX', form: '3E', values: period },
        ],
        'CEPHEIDS',
      ),
      fitsTable([{ name: 'X', form: 'D', values: [1, 2, 3, 4, 5, 6] }, { name: 'Y', form: 'K', values: [2, 4, 6, 8, 10, 12] }], 'CALIB'),
    );

  it('reads the first binary table: scaled and null values, text, the vector column left out', async () => {
    const path = await folder.write('cepheids.fits', catalogue());
    const t = await loadFile(path);
    assert.equal(t.format, 'fits');
    assert.equal(t.part, 'CEPHEIDS');
    assert.deepEqual(t.parts, ['CEPHEIDS', 'CALIB']);
    assert.equal(t.rows, n);
    assert.deepEqual(
      t.columns.map((c) => [c.name, c.type]),
      [['PERIOD', 'float64'], ['MAG', 'float32'], ['FLAG', 'int32'], ['COUNTS', 'int16'], ['NAME', 'string']],
    );
    assert.deepEqual(column(t, 'PERIOD').values, period);
    assert.deepEqual(column(t, 'MAG').values, mag.map(Math.fround));
    assert.ok(Number.isNaN(column(t, 'FLAG').values[4]));
    assert.equal(t.columns[2]!.missing, 1);
    assert.equal(column(t, 'COUNTS').values[3], 32768 + 2 * 3);
    assert.equal(column(t, 'NAME').numeric, false);
    assert.match(t.warnings.join('\n'), /column "FLUX" \(a vector of 3 float32\) is left out/);
    assert.deepEqual(selectDataset(t, { target: 'MAG' }).featureNames, ['PERIOD', 'FLAG', 'COUNTS']);
  });

  it('reads another table by EXTNAME or number, and a row range', async () => {
    const path = await folder.write('two.fits', catalogue());
    assert.deepEqual(await listFileParts(path), ['CEPHEIDS', 'CALIB']);
    const calib = await loadFile(path, { dataset: 'calib' });
    assert.deepEqual(column(calib, 'Y').values, [2, 4, 6, 8, 10, 12]);
    assert.equal(column(calib, 'Y').type, 'int64');
    const some = await loadFile(path, { dataset: '1', rows: { first: 11, last: 20 }, columns: ['mag'] });
    assert.deepEqual(some.columns.map((c) => c.name), ['MAG']);
    assert.deepEqual(column(some, 'MAG').values, mag.slice(10, 20).map(Math.fround));
    const e = await loadError(path, 'unknown-part', { dataset: 'PHOTOMETRY' });
    assert.match(e.message, /there is no table "PHOTOMETRY"; the binary tables are "CEPHEIDS", "CALIB"/);
  });

  it('gives one clear line for truncated and damaged files', async () => {
    const bytes = catalogue();
    const cut = await loadError(await folder.write('cut.fits', bytes.subarray(0, 2880 * 2 + 100)), 'malformed');
    assert.match(cut.message, /not a readable FITS file: the file ends inside a table/);
    const noEnd = new TextEncoder().encode('SIMPLE  =                    T'.padEnd(2880));
    const header = await loadError(await folder.write('noend.fits', noEnd), 'malformed');
    assert.match(header.message, /a header ends before its END card/);
    const damaged = bytes.slice();
    damaged.set(new TextEncoder().encode("TFORM1  = 'W'".padEnd(80)), 2880 + 80 * 9);
    const form = await loadError(await folder.write('form.fits', damaged), 'malformed');
    assert.match(form.message, /not a readable FITS file: /);
    const image = fitsFile();
    const none = await loadError(await folder.write('image.fits', image), 'no-data-rows');
    assert.match(none.message, /no binary table/);
  });
});
