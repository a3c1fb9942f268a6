import assert from 'node:assert/strict';
import { searchSettingsFrom, SettingsError } from '../../../src/extension/searchSettings';

const reader = (values: Record<string, unknown>) => (name: string) => values[name];

describe('Search settings', () => {
  it('reads the settings given and leaves the others to their defaults', () => {
    const settings = searchSettingsFrom(reader({ operators: ['+', '*', 'sin'], maxSize: 12, loss: 'huber', seed: null }), 8);
    assert.deepEqual(settings.options, { operators: ['+', '*', 'sin'], maxSize: 12, loss: 'huber' });
    assert.equal(settings.workers, 'auto');
  });

  it('reads 0 workers as auto and lowers a larger count to the cores', () => {
    assert.equal(searchSettingsFrom(reader({ workers: 0 }), 8).workers, 'auto');
    assert.equal(searchSettingsFrom(reader({ workers: 3 }), 8).workers, 3);
    assert.equal(searchSettingsFrom(reader({ workers: 5000 }), 8).workers, 8);
    assert.ok(!('workers' in searchSettingsFrom(reader({ workers: 3 }), 8).options));
  });

  it('names the bad setting and says what is wrong with it', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ maxSize: 2 }, 'equationDiscovery.maxSize', /^must be a positive integer of at least 3, got 2$/],
      [{ populations: 500 }, 'equationDiscovery.populations', /^must be at most 100, got 500$/],
      [{ populationSize: 1_000_000 }, 'equationDiscovery.populationSize', /must be at most 1000/],
      [{ timeLimitSeconds: 'long' }, 'equationDiscovery.timeLimitSeconds', /^must be a positive number, got "long"$/],
      [{ loss: 'l1' }, 'equationDiscovery.loss', /^must be mse, mae or huber, got "l1"$/],
      [{ operators: ['+', 'sinh'] }, 'equationDiscovery.operators', /unknown operator "sinh"/],
      [{ operators: '+' }, 'equationDiscovery.operators', /must be a list of operator names/],
      [{ workers: -1 }, 'equationDiscovery.workers', /^must be 0 \(one per available core minus one\) or a positive integer, got -1$/],
      [{ workers: 'auto' }, 'equationDiscovery.workers', /must be 0/],
    ];
    for (const [values, setting, message] of cases) {
      assert.throws(
        () => searchSettingsFrom(reader(values), 8),
        (e: unknown) => e instanceof SettingsError && e.setting === setting && message.test(e.message),
        JSON.stringify(values),
      );
    }
  });
});
