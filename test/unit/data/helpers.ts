import assert from 'node:assert/strict';
import { DataError, type DataErrorCode, type DataTable } from '../../../src/data/index';

export function values(table: DataTable, name: string): number[] {
  const column = table.columns.find((c) => c.name === name);
  assert.ok(column, `no column ${name} in ${table.columns.map((c) => c.name).join(', ')}`);
  return [...column.values];
}

export function names(table: DataTable): string[] {
  return table.columns.map((c) => c.name);
}

export function lines(table: DataTable): number[] {
  return [...table.lineOfRow];
}

/** Runs `fn`, which must throw a DataError with this code; returns it for further checks. */
export function dataError(fn: () => unknown, code: DataErrorCode): DataError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof DataError, `expected a DataError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.ok(!e.message.includes('\n'), `message is not one line: ${e.message}`);
    return e;
  }
  assert.fail(`expected a DataError (${code})`);
}
