import assert from 'node:assert/strict';
import { parseDiscoverArgs } from '../../../src/cli/discoverArgs';
import { USAGE } from '../../../src/cli/usage';
import { UsageError } from '../../../src/cli/errors';

describe('eqd discover arguments', () => {
  it('reads every search option flag into the options the search takes', () => {
    const args = parseDiscoverArgs([
      'data.csv',
      '--operators', '+, -,*,sqrt',
      '--maxsize', '12',
      '--time-limit', '2.5',
      '--max-evals', '1000',
      '--iterations', '3',
      '--loss', 'mae',
      '--workers', '2',
      '--seed', '7',
      '--features', 'a, b c',
    ]);
    assert.deepEqual(args.search, {
      operators: ['+', '-', '*', 'sqrt'],
      maxSize: 12,
      timeLimitSeconds: 2.5,
      maxEvaluations: 1000,
      iterations: 3,
      loss: 'mae',
      seed: 7,
    });
    assert.equal(args.workers, 2);
    assert.deepEqual(args.features, ['a', 'b c']);
  });

  it('takes auto workers, and a budget without a time limit as the only stopping rule', () => {
    assert.equal(parseDiscoverArgs(['d.csv', '--workers', 'auto']).workers, 'auto');
    assert.equal(parseDiscoverArgs(['d.csv']).workers, undefined);
    assert.equal(parseDiscoverArgs(['d.csv', '--iterations', '2']).search.timeLimitSeconds, Infinity);
    assert.equal(parseDiscoverArgs(['d.csv', '--iterations', '2', '--time-limit', '5']).search.timeLimitSeconds, 5);
    assert.deepEqual(parseDiscoverArgs(['d.csv']).search, {});
  });

  it('reads the data flags: the sheet or table of the file and a row range', () => {
    const args = parseDiscoverArgs(['book.xlsx', '--sheet', 'Run 2', '--rows', '100:5000']);
    assert.deepEqual(args.data, { sheet: 'Run 2', rows: { first: 100, last: 5000 } });
    assert.deepEqual(parseDiscoverArgs(['sim.h5', '--dataset', '/run1', '--rows', '10:']).data, { dataset: '/run1', rows: { first: 10 } });
    assert.deepEqual(parseDiscoverArgs(['d.csv']).data, {});
    assert.throws(() => parseDiscoverArgs(['d.csv', '--rows', '9:3']), (e: unknown) => e instanceof UsageError && /^--rows: row range "9:3" ends before it starts$/.test(e.message));
    assert.throws(() => parseDiscoverArgs(['d.csv', '--sheet', ' ']), (e: unknown) => e instanceof UsageError && /--sheet needs a name/.test(e.message));
    for (const flag of ['--sheet', '--dataset', '--rows']) assert.match(USAGE, new RegExp(`\\n  ${flag} `));
  });

  it('says which flag is wrong and why, before any data is read', () => {
    const cases: [string[], RegExp][] = [
      [['--time-limit', 'soon'], /^--time-limit must be a positive number, got "soon"$/],
      [['--time-limit', 'Infinity'], /^--time-limit must be a positive number/],
      [['--maxsize', '2'], /^--maxsize must be a positive integer of at least 3, got "2"$/],
      [['--maxsize', '101'], /^--maxsize must be at most 100, got "101"$/],
      [['--loss', 'l2'], /^--loss must be mse, mae or huber, got "l2"$/],
      [['--workers', '0'], /^--workers must be a positive integer or auto, got "0"$/],
      [['--seed=-1'], /^--seed must be zero or a positive integer/],
      [['--operators', '+,*,sinh'], /^--operators has an unknown operator "sinh"/],
      [['--operators', 'sin'], /^--operators needs at least one binary operator/],
      [['--max-evals', '1e3.5'], /^--max-evals must be a positive integer/],
    ];
    for (const [flags, message] of cases) {
      assert.throws(() => parseDiscoverArgs(['d.csv', ...flags]), (e: unknown) => e instanceof UsageError && message.test(e.message), flags.join(' '));
    }
  });

  it('lists every flag in the help, with its default', () => {
    /** The help entry of a flag, its lines joined. */
    const entry = (flag: string): string =>
      (USAGE.split(/\n(?= {2}--)/).find((e) => e.startsWith(`  --${flag} `)) ?? '').split('\n\n')[0]!.replace(/\s+/g, ' ');
    const expected: [string, RegExp][] = [
      ['operators', /^ --operators "\+,-,\*,\/" Operators formulas may use\..* Default: \+,-,\*,\/\. PySR: binary_operators, unary_operators\.$/],
      ['maxsize', /^ --maxsize N Largest complexity .* Default: 30, from 3 to 100\. PySR: maxsize\.$/],
      ['time-limit', /^ --time-limit SECONDS How long .* Default: 60\. PySR: timeout_in_seconds\.$/],
      ['max-evals', /^ --max-evals N .* Default: no limit\. PySR: max_evals\.$/],
      ['iterations', /^ --iterations N .* Default: no limit\. PySR: niterations\.$/],
      ['loss', /^ --loss mse\|mae\|huber .*mae: Mean absolute error .* Default: mse\./],
      ['workers', /^ --workers N\|auto .* auto uses one per available core minus one\. Default: auto\.$/],
      ['seed', /^ --seed N .* Default: 0\. PySR: random_state\.$/],
      ['target', /^ --target <column>/],
      ['quiet', /^ --quiet no progress/],
    ];
    for (const [flag, line] of expected) assert.match(entry(flag), line, flag);
    for (const text of USAGE.split('\n')) assert.ok(text.length <= 110, text);
  });
});
