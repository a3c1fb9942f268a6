import assert from 'node:assert/strict';
import { binary, constant, feature, type Expr } from '../../../src/engine/expressions/expression';
import { formatSnippet, provenanceLines, sanitizeIdentifiers, type CodeFormat, type FormatName } from '../../../src/engine/expressions/formats';
import { parseNumber } from '../helpers/externalTools';
import { hostileTexts, type PayloadLanguage } from './hostileText';
import {
  assignedVariable,
  BLOCK_COMMENT_LANGUAGES,
  runSnippets,
  runSnippetsInBlockComment,
  type RunnableLanguage,
  type SnippetCase,
} from './snippetPrograms';

/** 2.5 * first + second: 8 for the inputs 2 and 3. */
const FORMULA: Expr = binary('+', binary('*', constant(2.5), feature(0)), feature(1));
const INPUTS = [2, 3];
const EXPECTED = 8;

const FORMAT_OF: Readonly<Record<PayloadLanguage, FormatName>> = {
  python: 'python',
  javascript: 'javascript',
  c: 'c',
  cpp: 'c',
  julia: 'julia',
  rust: 'rust',
  matlab: 'matlab',
  r: 'r',
  latex: 'latex',
  markdown: 'latex',
};

/**
 * Two snippets per hostile text: one where it is a column name, the output's name and two raw comment
 * lines, and one where it is every name the provenance comment shows (file, selection, target, columns, loss).
 */
function hostileSnippets(language: PayloadLanguage): { name: string; snippet: string; names: string[] }[] {
  return hostileTexts(language).flatMap(([name, text]) => {
    const names = [text, 'b'];
    const source = { fileName: text, selection: text, rows: 32, target: text, features: names, featureRanges: [[0, 1], [2, 3]] as const, loss: text };
    return [
      { name, names, snippet: formatSnippet(FORMULA, language, { names, outputName: text, commentLines: [text, `before ${text} after`] }) },
      {
        name: `${name}, in the provenance comment`,
        names,
        snippet: formatSnippet(FORMULA, language, { names, outputName: text, commentLines: provenanceLines(source, { loss: 0.5, complexity: 5 }) }),
      },
    ];
  });
}

function casesFor(language: RunnableLanguage): { names: string[]; cases: SnippetCase[] } {
  const format = FORMAT_OF[language] as CodeFormat;
  const snippets = hostileSnippets(language);
  return {
    names: snippets.map((s) => s.name),
    cases: snippets.map(({ snippet, names }) => {
      const ids = sanitizeIdentifiers(names, format);
      return {
        snippet,
        inputs: Object.fromEntries(ids.map((id, j) => [id, INPUTS[j]!])),
        output: assignedVariable(snippet, language),
      };
    }),
  };
}

/** Standard output must be exactly one `case <i> = <value>` line per case, in order. */
function assertOnlyCaseLines(stdout: string, names: readonly string[], value: (i: number) => string | number): void {
  const lines = stdout.split(/\r?\n/).filter((l) => l.trim() !== '');
  const unexpected = lines.filter((l) => !/^case \d+ = /.test(l));
  assert.deepEqual(unexpected, [], `the program printed more than its results:\n${stdout.slice(0, 3000)}`);
  assert.equal(lines.length, names.length, stdout.slice(0, 3000));
  lines.forEach((line, i) => {
    const [, index, printed] = /^case (\d+) = (.*)$/.exec(line)!;
    assert.equal(Number(index), i, `case ${i} (${names[i]}) is missing`);
    const expected = value(i);
    if (typeof expected === 'number') assert.equal(parseNumber(printed!), expected, `case ${i} (${names[i]})`);
    else assert.equal(printed, expected, `case ${i} (${names[i]})`);
  });
}

// Everything some language takes for the end of a line, and the other invisible controls.
const LINE_ENDING_OR_CONTROL = /[\p{Cc}\p{Zl}\p{Zp}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]|\p{Cs}/u;

interface CommentShape {
  readonly statementLines: number;
  readonly start: string;
  readonly end?: string;
  /** Text that must not occur in a comment line (after its start marker). */
  readonly forbidden: readonly RegExp[];
}

const SLASH_FORBIDDEN = [/\*\//, /\/\*/];
const SHAPES: Readonly<Record<PayloadLanguage, CommentShape>> = {
  python: { statementLines: 1, start: '#', forbidden: [/coding[:=]/i, /-\*-/] },
  javascript: { statementLines: 1, start: '//', forbidden: SLASH_FORBIDDEN },
  c: { statementLines: 1, start: '//', forbidden: [...SLASH_FORBIDDEN, /\\$/, /\?\?\/$/] },
  cpp: { statementLines: 1, start: '//', forbidden: [...SLASH_FORBIDDEN, /\\$/, /\?\?\/$/] },
  julia: { statementLines: 1, start: '#', forbidden: [/#=/, /=#/] },
  rust: { statementLines: 1, start: '//', forbidden: SLASH_FORBIDDEN },
  matlab: { statementLines: 1, start: '%', forbidden: [/%\{/, /%\}/, /#\{/, /#\}/] },
  r: { statementLines: 1, start: '#', forbidden: [] },
  latex: { statementLines: 3, start: '%', forbidden: [/\^\^/] },
  markdown: { statementLines: 3, start: '<!--', end: '-->', forbidden: [/--/] },
};

describe('inserted snippets with hostile column names', function () {
  this.timeout(300_000);

  for (const language of Object.keys(SHAPES) as PayloadLanguage[]) {
    it(`${language}: every comment line is one line that starts a comment and cannot end it early`, () => {
      const shape = SHAPES[language];
      for (const { name, snippet } of hostileSnippets(language)) {
        const lines = snippet.split('\n');
        const comments = lines.slice(0, lines.length - shape.statementLines);
        assert.ok(comments.length >= 2, `${name}: ${snippet}`);
        for (const line of lines) {
          assert.doesNotMatch(line, LINE_ENDING_OR_CONTROL, `${name}: a line holds a line ending or control: ${JSON.stringify(line)}`);
        }
        for (const line of comments) {
          assert.ok(line.startsWith(shape.start), `${name}: ${JSON.stringify(line)} is not a comment`);
          let inner = line.slice(shape.start.length);
          if (shape.end !== undefined) {
            assert.ok(inner.endsWith(shape.end), `${name}: ${JSON.stringify(line)} does not end its comment`);
            inner = inner.slice(0, -shape.end.length);
          }
          for (const bad of shape.forbidden) assert.doesNotMatch(inner, bad, `${name}: ${JSON.stringify(line)}`);
        }
        if (shape.statementLines === 3) {
          // The typeset names: no raw HTML for a Markdown renderer, no unescaped dollar to end the math.
          assert.doesNotMatch(lines.at(-2)!, /[<>]|(?<!\\)\$/, `${name}: ${JSON.stringify(lines.at(-2))}`);
        }
      }
    });
  }

  const runnable: RunnableLanguage[] = ['python', 'javascript', 'c', 'cpp', 'rust', 'matlab', 'r'];
  for (const language of runnable) {
    it(`${language}: the program runs the formula and none of the payloads`, () => {
      const { names, cases } = casesFor(language);
      assertOnlyCaseLines(runSnippets(language, cases), names, () => EXPECTED);
    });
  }

  for (const language of BLOCK_COMMENT_LANGUAGES) {
    it(`${language}: a snippet inserted inside a block comment stays inside it`, () => {
      const { names, cases } = casesFor(language);
      assertOnlyCaseLines(runSnippetsInBlockComment(language, cases), names, () => 'wrapped');
    });
  }
});
