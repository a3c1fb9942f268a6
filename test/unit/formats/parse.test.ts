import assert from 'node:assert/strict';
import { binary, constant, equalExpr, feature, unary, type Expr } from '../../../src/engine/expressions/expression';
import { FormulaParseError, parseExpression } from '../../../src/engine/expressions/formats';

const names = ['x', 'v (km/s)', 'pi', 'e', 'speed'];
const parsed = (text: string): Expr => parseExpression(text, names);
const same = (text: string, expected: Expr): void => {
  const got = parsed(text);
  assert.ok(equalExpr(got, expected), `${text}: ${JSON.stringify(got)}`);
};

/** The error must be a FormulaParseError whose message names `token` and, when given, its 1-based position. */
function rejects(text: string, token: string, position?: number): void {
  assert.throws(
    () => parsed(text),
    (err: unknown) => {
      assert.ok(err instanceof FormulaParseError, `not a FormulaParseError: ${String(err)}`);
      assert.ok(err.message.includes(`"${token}"`), `message does not name "${token}": ${err.message}`);
      assert.equal(err.token, token);
      if (position !== undefined) {
        assert.equal(err.position, position, err.message);
        assert.ok(err.message.includes(`char ${position}`), err.message);
      }
      return true;
    },
    text,
  );
}

describe('parseExpression', () => {
  const x = feature(0);
  const v = feature(1);

  it('reads sanitised names, original names that are valid symbols, pi and e', () => {
    same('x * v_km_s', binary('*', x, v));
    same('pi_ + e_ + speed', binary('+', binary('+', feature(2), feature(3)), feature(4)));
    same('pi * e', binary('*', constant(Math.PI), constant(Math.E)));
    same('PI / E', binary('/', constant(Math.PI), constant(Math.E)));
  });

  it('maps every operator and function back', () => {
    same('-x^2', unary('neg', binary('^', x, constant(2))));
    same('(-x)^2', binary('^', unary('neg', x), constant(2)));
    same('x^v_km_s^2', binary('^', x, binary('^', v, constant(2))));
    same('x - (-3)', binary('-', x, constant(-3)));
    same('-(3)', unary('neg', constant(3)));
    same('-(-3)', unary('neg', constant(-3)));
    same('--x', unary('neg', unary('neg', x)));
    same('2 x', binary('*', constant(2), x));
    same('x / 2 / 3', binary('/', binary('/', x, constant(2)), constant(3)));
    same('1.5e-7 * x', binary('*', constant(1.5e-7), x));
    same('-Infinity + NaN', binary('+', constant(-Infinity), constant(NaN)));
    for (const f of ['sqrt', 'exp', 'log', 'sin', 'cos', 'tan', 'tanh', 'abs', 'square', 'cube'] as const) {
      same(`${f}(x)`, unary(f, x));
    }
  });

  it('names an unknown function and where it is', () => {
    rejects('2 * foo(x)', 'foo', 5);
    rejects('sqrt(x) + gamma(x)', 'gamma', 11);
    rejects('x(2)', 'x', 1);
  });

  it('names an unknown variable and where it is', () => {
    rejects('x + y', 'y', 5);
    rejects('sqrt(x) * sqrt', 'sqrt', 11);
    rejects('v (km/s) + 1', 'v', 1);
    rejects('tau * x', 'tau', 1);
  });

  it('names the token of a syntax error', () => {
    rejects('2 * * x', '*', 5);
    rejects('x +', 'end of formula', 4);
    rejects('(x + 1', 'end of formula');
    rejects('x + 1)', ')', 6);
    rejects('x @ 2', '@', 3);
  });

  it('rejects everything outside the formula grammar', () => {
    rejects('x = 2', '=', 3);
    rejects('[x, 2]', '[', 1);
    rejects('x % 2', '%', 3);
    rejects('x mod 2', 'mod', 3);
    rejects('x!', '!', 2);
    rejects('x < 2', '<', 3);
    rejects('x ? 1 : 2', '?', 3);
    rejects('1:3', ':', 2);
    rejects('x; 2', ';', 2);
    rejects('+x', '+', 1);
    rejects('"text"', '"text"', 1);
    rejects('true * x', 'true', 1);
    rejects('log(x, 2)', 'log', 1);
    rejects('x.y', '.', 2);
    rejects('f(x) = x', '=', 6);
    assert.throws(() => parsed('   '), FormulaParseError);
  });
});
