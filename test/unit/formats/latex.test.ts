import assert from 'node:assert/strict';
import katex from 'katex';
import { binary, constant, feature, unary, type Expr } from '../../../src/engine/expressions/expression';
import { formatExpression, latexName } from '../../../src/engine/expressions/formats';
import { ALL, NAMES } from './cases';

const render = (tex: string): string => katex.renderToString(tex, { throwOnError: true, strict: 'error' });

describe('latex format', () => {
  const names = ['x1', 'omega_0', 'alpha', 'mass', 'v (km/s)'];
  const [x, w, a, m, v] = names.map((_, i) => feature(i)) as [Expr, Expr, Expr, Expr, Expr];
  const latex = (e: Expr, digits?: number): string => formatExpression(e, 'latex', { names, digits });

  it('typesets variable names', () => {
    const cases: [string, string][] = [
      ['x1', 'x_{1}'],
      ['x_1', 'x_{1}'],
      ['x12', 'x_{12}'],
      ['alpha', '\\alpha'],
      ['omega_0', '\\omega_{0}'],
      ['Delta', '\\Delta'],
      ['Delta_t', '\\Delta_{t}'],
      ['pi', '\\pi'],
      ['θ', '\\theta'],
      ['Δx', '\\Delta x'],
      ['θ₀', '\\theta_{0}'],
      ['x₁₂', 'x_{12}'],
      ['mass', '\\mathrm{mass}'],
      ['mass2', '\\mathrm{mass}_{2}'],
      ['T_max', 'T_{\\mathrm{max}}'],
      ['T_e', 'T_{e}'],
      ['x1_max', '\\mathrm{x1\\_max}'],
      ['a_b_c', '\\mathrm{a\\_b\\_c}'],
      ['semi_major_axis_au', '\\mathrm{semi\\_major\\_axis\\_au}'],
      ['T_surface', '\\mathrm{T\\_surface}'],
      ['mass_', '\\mathrm{mass\\_}'],
      ['_x', '\\text{\\_x}'],
      ['2theta', '\\mathrm{2theta}'],
      ['v (km/s)', '\\text{v (km/s)}'],
      ['50% & $5 #1 {x}_y', '\\text{50\\% \\& \\$5 \\#1 \\{x\\}\\_y}'],
      ['a\\b^c~d', '\\text{a\\textbackslash{}b\\textasciicircum{}c\\textasciitilde{}d}'],
      ['angle θ (rad)', '\\text{angle $\\theta$ (rad)}'],
      ['<img src=x>', '\\text{\\textless{}img src=x\\textgreater{}}'],
      ['a\n\nb\u2028', '\\text{a\\textbackslash{}n\\textbackslash{}nb\\textbackslash{}u2028}'],
      ['Alpha', 'A'],
    ];
    for (const [name, expected] of cases) {
      assert.equal(latexName(name), expected, name);
      render(expected);
    }
  });

  it('writes typical formulas readably', () => {
    const cases: [Expr, string][] = [
      [binary('*', constant(2.5), x), '2.5 x_{1}'],
      [binary('*', constant(-2.5), unary('sin', w)), '-2.5 \\sin(\\omega_{0})'],
      [binary('*', x, w), 'x_{1} \\omega_{0}'],
      [binary('*', x, x), 'x_{1}^{2}'],
      [binary('*', m, x), '\\mathrm{mass} \\cdot x_{1}'],
      [binary('*', x, constant(2)), 'x_{1} \\cdot 2'],
      [binary('*', constant(2), binary('/', x, w)), '2 \\cdot \\frac{x_{1}}{\\omega_{0}}'],
      [binary('*', constant(2), binary('+', x, w)), '2 (x_{1} + \\omega_{0})'],
      [binary('/', binary('+', x, constant(1)), unary('sqrt', a)), '\\frac{x_{1} + 1}{\\sqrt{\\alpha}}'],
      [unary('exp', binary('*', constant(-0.5), unary('square', x))), 'e^{-0.5 x_{1}^{2}}'],
      [unary('exp', binary('/', x, w)), '\\exp\\left(\\frac{x_{1}}{\\omega_{0}}\\right)'],
      [unary('cube', unary('exp', x)), '\\left(e^{x_{1}}\\right)^{3}'],
      [binary('^', binary('+', x, w), constant(-1.5)), '(x_{1} + \\omega_{0})^{-1.5}'],
      [binary('^', binary('/', x, w), constant(2)), '\\left(\\frac{x_{1}}{\\omega_{0}}\\right)^{2}'],
      [binary('^', constant(-2), x), '(-2)^{x_{1}}'],
      [unary('abs', binary('-', x, constant(3))), '|x_{1} - 3|'],
      [unary('abs', binary('/', x, constant(3))), '\\left|\\frac{x_{1}}{3}\\right|'],
      [binary('-', x, binary('+', w, constant(1))), 'x_{1} - (\\omega_{0} + 1)'],
      [binary('+', x, binary('+', w, constant(1))), 'x_{1} + \\omega_{0} + 1'],
      [binary('-', x, constant(-3)), 'x_{1} + 3'],
      [binary('+', x, constant(-3)), 'x_{1} - 3'],
      [binary('+', x, binary('*', constant(-2.5), w)), 'x_{1} - 2.5 \\omega_{0}'],
      [binary('-', x, unary('neg', binary('+', w, constant(1)))), 'x_{1} + (\\omega_{0} + 1)'],
      [binary('+', x, binary('+', unary('neg', w), constant(1))), 'x_{1} + (-\\omega_{0} + 1)'],
      [unary('neg', binary('+', x, w)), '-(x_{1} + \\omega_{0})'],
      [unary('neg', unary('neg', x)), '-(-x_{1})'],
      [unary('log', unary('tanh', x)), '\\ln(\\tanh(x_{1}))'],
      [binary('*', constant(6.02214076e23), m), '6.022 \\times 10^{23} \\cdot \\mathrm{mass}'],
      [binary('*', constant(1e-6), m), '10^{-6} \\cdot \\mathrm{mass}'],
      [binary('+', constant(Math.PI), constant(0.000123456)), '\\pi + 1.235 \\times 10^{-4}'],
      [binary('*', constant(0.0012345), v), '0.001234 \\cdot \\text{v (km/s)}'],
      [binary('+', constant(Infinity), constant(NaN)), '\\infty + \\mathrm{NaN}'],
    ];
    for (const [e, expected] of cases) {
      assert.equal(latex(e), expected);
      render(expected);
    }
  });

  it('rounds numbers to the requested significant digits', () => {
    const e = binary('*', constant(1.23456789), x);
    assert.equal(latex(e), '1.235 x_{1}');
    assert.equal(latex(e, 2), '1.2 x_{1}');
    assert.equal(latex(e, 8), '1.2345679 x_{1}');
    assert.equal(latex(binary('*', constant(9.99996), x)), '10 x_{1}');
    assert.throws(() => latex(e, 0), RangeError);
  });

  it('renders every test tree with KaTeX', () => {
    const awkward = ['Δx', 'a_b_c', '50% & $5 #1 {x}_y', 'angle θ (rad)', 'T_max'];
    for (const e of ALL) {
      for (const names of [NAMES, awkward]) {
        const tex = formatExpression(e, 'latex', { names });
        assert.doesNotThrow(() => render(tex), tex);
      }
    }
  });
});
