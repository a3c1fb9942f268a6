import assert from 'node:assert/strict';
import { Interrupts } from '../../../src/cli/interrupts';

describe('Ctrl+C handling of the command line', () => {
  it('calls the handler on the first Ctrl+C and exits on the second', () => {
    const events: string[] = [];
    const interrupts = new Interrupts(() => events.push('exit'));
    interrupts.onInterrupt(() => events.push('stop'));
    interrupts.interrupt();
    assert.deepEqual(events, ['stop']);
    interrupts.interrupt();
    assert.deepEqual(events, ['stop', 'exit']);
  });

  it('keeps a Ctrl+C that comes before the command registers its handler', () => {
    const events: string[] = [];
    const interrupts = new Interrupts(() => events.push('exit'));
    interrupts.interrupt();
    assert.equal(events.length, 0);
    interrupts.onInterrupt(() => events.push('stop'));
    assert.deepEqual(events, ['stop']);
    interrupts.interrupt();
    assert.deepEqual(events, ['stop', 'exit']);
  });
});
