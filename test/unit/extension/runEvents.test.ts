import assert from 'node:assert/strict';
import { Emitter } from '../../../src/extension/emitter';
import { progressText } from '../../../src/extension/views/progressText';
import { runRecord } from './runRecords';

describe('Run events', () => {
  it('reach every listener once per subscription, until it unsubscribes', () => {
    const errors: unknown[] = [];
    const emitter = new Emitter<number>((e) => errors.push(e));
    const heard: string[] = [];
    const listener = (n: number): void => void heard.push(`a${n}`);
    const first = emitter.event(listener);
    emitter.event(listener);
    emitter.event(() => {
      throw new Error('broken');
    });
    emitter.event((n) => heard.push(`b${n}`));
    emitter.fire(1);
    first.dispose();
    emitter.fire(2);
    emitter.dispose();
    emitter.fire(3);
    assert.deepEqual(heard, ['a1', 'a1', 'b1', 'a2', 'b2']);
    assert.equal(errors.length, 2);
  });

  it('skip a listener unsubscribed by an earlier one of the same event', () => {
    const emitter = new Emitter<void>(() => undefined);
    const heard: string[] = [];
    emitter.event(() => {
      heard.push('first');
      second.dispose();
    });
    const second = emitter.event(() => heard.push('second'));
    emitter.fire();
    assert.deepEqual(heard, ['first']);
  });
});

describe('Progress notification text', () => {
  it('says the time, the speed and the lowest loss of the front', () => {
    const run = runRecord({ stats: { evaluations: 1, evaluationsPerSecond: 12_345, seconds: 7.4 } });
    assert.equal(progressText(run), '7 s, 12k evaluations/s, best loss 12.0');
    assert.equal(progressText({ ...run, front: [], stats: { ...run.stats, evaluationsPerSecond: 812.4 } }), '7 s, 812 evaluations/s');
    assert.equal(progressText({ ...run, front: [{ ...run.front[0]!, loss: 0 }] }), '7 s, 12k evaluations/s, best loss 0');
  });
});
