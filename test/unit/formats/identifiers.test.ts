import assert from 'node:assert/strict';
import { parse } from 'mathjs';
import { CODE_FORMATS, identifierMapping, sanitizeIdentifiers, type CodeFormat } from '../../../src/engine/expressions/formats';
import { identifierFor } from '../../../src/engine/expressions/formats/identifiers';
import { IDENTIFIER_RULES } from '../../../src/engine/expressions/formats/reservedWords';
import { hostileTexts, PAYLOADS, type PayloadLanguage } from './hostileText';

const NASTY = [
  'x', 'x', 'x y', 'x_y', 'x-y', '2theta', '', '   ', '___', 'pi', 'e', 'E', 'i', 'log', 'sqrt', 'if', 'end', 'class',
  'fn', 'TRUE', 'np', 'Math', 'y0', 'θ', 'θ₀', 'Δx', 'é', 'ﬁ', '💡', 'a'.repeat(70), `${'a'.repeat(62)}b`, 'v (km/s)',
  'x_2', '.x', '$x', '_x', 'NaN', 'Infinity', 'mod', 'é', 'T',
];

describe('identifier sanitising', () => {
  for (const format of CODE_FORMATS) {
    it(`${format}: valid, not reserved, distinct`, () => {
      const rules = IDENTIFIER_RULES[format];
      const ids = sanitizeIdentifiers(NASTY, format);
      assert.equal(ids.length, NASTY.length);
      assert.equal(new Set(ids).size, ids.length, `duplicates in ${JSON.stringify(ids)}`);
      for (const id of ids) {
        assert.ok(rules.isValid(id), `${format}: "${id}" is not valid`);
        assert.ok(!rules.reserved.has(id), `${format}: "${id}" is reserved`);
        if (rules.asciiOnly) assert.match(id, /^[\x21-\x7e]+$/);
        if (rules.maxLength !== undefined) assert.ok(id.length <= rules.maxLength);
      }
      // A name that is already a good identifier is kept, and the first of two equal names keeps it.
      assert.equal(ids[0], 'x');
      assert.equal(ids[1], 'x_3'); // 'x_2' is a later column's own name
      assert.equal(ids[3], 'x_y');
    });
  }

  it('renames around names that are already valid, so no column takes another one\'s name', () => {
    for (const format of CODE_FORMATS) {
      assert.deepEqual(sanitizeIdentifiers(['x y', 'x_y'], format), ['x_y_2', 'x_y'], format);
      assert.deepEqual(sanitizeIdentifiers(['a', 'a', 'a_2'], format), ['a', 'a_3', 'a_2'], format);
    }
  });

  it('avoids each language\'s keywords and the names its formulas use', () => {
    const expect = (format: CodeFormat, name: string, id: string): void =>
      assert.equal(sanitizeIdentifiers([name], format)[0], id, `${format}: ${name}`);
    for (const name of ['e', 'E', 'pi', 'PI', 'i', 'log', 'sqrt', 'square', 'mod', 'to', 'in', 'NaN', 'Infinity']) {
      expect('mathjs', name, `${name}_`);
    }
    expect('python', 'lambda', 'lambda_');
    expect('python', 'np', 'np_');
    expect('python', 'log', 'log');
    expect('javascript', 'class', 'class_');
    expect('javascript', 'Math', 'Math_');
    expect('javascript', 'NaN', 'NaN_');
    expect('c', 'double', 'double_');
    expect('c', 'y1', 'y1_');
    expect('c', 'pow', 'pow_');
    expect('c', 'NAN', 'NAN_');
    expect('julia', 'end', 'end_');
    expect('julia', 'pi', 'pi_');
    expect('julia', 'im', 'im_');
    expect('rust', 'fn', 'fn_');
    expect('rust', 'f64', 'f64_');
    expect('matlab', 'end', 'end_');
    expect('matlab', 'e', 'e_');
    expect('matlab', 'i', 'i_');
    expect('r', 'TRUE', 'TRUE_');
    expect('r', 'T', 'T_');
    expect('r', 'function', 'function_');
  });

  it('turns other text into identifiers', () => {
    const expect = (format: CodeFormat, name: string, id: string): void =>
      assert.equal(sanitizeIdentifiers([name], format)[0], id, `${format}: ${name}`);
    for (const format of CODE_FORMATS) {
      expect(format, 'v (km/s)', 'v_km_s');
      expect(format, '2theta', 'x_2theta');
      expect(format, 'x-y', 'x_y');
      expect(format, '', 'x0');
      expect(format, '%%', 'x0');
    }
    expect('python', 'θ', 'θ');
    expect('python', 'θ₀', 'θ0');
    expect('julia', 'θ₀', 'θ₀');
    expect('javascript', 'Δx', 'Δx');
    expect('c', 'θ', 'theta');
    expect('c', 'Δx', 'Delta_x');
    expect('r', 'é', 'e');
    expect('matlab', 'é', 'e_');
    expect('c', 'ﬁ', 'fi');
    expect('python', 'ﬁ', 'fi');
    expect('python', '💡', 'x0');
    expect('julia', '___', 'x0');
    expect('python', '___', '___');
  });

  it('keeps MATLAB names within 63 characters and still distinct', () => {
    const ids = sanitizeIdentifiers(['a'.repeat(70), 'a'.repeat(80)], 'matlab');
    assert.equal(ids[0], 'a'.repeat(63));
    assert.equal(ids[1], `${'a'.repeat(61)}_2`);
  });

  it('keeps R names short enough for its parser', () => {
    assert.equal(sanitizeIdentifiers(['a'.repeat(9000)], 'r')[0], 'a'.repeat(8000));
  });

  it('makes names carrying code into plain words in every language', () => {
    const hostile = [...Object.keys(PAYLOADS)].flatMap((language) =>
      hostileTexts(language as PayloadLanguage).map(([, text]) => text),
    );
    for (const format of CODE_FORMATS) {
      const rules = IDENTIFIER_RULES[format];
      const ids = [...sanitizeIdentifiers(hostile, format), ...hostile.map((h) => identifierFor(h, rules, new Set()))];
      for (const id of ids) {
        // Letters, digits, underscores ($ in JavaScript, dots in R): no quote, bracket, operator, space or line break.
        const word = { javascript: /^[\p{L}\p{N}\p{M}_$]+$/u, r: /^[A-Za-z0-9_.]+$/ }[format as string] ?? /^[\p{L}\p{N}\p{M}_]+$/u;
        assert.match(id, word, `${format}: ${JSON.stringify(id)}`);
        assert.ok(rules.isValid(id) && !rules.reserved.has(id), `${format}: ${JSON.stringify(id)}`);
      }
    }
  });

  it('lists the renamed columns', () => {
    assert.deepEqual(identifierMapping(['x', 'v (km/s)', 'pi'], 'mathjs'), [
      { index: 1, name: 'v (km/s)', identifier: 'v_km_s' },
      { index: 2, name: 'pi', identifier: 'pi_' },
    ]);
  });
});

