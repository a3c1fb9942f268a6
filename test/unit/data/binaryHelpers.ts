import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError, type DataErrorCode, type DataTable, type LoadOptions } from '../../../src/data/index';
import { loadFile } from '../../../src/data/loadFile';

/** A temporary folder for the files of one suite, removed after it. */
export function tempFolder(): { path(name: string): string; write(name: string, bytes: Uint8Array | string): Promise<string> } {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eqd-formats-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    path: (name) => join(dir, name),
    async write(name, bytes) {
      const path = join(dir, name);
      await writeFile(path, bytes);
      return path;
    },
  };
}

/** Loading must fail with a one-line DataError of this code that names the file. */
export async function loadError(path: string, code: DataErrorCode, options: LoadOptions = {}): Promise<DataError> {
  try {
    await loadFile(path, options);
  } catch (e) {
    assert.ok(e instanceof DataError, `expected a DataError, got ${e instanceof Error ? e.stack : String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.ok(!e.message.includes('\n'), `message is not one line: ${e.message}`);
    assert.ok(e.message.startsWith(`${path}: `), `message does not name the file: ${e.message}`);
    return e;
  }
  assert.fail(`expected a DataError (${code})`);
}

export function column(table: DataTable, name: string): { values: number[]; type: string | undefined; numeric: boolean } {
  const c = table.columns.find((x) => x.name === name);
  assert.ok(c, `no column ${name} in ${table.columns.map((x) => x.name).join(', ')}`);
  return { values: [...c.values], type: c.type, numeric: c.numeric };
}
