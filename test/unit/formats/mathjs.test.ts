import assert from 'node:assert/strict';
import { all, create } from 'mathjs';
import { evaluateRow } from '../../../src/engine/evaluation/evaluate';
import { binary, constant, equalExpr, feature, unary } from '../../../src/engine/expressions/expression';
import { formatExpression, parseExpression, sanitizeIdentifiers } from '../../../src/engine/expressions/formats';
import { isCleanRow } from '../helpers/reference';
import { ALL, NAMES, ROWS } from './cases';

const names = NAMES;
const mathjsText = (e: Parameters<typeof formatExpression>[0]): string => formatExpression(e, 'mathjs', { names });

describe('mathjs format', function () {
  this.timeout(60_000);

  it('prints constants with every digit and spells signs so that they parse back', () => {
    const x = feature(0);
    assert.equal(mathjsText(binary('*', constant(0.1 + 0.2), x)), '0.30000000000000004 * pi_');
    assert.equal(mathjsText(binary('-', x, constant(-3))), 'pi_ - (-3)');
    assert.equal(mathjsText(binary('^', x, constant(-2))), 'pi_^(-2)');
    assert.equal(mathjsText(unary('neg', binary('^', x, constant(2)))), '-pi_^2');
    assert.equal(mathjsText(binary('^', constant(-2), x)), '(-2)^pi_');
    assert.equal(mathjsText(unary('neg', constant(2))), '-(2)');
    assert.equal(mathjsText(unary('neg', unary('neg', x))), '-(-pi_)');
    assert.equal(mathjsText(unary('square', x)), 'square(pi_)');
    assert.equal(mathjsText(binary('^', binary('^', x, x), x)), '(pi_^pi_)^pi_');
    assert.equal(mathjsText(binary('^', x, binary('^', x, x))), 'pi_^pi_^pi_');
    assert.equal(mathjsText(constant(-0)), '-0');
    assert.equal(mathjsText(constant(1.5e300)), '1.5e+300');
    assert.equal(mathjsText(binary('+', constant(-Infinity), constant(NaN))), '-Infinity + NaN');
    assert.equal(mathjsText(unary('log', feature(3))), 'log(e_)');
  });

  it('parses its own text back to the identical tree, evaluating bit for bit the same', () => {
    let compared = 0;
    for (const e of ALL) {
      const text = mathjsText(e);
      const back = parseExpression(text, names);
      assert.ok(equalExpr(back, e), `round trip changed the tree of ${text}: ${mathjsText(back)}`);
      for (const row of ROWS) {
        const a = evaluateRow(e, row);
        const b = evaluateRow(back, row);
        assert.ok(Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)), `${text} at [${row.join(', ')}]: ${a} vs ${b}`);
        compared++;
      }
    }
    assert.equal(compared, ALL.length * ROWS.length);
  });

  it('evaluates in mathjs to the same numbers', () => {
    // `predictable: true` keeps mathjs in real numbers (sqrt(-1) is NaN, not a complex number), but it
    // still takes odd roots of negative numbers ((-8)^(1/3) = -2) where IEEE pow gives NaN; so only rows
    // whose intermediate values are all finite are compared.
    const math = create(all, { predictable: true });
    const ids = sanitizeIdentifiers(names, 'mathjs');
    let clean = 0;
    for (const e of ALL) {
      const text = mathjsText(e);
      const compiled = math.compile(text);
      for (const row of ROWS) {
        if (!isCleanRow(e, row)) continue;
        clean++;
        const scope = Object.fromEntries(ids.map((id, i) => [id, row[i]!]));
        const got: unknown = compiled.evaluate(scope);
        const ref = evaluateRow(e, row);
        assert.equal(typeof got, 'number', `${text}: mathjs returned ${String(got)}`);
        assert.ok(Math.abs((got as number) - ref) <= 1e-12 * Math.abs(ref), `${text} at [${row.join(', ')}]: mathjs ${String(got)}, engine ${ref}`);
      }
    }
    assert.ok(clean > ALL.length * ROWS.length * 0.6, `only ${clean} clean rows`);
  });
});
