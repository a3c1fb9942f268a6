import assert from 'node:assert/strict';
import { classifyCell, isMissingToken, MISSING, NUMBER, parseNumber, TEXT } from '../../../src/data/numbers';

describe('data: number cells', () => {
  it('reads plain, signed and exponent notation with surrounding blanks', () => {
    assert.equal(parseNumber('42', false), 42);
    assert.equal(parseNumber('-3.5', false), -3.5);
    assert.equal(parseNumber('+2', false), 2);
    assert.equal(parseNumber('.5', false), 0.5);
    assert.equal(parseNumber('5.', false), 5);
    assert.equal(parseNumber('1e3', false), 1000);
    assert.equal(parseNumber('-1.5E-2', false), -0.015);
    assert.equal(parseNumber('  7 \r', false), 7);
  });

  it('reads inf and infinity in any case as infinite values', () => {
    assert.equal(parseNumber('inf', false), Infinity);
    assert.equal(parseNumber('-Infinity', false), -Infinity);
    assert.equal(parseNumber('+INF', false), Infinity);
  });

  it('rejects what Number() accepts but a data file does not mean', () => {
    for (const s of ['', '   ', '0x10', '0b1', '0o7', '1_000', '1.2.3', 'abc', '1e', '--1', '12abc']) {
      assert.ok(Number.isNaN(parseNumber(s, false)), s);
    }
  });

  it('reads a decimal comma only when asked, and only a single one with no point', () => {
    assert.ok(Number.isNaN(parseNumber('1,5', false)));
    assert.equal(parseNumber('1,5', true), 1.5);
    assert.equal(parseNumber('-0,25', true), -0.25);
    assert.equal(parseNumber('2,5e3', true), 2500);
    assert.ok(Number.isNaN(parseNumber('1,234,567', true)));
    assert.ok(Number.isNaN(parseNumber('1.234,5', true)));
  });

  it('recognises missing-value tokens in any case', () => {
    for (const s of ['', ' ', 'NaN', 'nan', 'NA', 'n/a', '#N/A', 'null', 'None', '<NA>']) assert.ok(isMissingToken(s), s);
    for (const s of ['0', 'x', 'NAN!', 'missing']) assert.ok(!isMissingToken(s), s);
  });

  it('classifies cells', () => {
    assert.equal(classifyCell('1.5', false), NUMBER);
    assert.equal(classifyCell('NA', false), MISSING);
    assert.equal(classifyCell('x', false), TEXT);
    assert.equal(classifyCell('1,5', false), TEXT);
    assert.equal(classifyCell('1,5', true), NUMBER);
  });
});
