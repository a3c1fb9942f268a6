import { join } from 'node:path';
import { run, tools, withFiles } from '../helpers/externalTools';

/**
 * Inserted snippets run as the user's program would run them: each case defines its inputs, then the snippet
 * exactly as it would be inserted, then prints `case <i> = <output>`. Anything else on standard output (a
 * payload that got out of its comment) is for the caller to notice. One compiler or interpreter run per
 * language.
 */

export type RunnableLanguage = 'python' | 'javascript' | 'c' | 'cpp' | 'rust' | 'matlab' | 'r';

export interface SnippetCase {
  readonly snippet: string;
  /** Values of the input variables, by identifier. */
  readonly inputs: Readonly<Record<string, number>>;
  /** The variable the snippet assigns. */
  readonly output: string;
}

const ASSIGNED: Readonly<Record<RunnableLanguage, RegExp>> = {
  python: /^(\S+) = /,
  javascript: /^const (\S+) = /,
  c: /^double (\S+) = /,
  cpp: /^double (\S+) = /,
  rust: /^let (\S+): f64 = /,
  matlab: /^(\S+) = /,
  r: /^(\S+) <- /,
};

/** The variable a snippet's last line assigns. */
export function assignedVariable(snippet: string, language: RunnableLanguage): string {
  const last = snippet.split('\n').pop()!;
  const m = ASSIGNED[language].exec(last);
  if (m === null) throw new Error(`no assignment on the last line of the ${language} snippet: ${last}`);
  return m[1]!;
}

const entries = (c: SnippetCase): [string, number][] => Object.entries(c.inputs);
const doubleLiteral = (v: number): string => (Number.isInteger(v) ? `${v}.0` : String(v));

/** Python reads each snippet as a module of its own, so that its comment starts the file (where a coding line counts). */
function runPython(cases: readonly SnippetCase[]): string {
  const python = tools.python();
  const files: Record<string, string> = {};
  cases.forEach((c, i) => (files[`snippet${i}.py`] = `${c.snippet}\n`));
  files['main.py'] = [
    'import builtins, importlib, sys',
    'import numpy as np',
    "sys.path.insert(0, '.')",
    'builtins.np = np',
    ...cases.flatMap((c, i) => [
      ...entries(c).map(([k, v]) => `setattr(builtins, ${JSON.stringify(k)}, ${doubleLiteral(v)})`),
      `print('case ${i} =', repr(float(getattr(importlib.import_module('snippet${i}'), ${JSON.stringify(c.output)}))))`,
      ...entries(c).map(([k]) => `delattr(builtins, ${JSON.stringify(k)})`),
    ]),
  ].join('\n');
  return withFiles(files, (dir) => run(python.command, ['main.py'], { cwd: dir }));
}

function runJavaScript(cases: readonly SnippetCase[], wrap: (s: string) => string): string {
  const source = cases
    .map((c, i) =>
      [
        '{',
        ...entries(c).map(([k, v]) => `  const ${k} = ${v};`),
        wrap(c.snippet),
        wrap === inline ? `  console.log('case ${i} = ' + String(${c.output}));` : `  console.log('case ${i} = wrapped');`,
        '}',
      ].join('\n'),
    )
    .join('\n');
  return withFiles({ 'snippets.js': source }, (dir) => run(process.execPath, [join(dir, 'snippets.js')]));
}

function runC(cases: readonly SnippetCase[], wrap: (s: string) => string, cpp: boolean): string {
  const compiler = cpp ? tools.gxx() : tools.gcc();
  const body = cases.map((c, i) =>
    [
      '  {',
      ...entries(c).map(([k, v]) => `    double ${k} = ${doubleLiteral(v)};`),
      wrap(c.snippet),
      wrap === inline ? `    printf("case ${i} = %.17g\\n", ${c.output});` : `    printf("case ${i} = wrapped\\n");`,
      '  }',
    ].join('\n'),
  );
  const source = [cpp ? '#include <cmath>' : '#include <math.h>', '#include <stdio.h>', 'int main(void) {', ...body, '  return 0;', '}'].join('\n');
  const file = cpp ? 'snippets.cpp' : 'snippets.c';
  return withFiles({ [file]: source }, (dir) => {
    // The strict standards (not gnu99 / gnu++11) read trigraphs, so "??/" is a backslash there.
    run(compiler.command, [cpp ? '-std=c++11' : '-std=c99', '-o', join(dir, 'snippets'), join(dir, file), '-lm']);
    return run(join(dir, 'snippets'), []);
  });
}

