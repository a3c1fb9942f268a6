import assert from 'node:assert/strict';
import { commentLine, escapeUnprintable, quotedName, shownText, type CommentLanguage } from '../../../src/engine/expressions/formats';

const ALL: CommentLanguage[] = ['python', 'javascript', 'c', 'julia', 'rust', 'matlab', 'r', 'latex', 'markdown'];

describe('comment text from untrusted names', () => {
  it('spells line breaks and other unprintable characters as escapes', () => {
    assert.equal(escapeUnprintable('a\nb\rc\r\nd'), 'a\\nb\\rc\\r\\nd');
    assert.equal(escapeUnprintable('\u2028\u2029\u0085\v\f\t\0'), '\\u2028\\u2029\\u0085\\v\\f\\t\\0');
    assert.equal(escapeUnprintable('\u001c\u001d\u001e\u007f\u009b'), '\\u001C\\u001D\\u001E\\u007F\\u009B');
    assert.equal(escapeUnprintable('a\u202eb\u2066c\ufeff'), 'a\\u202Eb\\u2066c\\uFEFF');
    assert.equal(escapeUnprintable('x\ud800y'), 'x\\uD800y');
    // Printable text, accents, Greek, emoji (a surrogate pair) and a literal backslash stay as they are.
    assert.equal(escapeUnprintable('v (km/s) é θ₀ 💡 C:\\data'), 'v (km/s) é θ₀ 💡 C:\\data');
  });

  it('writes one comment line in each language', () => {
    const expected: Record<CommentLanguage, string> = {
      python: '# a\\nb',
      javascript: '// a\\nb',
      c: '// a\\nb',
      julia: '# a\\nb',
      rust: '// a\\nb',
      matlab: '% a\\nb',
      r: '# a\\nb',
      latex: '% a\\nb',
      markdown: '<!-- a\\nb -->',
    };
    for (const language of ALL) assert.equal(commentLine('a\nb', language), expected[language], language);
    assert.equal(commentLine('', 'python'), '#');
    assert.equal(commentLine('  trailing  ', 'r'), '#   trailing');
  });

  it('splits the delimiters that would end or open a comment', () => {
    assert.equal(commentLine('a */ b /* c', 'javascript'), '// a * / b / * c');
    assert.equal(commentLine('/*/', 'rust'), '// / * /');
    assert.equal(commentLine('a =# b #= c', 'julia'), '# a = # b # = c');
    assert.equal(commentLine('%} %{ #} #{', 'matlab'), '% % } % { # } # {');
    assert.equal(commentLine('x ---> y --!> z', 'markdown'), '<!-- x - - -> y - -!> z -->');
    assert.equal(commentLine('^^J^^M', 'latex'), '% ^ ^J^ ^M');
    // Where they mean nothing, they are left alone.
    assert.equal(commentLine('a */ b', 'python'), '# a */ b');
  });

  it('keeps a C line comment from splicing the next line in', () => {
    assert.equal(commentLine('C:\\data\\', 'c'), '// C:\\data\\.');
    assert.equal(commentLine('C:\\data\\  ', 'c'), '// C:\\data\\.');
    assert.equal(commentLine('what??/', 'c'), '// what??/.');
    assert.equal(commentLine('C:\\data\\', 'javascript'), '// C:\\data\\');
  });

  it('defuses comments that editors and Python obey', () => {
    assert.equal(commentLine('coding: utf-7 +AAo-', 'python'), '# coding : utf-7 +AAo-');
    assert.equal(commentLine('-*- coding=latin-1 -*-', 'r'), '# - * - coding =latin-1 - * -');
    assert.equal(commentLine('Local Variables:', 'julia'), '# Local Variables :');
    assert.equal(commentLine('x vim: set ft=c:', 'c'), '// x vim : set ft=c:');
  });

  it('shortens very long names and quotes names unambiguously', () => {
    const long = shownText('a'.repeat(5000));
    assert.equal(long, `${'a'.repeat(200)}…`);
    assert.equal(shownText(`${'💡'.repeat(300)}`), `${'💡'.repeat(200)}…`);
    assert.equal(quotedName('say "hi"\\\n'), '"say \\"hi\\"\\\\\\n"');
  });
});
