import { join } from 'node:path';
import type { Expr } from '../../../src/engine/expressions/expression';
import { formatExpression, sanitizeIdentifiers } from '../../../src/engine/expressions/formats';
import { parseNumber, run, tools, withFiles } from '../helpers/externalTools';

/**
 * One program per language that evaluates all trees on all rows and prints one line per tree, so that each
 * language costs one compiler or interpreter run. Inputs are written with JavaScript's shortest round-trip
 * spelling, which every language here reads back as the same double.
 */

const lines = (out: string): string[] => out.split('\n').filter((l) => l.trim() !== '');
const parseLine = (line: string): number[] => line.trim().split(/\s+/).map(parseNumber);

export function runJavaScript(exprs: readonly Expr[], names: readonly string[], rows: readonly number[][]): number[][] {
  const params = sanitizeIdentifiers(names, 'javascript');
  return exprs.map((e) => {
    // Built from our own generated text, never from user input.
    const f = new Function(...params, `return ${formatExpression(e, 'javascript', { names })};`) as (...a: number[]) => number;
    return rows.map((row) => f(...row));
  });
}

/** Each tree evaluated on numpy arrays (one element per row) and on np.float64 scalars (row by row). */
export function runPython(exprs: readonly Expr[], names: readonly string[], rows: readonly number[][]): { arrays: number[][]; scalars: number[][] } {
  const python = tools.python();
  const params = sanitizeIdentifiers(names, 'python').join(', ');
  const columns = names.map((_, f) => `np.array([${rows.map((r) => String(r[f]!)).join(', ')}], dtype=np.float64)`);
  const program = [
    'import warnings',
    'import numpy as np',
    "np.seterr(all='ignore')",
    "warnings.filterwarnings('ignore')",
    `cols = [${columns.join(', ')}]`,
    'n = len(cols[0])',
    ...exprs.map((e, i) => `def f${i}(${params}):\n    return ${formatExpression(e, 'python', { names })}`),
    `funcs = [${exprs.map((_, i) => `f${i}`).join(', ')}]`,
    'def real(v):',
    '    if np.iscomplexobj(v) or isinstance(v, complex):',
    "        raise TypeError('complex result: ' + repr(v))",
    '    return np.asarray(v, dtype=np.float64)',
    'for f in funcs:',
    '    a = np.broadcast_to(real(f(*cols)), (n,))',
    '    s = [real(f(*[np.float64(c[r]) for c in cols])) for r in range(n)]',
    "    print(' '.join(repr(float(v)) for v in a), '|', ' '.join(repr(float(v)) for v in s))",
  ].join('\n');
  const out = lines(run(python.command, ['-'], { input: program }));
  const arrays: number[][] = [];
  const scalars: number[][] = [];
  for (const line of out) {
    const [a, s] = line.split('|');
    arrays.push(parseLine(a!));
    scalars.push(parseLine(s!));
  }
  return { arrays, scalars };
}

function cProgram(exprs: readonly Expr[], names: readonly string[], rows: readonly number[][], header: string): string {
  const params = sanitizeIdentifiers(names, 'c').map((p) => `double ${p}`).join(', ');
  const args = names.map((_, f) => `X[r][${f}]`).join(', ');
  const data = rows.map((r) => `{${r.map((v) => (Number.isInteger(v) ? `${v}.0` : String(v))).join(', ')}}`).join(',\n  ');
  return [
    header,
    '#include <stdio.h>',
    ...exprs.map((e, i) => `static double f${i}(${params}) { return ${formatExpression(e, 'c', { names })}; }`),
    `typedef double (*F)(${names.map(() => 'double').join(', ')});`,
    `static const F FUNCS[] = {${exprs.map((_, i) => `f${i}`).join(', ')}};`,
    `static const double X[${rows.length}][${names.length}] = {\n  ${data}};`,
    'int main(void) {',
    `  for (int i = 0; i < ${exprs.length}; i++) {`,
    `    for (int r = 0; r < ${rows.length}; r++) printf("%.17g ", FUNCS[i](${args}));`,
    '    printf("\\n");',
    '  }',
    '  return 0;',
    '}',
  ].join('\n');
}