describe('mathjs symbols', () => {
  /** What the real parser says: the name is that one symbol. */
  function parsesAsSymbol(name: string): boolean {
    try {
      const node = parse(name);
      return node.type === 'SymbolNode' && (node as unknown as { name: string }).name === name;
    } catch {
      return false;
    }
  }

  it('are the names the mathjs parser reads as one symbol, without loading it', () => {
    const mathSymbols = ['\u{1D465}', '\u{1D6FC}', '\u{1D455}', '\u{1D4A0}', '\u{1D7CE}', '\u{1D7CC}'];
    const names = [
      ...NASTY, 'αβ', 'α2', '2α', 'α.β', 'α(2)', 'α β', 'α\u00a0β', 'α\n', ' α', 'α#x', "α'", 'ÀʯͰϿ℀⅏', 'Ⅰ', '\u02B0', '\u0400',
      'x₁', 'é2', 'ñ_$', '∑', '\uD835', 'a\uD835', '\uDC65', ...mathSymbols, ...mathSymbols.map((m) => `${m}2`), `é${mathSymbols[0]}`,
    ];
    const { isValid } = IDENTIFIER_RULES.mathjs;
    for (const name of names) {
      const expected = parsesAsSymbol(name) && !['NaN', 'Infinity', 'true', 'false', 'null', 'undefined'].includes(name);
      assert.equal(isValid(name), expected, JSON.stringify(name));
    }
  });
});
