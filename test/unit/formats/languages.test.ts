import assert from 'node:assert/strict';
import type { Expr } from '../../../src/engine/expressions/expression';
import { formatExpression, type FormatName } from '../../../src/engine/expressions/formats';
import { C99, isCleanRow, NUMPY_ARRAYS, R, type Semantics } from '../helpers/reference';
import { ALL, compareAll, mismatch, NAMES, ROWS } from './cases';
import { runC, runJavaScript, runOctave, runPython, runR, runRust } from './programs';

/** Each language's text, run in that language, gives the engine's numbers (NaN where the engine has NaN). */

const text = (format: FormatName) => (e: Expr) => formatExpression(e, format, { names: NAMES });

function assertMatches(format: FormatName, values: readonly (readonly number[])[], semantics?: Semantics): void {
  const { checked, nonFinite, unstable, failures } = compareAll(ALL, values, text(format), semantics);
  assert.equal(failures.length, 0, `${failures.length} of ${checked} values differ:\n${failures.slice(0, 15).join('\n')}`);
  // The inputs are chosen so that most values are finite: a check of NaN against NaN proves little.
  assert.ok(nonFinite < checked * 0.3, `${nonFinite} of ${checked} values are not finite`);
  assert.ok(unstable < checked * 0.02, `${unstable} of ${checked} values are too sensitive to rounding to compare`);
}

describe('formats evaluated in their own languages', function () {
  this.timeout(180_000);

  it('javascript', () => {
    assertMatches('javascript', runJavaScript(ALL, NAMES, ROWS));
  });

  it('python with numpy arrays and numpy float64 scalars', () => {
    const { arrays, scalars } = runPython(ALL, NAMES, ROWS);
    assertMatches('python', arrays, NUMPY_ARRAYS);
    assertMatches('python', scalars, C99);
  });

  it('c (gcc, math.h)', () => {
    assertMatches('c', runC(ALL, NAMES, ROWS), C99);
  });

  it('c++ (g++, cmath)', () => {
    assertMatches('c', runC(ALL, NAMES, ROWS, true), C99);
  });

  it('rust (rustc)', () => {
    assertMatches('rust', runRust(ALL, NAMES, ROWS), C99);
  });

  it('r (Rscript)', () => {
    // R's ^ departs from IEEE pow for some zero, infinite and NaN operands: (-0)^(-3) is +Inf, (-0)^3 is +0.
    assertMatches('r', runR(ALL, NAMES, ROWS), R);
  });

  it('matlab (Octave): equal wherever no intermediate leaves the real domain', () => {
    // Octave returns complex numbers where IEEE arithmetic gives NaN (sqrt(-1), log(-1), (-8)^(1/3)), and
    // a later abs() or squaring can make them real again; so only the rows whose intermediate values are
    // all finite are compared.
    const { real, imag } = runOctave(ALL, NAMES, ROWS);
    const failures: string[] = [];
    let clean = 0;
    ALL.forEach((e, i) => {
      ROWS.forEach((row, r) => {
        const re = real[i]?.[r];
        const im = imag[i]?.[r];
        if (re === undefined || im === undefined) {
          failures.push(`#${i}: missing value for row ${r}`);
          return;
        }
        if (isCleanRow(e, row)) {
          clean++;
          // A vector with a negative base and some fractional exponents is computed in complex arithmetic
          // as a whole, leaving rounding-level imaginary parts on the elements that are real.
          const problem = Math.abs(im) > 1e-9 * Math.max(1, Math.abs(re)) ? `imaginary part ${im}` : mismatch(e, row, re);
          if (problem === 'unstable') return;
          if (problem !== undefined) failures.push(`#${i} row ${r} ${text('matlab')(e)}: ${problem}`);
        }
      });
    });
    assert.equal(failures.length, 0, failures.slice(0, 15).join('\n'));
    assert.ok(clean > ALL.length * ROWS.length * 0.6, `only ${clean} clean rows`);
  });
});
