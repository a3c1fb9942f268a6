import assert from 'node:assert/strict';
import { parseFormula, relatedCommand } from '../../../src/cli/related';
import { structureKey } from '../../../src/engine/expressions/expression';
import { classifyFormula } from '../../../src/showcase/shape';

describe('eqd related', () => {
  it('prints JSON: an array, best first, of title, link, year, score and reasons', () => {
    const out = relatedCommand({ columns: ['halo_mass', 'HI_mass', 'environment'], format: 'json' });
    const items = JSON.parse(out) as Array<Record<string, unknown>>;
    assert.ok(Array.isArray(items) && items.length > 0);
    assert.equal(items[0]!.title, 'Modeling assembly bias with machine learning and symbolic regression');
    assert.equal(items[0]!.link, 'https://arxiv.org/abs/2012.00111');
    assert.equal(items[0]!.year, 2020);
    for (const item of items) {
      assert.deepEqual(Object.keys(item), ['title', 'link', 'year', 'score', 'reasons']);
      assert.equal(typeof item.title, 'string');
      assert.equal(typeof item.link, 'string');
      assert.ok(Number.isInteger(item.year));
      assert.ok(typeof item.score === 'number' && item.score > 0 && item.score <= 1);
      assert.ok(Array.isArray(item.reasons) && item.reasons.every((r) => typeof r === 'string'));
    }
    const scores = items.map((i) => i.score as number);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
  });

  it('prints an empty JSON array when nothing is relevant', () => {
    assert.deepEqual(JSON.parse(relatedCommand({ columns: ['invoice total', 'tax'], format: 'json' })), []);
  });

  it('prints an aligned table for people', () => {
    const out = relatedCommand({ description: 'planet positions and velocities', format: 'table' });
    const lines = out.trimEnd().split('\n');
    assert.match(lines[0]!, /^#\s+Score\s+Year\s+Paper$/);
    const titleColumn = lines[0]!.indexOf('Paper');
    const rows = lines.filter((l) => /^\s*\d+\s+\d\.\d\d\s+\d{4}\s/.test(l));
    assert.ok(rows.length > 0);
    assert.ok(rows[0]!.endsWith('Rediscovering orbital mechanics with machine learning'));
    for (const row of rows) assert.match(row.slice(titleColumn - 2, titleColumn), /^ {2}$/);
    for (const line of lines.slice(1).filter((l) => !rows.includes(l))) {
      assert.equal(line.length - line.trimStart().length, titleColumn, line);
    }
  });

  it('says so in the table when nothing is relevant, and names the formula shape', () => {
    const out = relatedCommand({ columns: ['invoice_total', 'tax'], formula: '1.2 * invoice_total', format: 'table' });
    assert.match(out, /^Formula shape: linear\n/);
    assert.match(out, /No paper of the research showcase is close to this run\./);
  });

  it('uses the formula shape in the ranking', () => {
    const formula = '10 * v_max^4.3 * pitch_angle^-0.5';
    const out = relatedCommand({ columns: ['M_bh', 'pitch_angle', 'v_max'], formula, format: 'json' });
    const [top] = JSON.parse(out) as Array<{ title: string; reasons: string[] }>;
    assert.equal(top!.title, 'Discovery of a Planar Black Hole Mass Scaling Relation for Spiral Galaxies');
    assert.ok(top!.reasons.includes("formula is a power law, like this paper's scaling relation"));
  });

  describe('formula text', () => {
    it('maps column names to features in column order', () => {
      const { expr } = parseFormula('2.5 * b ^ 0.5 + sin(a)', ['a', 'b']);
      assert.equal(structureKey(expr), '((2.5*(x1^0.5))+sin(x0))');
    });

    it('takes the columns from the formula when none are given', () => {
      const { expr, names } = parseFormula('s / (k + s) * mu');
      assert.deepEqual(names, ['s', 'k', 'mu']);
      assert.equal(structureKey(expr), '((x0/(x1+x0))*x2)');
    });

    it('reads unary minus and named constants, and leaves them out of the columns', () => {
      assert.equal(structureKey(parseFormula('-x', ['x']).expr), 'neg(x0)');
      const { expr, names } = parseFormula('2 * exp(-t / pi)');
      assert.deepEqual(names, ['t']);
      assert.equal(structureKey(expr), `(2*exp((neg(x0)/${Math.PI})))`);
      assert.deepEqual(classifyFormula(expr), ['exponential decay']);
    });

    it('rejects unknown columns and functions', () => {
      assert.throws(() => parseFormula('a * x', ['x']), /Unknown variable "a"/);
      assert.throws(() => parseFormula('gamma(x)', ['x']), /Unknown function "gamma"/);
      assert.throws(() => relatedCommand({ columns: ['x'], formula: 'y + 1', format: 'json' }), /Unknown variable "y"/);
    });
  });
});