function runRust(cases: readonly SnippetCase[], wrap: (s: string) => string): string {
  const rustc = tools.rustc();
  const body = cases.map((c, i) =>
    [
      '  {',
      ...entries(c).map(([k, v]) => `    let ${k}: f64 = ${doubleLiteral(v)};`),
      wrap(c.snippet),
      wrap === inline ? `    println!("case ${i} = {:?}", ${c.output});` : `    println!("case ${i} = wrapped");`,
      '  }',
    ].join('\n'),
  );
  const source = ['#![allow(warnings)]', 'fn main() {', ...body, '}'].join('\n');
  return withFiles({ 'snippets.rs': source }, (dir) => {
    run(rustc.command, ['--edition', '2021', '-o', join(dir, 'snippets'), join(dir, 'snippets.rs')]);
    return run(join(dir, 'snippets'), []);
  });
}

function runOctave(cases: readonly SnippetCase[], wrap: (s: string) => string): string {
  const octave = tools.octave();
  const source = cases
    .map((c, i) =>
      [
        ...entries(c).map(([k, v]) => `${k} = ${v};`),
        wrap(c.snippet),
        wrap === inline ? `printf('case ${i} = %.17g\\n', ${c.output});` : `printf('case ${i} = wrapped\\n');`,
        'clear;',
      ].join('\n'),
    )
    .join('\n');
  // A script file: it must not start with a function definition.
  return withFiles({ 'snippets.m': `1;\n${source}\n` }, (dir) =>
    run(octave.command, ['--no-gui', '--norc', '--quiet', '--no-window-system', join(dir, 'snippets.m')]),
  );
}

function runR(cases: readonly SnippetCase[]): string {
  const rscript = tools.rscript();
  const source = cases
    .map((c, i) =>
      ['local({', ...entries(c).map(([k, v]) => `  ${k} <- ${v}`), c.snippet, `  cat(sprintf('case ${i} = %.17g\\n', ${c.output}))`, '})'].join('\n'),
    )
    .join('\n');
  return withFiles({ 'snippets.R': source }, (dir) => run(rscript.command, ['--vanilla', join(dir, 'snippets.R')]));
}

const inline = (s: string): string => s;

/** Runs every case in one program and returns its standard output. */
export function runSnippets(language: RunnableLanguage, cases: readonly SnippetCase[]): string {
  switch (language) {
    case 'python':
      return runPython(cases);
    case 'javascript':
      return runJavaScript(cases, inline);
    case 'c':
    case 'cpp':
      return runC(cases, inline, language === 'cpp');
    case 'rust':
      return runRust(cases, inline);
    case 'matlab':
      return runOctave(cases, inline);
    case 'r':
      return runR(cases);
  }
}

/** The block comment of each language that has one, as a user's file might have it around the cursor. */
const BLOCK_COMMENTS: Partial<Record<RunnableLanguage, (s: string) => string>> = {
  javascript: (s) => `/*\n${s}\n*/`,
  c: (s) => `/*\n${s}\n*/`,
  cpp: (s) => `/*\n${s}\n*/`,
  rust: (s) => `/*\n${s}\n*/`,
  matlab: (s) => `%{\n${s}\n%}`,
};

export const BLOCK_COMMENT_LANGUAGES = Object.keys(BLOCK_COMMENTS) as RunnableLanguage[];

/**
 * Runs every case's snippet inserted inside a block comment, where it must stay: each case prints only
 * `case <i> = wrapped`.
 */
export function runSnippetsInBlockComment(language: RunnableLanguage, cases: readonly SnippetCase[]): string {
  const wrap = BLOCK_COMMENTS[language];
  if (wrap === undefined) throw new Error(`${language} has no block comments`);
  switch (language) {
    case 'javascript':
      return runJavaScript(cases, wrap);
    case 'c':
    case 'cpp':
      return runC(cases, wrap, language === 'cpp');
    case 'rust':
      return runRust(cases, wrap);
    case 'matlab':
      return runOctave(cases, wrap);
    default:
      throw new Error(`${language} has no block comments`);
  }
}
