import assert from 'node:assert/strict';
import { SerialQueue } from '../../../src/extension/runs/serialQueue';

const later = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('Serial queue', () => {
  it('runs tasks one at a time, in the order they were queued', async () => {
    const queue = new SerialQueue();
    const events: string[] = [];
    const task = (name: string, ms: number) => async (): Promise<string> => {
      events.push(`start ${name}`);
      await later(ms);
      events.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([queue.run(task('a', 20)), queue.run(task('b', 1)), queue.run(task('c', 5))]);
    assert.deepEqual(results, ['a', 'b', 'c']);
    assert.deepEqual(events, ['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('goes on after a task fails, and reports the failure to its caller only', async () => {
    const queue = new SerialQueue();
    const failing = queue.run(async () => {
      throw new Error('no space');
    });
    const next = queue.run(async () => 'done');
    await assert.rejects(failing, /no space/);
    assert.equal(await next, 'done');
  });

  it('says when everything queued so far has ended', async () => {
    const queue = new SerialQueue();
    let finished = false;
    const task = queue.run(async () => {
      await later(10);
      finished = true;
    });
    await queue.idle();
    assert.equal(finished, true);
    await task;
  });
});
