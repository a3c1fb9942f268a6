import assert from 'node:assert/strict';
import {
  AUTO_BATCHING_ROWS,
  DEFAULT_OPTIONS,
  OPTION_SCHEMA,
  OptionsError,
  resolveOptions,
  validateOptions,
} from '../../../src/engine/options';
import { optionProblem } from '../../../src/engine/options/check';
import { optionFromText } from '../../../src/engine/options/fromText';
import { splitList } from '../../../src/engine/options/textList';

describe('Options schema: validation', () => {
  it('fills every default from the schema and keeps what is given', () => {
    const options = validateOptions({ maxSize: 12, loss: 'mae', seed: undefined });
    assert.equal(options.maxSize, 12);
    assert.equal(options.loss, 'mae');
    assert.equal(options.seed, 0);
    assert.deepEqual(options.operators, ['+', '-', '*', '/']);
    assert.equal(options.populations, 15);
    assert.equal(options.timeLimitSeconds, 60);
    assert.equal(options.iterations, Number.POSITIVE_INFINITY);
    for (const name of Object.keys(DEFAULT_OPTIONS)) assert.ok(name in OPTION_SCHEMA, name);
    assert.ok(!('workers' in DEFAULT_OPTIONS), 'the engine never sees the worker count');
  });

  it('names the option and the value in every error', () => {
    const cases: [Parameters<typeof validateOptions>[0], string, RegExp][] = [
      [{ maxSize: 2 }, 'maxSize', /^maxSize must be a positive integer of at least 3, got 2$/],
      [{ maxSize: 101 }, 'maxSize', /^maxSize must be at most 100, got 101$/],
      [{ populationSize: 1001 }, 'populationSize', /must be at most 1000/],
      [{ populationSize: 2.5 }, 'populationSize', /must be a positive integer of at least 4, got 2.5/],
      [{ seed: -1 }, 'seed', /^seed must be zero or a positive integer, got -1$/],
      [{ timeLimitSeconds: 0 }, 'timeLimitSeconds', /^timeLimitSeconds must be positive, got 0$/],
      [{ huberDelta: Number.NaN }, 'huberDelta', /must be a positive number, got NaN/],
      [{ parsimony: Number.POSITIVE_INFINITY }, 'parsimony', /must be a finite number/],
      [{ crossoverProbability: -0.1 }, 'crossoverProbability', /must be between 0 and 1, got -0.1/],
      [{ loss: 'l2' as 'mse' }, 'loss', /^loss must be mse, mae or huber, got "l2"$/],
      [{ annealing: 1 as unknown as boolean }, 'annealing', /must be true or false/],
      [{ batching: 'yes' as 'auto' }, 'batching', /must be true, false or auto/],
      [{ operators: ['+', 'sinh'] }, 'operators', /^operators has an unknown operator "sinh" \(available: \+ - \* \/ \^ neg sqrt/],
      [{ operators: ['sin'] }, 'operators', /needs at least one binary operator/],
      [{ mutationWeights: { addNode: -1 } as never }, 'mutationWeights', /but addNode is -1/],
      [{ modelSelection: 'aic' as 'best' }, 'modelSelection', /must be best, accuracy or score/],
    ];
    for (const [options, option, message] of cases) {
      assert.throws(
        () => validateOptions(options),
        (e: unknown) => e instanceof OptionsError && e.option === option && message.test(e.message),
        `${JSON.stringify(options)}`,
      );
    }
  });

  it('takes no limit for the budget, and Infinity nowhere else', () => {
    const options = validateOptions({ timeLimitSeconds: Infinity, maxEvaluations: Infinity, iterations: Infinity });
    assert.equal(options.timeLimitSeconds, Infinity);
    assert.throws(() => validateOptions({ maxSize: Infinity }), /maxSize must be/);
  });

  it('leaves to the resolution what depends on the data and on other options', () => {
    assert.equal(resolveOptions({}, AUTO_BATCHING_ROWS).batching, false);
    assert.equal(resolveOptions({}, AUTO_BATCHING_ROWS + 1).batching, true);
    assert.equal(resolveOptions({ batchSize: AUTO_BATCHING_ROWS }, AUTO_BATCHING_ROWS + 1).batching, false);
    assert.equal(resolveOptions({ batching: true }, 10).batching, true);
    const resolved = resolveOptions({ operators: ['sin', '*', '+', '*', 'exp'], maxSize: 7, maxDepth: 20, populationSize: 5 }, 10);
    assert.deepEqual(resolved.binaryOperators, ['*', '+']);
    assert.deepEqual(resolved.unaryOperators, ['sin', 'exp']);
    assert.equal(resolved.maxDepth, 7);
    assert.equal(resolved.tournamentSize, 5);
  });
});

describe('Options schema: values typed as text', () => {
  it('splits lists at commas, and at spaces where names have none', () => {
    assert.deepEqual(splitList(' a, b c,,d '), ['a', 'b c', 'd']);
    assert.deepEqual(splitList('+, - *,/', { alsoSpaces: true }), ['+', '-', '*', '/']);
    assert.deepEqual(splitList(' , '), []);
  });

  it('reads numbers, never Infinity, and leaves bad text for the check to explain', () => {
    const { maxSize, timeLimitSeconds, operators, loss } = OPTION_SCHEMA;
    const { workers } = OPTION_SCHEMA;
    assert.equal(optionFromText(maxSize, '12'), 12);
    assert.ok(Number.isNaN(optionFromText(timeLimitSeconds, 'Infinity') as number));
    assert.ok(Number.isNaN(optionFromText(timeLimitSeconds, ' ') as number));
    assert.equal(optionProblem(timeLimitSeconds, optionFromText(timeLimitSeconds, 'soon'), '"soon"'), 'must be a positive number, got "soon"');
    assert.deepEqual(optionFromText(operators, '+ -,sqrt'), ['+', '-', 'sqrt']);
    assert.equal(optionFromText(loss, 'huber'), 'huber');
    assert.equal(optionFromText(workers, 'auto'), 'auto');
    assert.equal(optionFromText(workers, '3'), 3);
    assert.match(optionProblem(workers, optionFromText(workers, '0'), '"0"') ?? '', /positive integer or auto, got "0"/);
  });
});
