import assert from 'node:assert/strict';
import { binary, constant, feature, unary } from '../../../src/engine/expressions/expression';
import { formatForLanguageId, formatSnippet, LANGUAGE_FORMATS } from '../../../src/engine/expressions/formats';

describe('code snippets', () => {
  const e = binary('*', constant(2.5), unary('sqrt', feature(0)));
  const names = ['x', 'v (km/s)'];
  const commentLines = ['fitted on data.csv', 'loss 0.0123'];

  it('maps VS Code languageIds to formats', () => {
    assert.equal(formatForLanguageId('typescriptreact'), 'javascript');
    assert.equal(formatForLanguageId('cpp'), 'c');
    assert.equal(formatForLanguageId('octave'), 'matlab');
    assert.equal(formatForLanguageId('markdown'), 'latex');
    assert.equal(formatForLanguageId('cobol'), undefined);
    assert.equal(formatForLanguageId('toString'), undefined);
    assert.throws(() => formatSnippet(e, 'cobol', { names }), /cobol/);
  });

  it('writes a comment and an assignment in each language', () => {
    const expected: Record<string, string> = {
      python: '# fitted on data.csv\n# loss 0.0123\n# requires: import numpy as np\ny = 2.5 * np.sqrt(x)',
      javascript: '// fitted on data.csv\n// loss 0.0123\nconst y = 2.5 * Math.sqrt(x);',
      typescript: '// fitted on data.csv\n// loss 0.0123\nconst y = 2.5 * Math.sqrt(x);',
      c: '// fitted on data.csv\n// loss 0.0123\ndouble y = 2.5 * sqrt(x);',
      cpp: '// fitted on data.csv\n// loss 0.0123\ndouble y = 2.5 * sqrt(x);',
      julia: '# fitted on data.csv\n# loss 0.0123\ny = 2.5 * sqrt(x)',
      rust: '// fitted on data.csv\n// loss 0.0123\nlet y: f64 = 2.5 * x.sqrt();',
      matlab: '% fitted on data.csv\n% loss 0.0123\ny = 2.5 .* sqrt(x);',
      octave: '% fitted on data.csv\n% loss 0.0123\ny = 2.5 .* sqrt(x);',
      r: '# fitted on data.csv\n# loss 0.0123\ny <- 2.5 * sqrt(x)',
      latex: '% fitted on data.csv\n% loss 0.0123\n\\[\n  y = 2.5 \\sqrt{x}\n\\]',
      markdown: '<!-- fitted on data.csv -->\n<!-- loss 0.0123 -->\n$$\ny = 2.5 \\sqrt{x}\n$$',
    };
    for (const [languageId, text] of Object.entries(expected)) {
      assert.equal(formatSnippet(e, languageId, { names, outputName: 'y', commentLines }), text, languageId);
    }
    for (const languageId of Object.keys(LANGUAGE_FORMATS)) {
      assert.doesNotThrow(() => formatSnippet(e, languageId, { names, commentLines }), languageId);
    }
  });

  it('renames the output away from the variables the formula reads, and lists renamed columns', () => {
    const f = binary('+', feature(0), feature(1));
    assert.equal(
      formatSnippet(f, 'c', { names, outputName: 'x' }),
      '// v_km_s: column "v (km/s)"\ndouble x_2 = x + v_km_s;',
    );
    assert.equal(formatSnippet(f, 'python', { names: ['a', 'b'], outputName: 'class' }), 'class_ = a + b');
    assert.equal(formatSnippet(f, 'r', { names: ['a', 'b'], outputName: 'speed (m/s)' }), 'speed_m_s <- a + b');
  });

  it('keeps comment text from escaping its comment', () => {
    const lines = ['two\nlines', 'ends in C:\\data\\', 'html --> end', 'block */ end'];
    assert.equal(
      formatSnippet(e, 'c', { names, commentLines: lines }),
      '// two\\nlines\n// ends in C:\\data\\.\n// html --> end\n// block * / end\ndouble y = 2.5 * sqrt(x);',
    );
    assert.equal(
      formatSnippet(e, 'markdown', { names, commentLines: lines }),
      '<!-- two\\nlines -->\n<!-- ends in C:\\data\\ -->\n<!-- html - -> end -->\n<!-- block */ end -->\n$$\ny = 2.5 \\sqrt{x}\n$$',
    );
  });

  it('quotes renamed columns unambiguously, with their line breaks escaped', () => {
    const f = binary('+', feature(0), feature(1));
    assert.equal(
      formatSnippet(f, 'python', { names: ['a "b"\nc', 'd\\'], outputName: 'y' }),
      '# a_b_c: column "a \\"b\\"\\nc"\n# d: column "d\\\\"\ny = a_b_c + d',
    );
  });

  it('gives JavaScript that runs', () => {
    const code = formatSnippet(e, 'javascript', { names, commentLines });
    // Our own generated code, not user input.
    const run = new Function('x', `${code}\nreturn y;`) as (x: number) => number;
    assert.equal(run(4), 5);
  });
});