/** Compiled as C (gcc, <math.h>) or as C++ (g++, <cmath>). */
export function runC(exprs: readonly Expr[], names: readonly string[], rows: readonly number[][], cpp = false): number[][] {
  const compiler = cpp ? tools.gxx() : tools.gcc();
  const source = cProgram(exprs, names, rows, cpp ? '#include <cmath>' : '#include <math.h>');
  const file = cpp ? 'formulas.cpp' : 'formulas.c';
  return withFiles({ [file]: source }, (dir) => {
    const std = cpp ? '-std=c++17' : '-std=c99';
    run(compiler.command, [std, '-O1', '-Werror=implicit-function-declaration', '-o', join(dir, 'formulas'), join(dir, file), '-lm']);
    return lines(run(join(dir, 'formulas'), [])).map(parseLine);
  });
}

export function runRust(exprs: readonly Expr[], names: readonly string[], rows: readonly number[][]): number[][] {
  const rustc = tools.rustc();
  const params = sanitizeIdentifiers(names, 'rust').map((p) => `${p}: f64`).join(', ');
  const args = names.map((_, f) => `r[${f}]`).join(', ');
  const data = rows.map((r) => `[${r.map((v) => `${v}_f64`).join(', ')}]`).join(', ');
  const source = [
    '#![allow(unused, non_snake_case, unused_parens, clippy::all)]',
    ...exprs.map((e, i) => `fn f${i}(${params}) -> f64 { ${formatExpression(e, 'rust', { names })} }`),
    'fn main() {',
    `  let funcs: [fn(${names.map(() => 'f64').join(', ')}) -> f64; ${exprs.length}] = [${exprs.map((_, i) => `f${i}`).join(', ')}];`,
    `  let xs: [[f64; ${names.length}]; ${rows.length}] = [${data}];`,
    '  for f in funcs.iter() {',
    `    let v: Vec<String> = xs.iter().map(|r| format!("{:?}", f(${args}))).collect();`,
    '    println!("{}", v.join(" "));',
    '  }',
    '}',
  ].join('\n');
  return withFiles({ 'formulas.rs': source }, (dir) => {
    run(rustc.command, ['-O', '--edition', '2021', '-o', join(dir, 'formulas'), join(dir, 'formulas.rs')]);
    return lines(run(join(dir, 'formulas'), [])).map(parseLine);
  });
}

export function runR(exprs: readonly Expr[], names: readonly string[], rows: readonly number[][]): number[][] {
  const rscript = tools.rscript();
  const params = sanitizeIdentifiers(names, 'r');
  const columns = names.map((_, f) => `c(${rows.map((r) => String(r[f]!)).join(', ')})`);
  const source = [
    `cols <- list(${columns.join(', ')})`,
    'n <- length(cols[[1]])',
    ...exprs.map((e, i) => `f${i} <- function(${params.join(', ')}) ${formatExpression(e, 'r', { names })}`),
    `funcs <- list(${exprs.map((_, i) => `f${i}`).join(', ')})`,
    'for (f in funcs) {',
    '  v <- suppressWarnings(do.call(f, cols))',
    '  if (!is.double(v)) stop("not a double vector: ", class(v))',
    "  cat(sprintf('%.17g', rep_len(v, n)), '\\n')",
    '}',
  ].join('\n');
  return withFiles({ 'formulas.R': source }, (dir) => lines(run(rscript.command, ['--vanilla', join(dir, 'formulas.R')])).map(parseLine));
}

/** Octave's values, with the imaginary parts it produces where IEEE arithmetic gives NaN. */
export function runOctave(
  exprs: readonly Expr[],
  names: readonly string[],
  rows: readonly number[][],
): { real: number[][]; imag: number[][] } {
  const octave = tools.octave();
  const params = sanitizeIdentifiers(names, 'matlab').join(', ');
  const columns = names.map((_, f) => `[${rows.map((r) => String(r[f]!)).join('; ')}]`);
  const source = [
    `cols = {${columns.join(', ')}};`,
    'n = numel(cols{1});',
    'f = {};',
    ...exprs.map((e, i) => `f{${i + 1}} = @(${params}) ${formatExpression(e, 'matlab', { names })};`),
    'for k = 1:numel(f)',
    '  v = f{k}(cols{:}) + zeros(n, 1);',
    "  printf('%s| %s\\n', sprintf('%.17g ', real(v)), sprintf('%.17g ', imag(v)));",
    'end',
  ].join('\n');
  const out = withFiles({ 'formulas.m': source }, (dir) =>
    lines(run(octave.command, ['--no-gui', '--norc', '--quiet', '--no-window-system', join(dir, 'formulas.m')])),
  );
  const real: number[][] = [];
  const imag: number[][] = [];
  for (const line of out) {
    const [re, im] = line.split('|');
    real.push(parseLine(re!));
    imag.push(parseLine(im!));
  }
  return { real, imag };
}
