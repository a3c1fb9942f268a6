import assert from 'node:assert/strict';
import {
  accept,
  Channel,
  dispatch,
  expectMessage,
  InvalidMessageError,
  preview,
  type Handlers,
  type Port,
} from '../../../src/shared/messages';
import { integerIn, tagged } from '../../../src/shared/schema';

type Ping = { type: 'ping'; count: number } | { type: 'reset' };
const isPing = tagged({ ping: { count: integerIn(0, 10) }, reset: {} });

/** A port whose incoming values the test delivers by hand, and whose posts it reads back. */
class TestPort<Out> implements Port<Out> {
  readonly posted: Out[] = [];
  private readonly listeners = new Set<(value: unknown) => void>();

  post(message: Out): void {
    this.posted.push(message);
  }

  listen(listener: (value: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  deliver(value: unknown): void {
    for (const listener of this.listeners) listener(value);
  }
}

/** A channel over a test port, with the messages its handlers saw and the values it dropped. */
function pingChannel() {
  const port = new TestPort<Ping>();
  const dropped: unknown[] = [];
  const channel = new Channel<Ping, Ping>(port, isPing, (value) => dropped.push(value));
  const seen: string[] = [];
  const stop = channel.handle({
    ping: ({ count }) => seen.push(`ping ${count}`),
    reset: () => seen.push('reset'),
  });
  return { port, channel, dropped, seen, stop };
}

describe('Message layer', () => {
  it('dispatches a message to the handler of its type and returns what it returns', () => {
    const handlers: Handlers<Ping, { ping: number; reset: string }> = {
      ping: ({ count }) => count * 2,
      reset: () => 'cleared',
    };
    assert.equal(dispatch(handlers, { type: 'ping', count: 4 }), 8);
    assert.equal(dispatch(handlers, { type: 'reset' }), 'cleared');
  });

  it('passes valid messages to their handlers, in order', () => {
    const { port, dropped, seen } = pingChannel();
    port.deliver({ type: 'ping', count: 1 });
    port.deliver({ type: 'reset' });
    port.deliver({ type: 'ping', count: 2, extra: 'ignored' });
    assert.deepEqual(seen, ['ping 1', 'reset', 'ping 2']);
    assert.deepEqual(dropped, []);
  });

  it('drops and reports malformed messages without reaching any handler', () => {
    const { port, dropped, seen } = pingChannel();
    const malformed = [
      { type: 'ping', count: 11 },
      { type: 'ping', count: '1' },
      { type: 'ping' },
      { type: 'pong', count: 1 },
      { count: 1 },
      'ping',
      null,
      undefined,
      [{ type: 'reset' }],
    ];
    for (const value of malformed) port.deliver(value);
    assert.deepEqual(seen, []);
    assert.deepEqual(dropped, malformed);
    port.deliver({ type: 'reset' });
    assert.deepEqual(seen, ['reset'], 'the channel still works after dropping messages');
  });

  it('stops handling once told to', () => {
    const { port, dropped, seen, stop } = pingChannel();
    stop();
    port.deliver({ type: 'reset' });
    port.deliver('malformed');
    assert.deepEqual(seen, []);
    assert.deepEqual(dropped, []);
  });

  it('posts through its port', () => {
    const { port, channel } = pingChannel();
    channel.post({ type: 'ping', count: 3 });
    assert.deepEqual(port.posted, [{ type: 'ping', count: 3 }]);
  });

  it('accepts a value that passes the check and reports one that does not', () => {
    const reported: unknown[] = [];
    assert.deepEqual(accept({ type: 'reset' }, isPing, (v) => reported.push(v)), { type: 'reset' });
    assert.equal(accept('reset', isPing, (v) => reported.push(v)), undefined);
    assert.deepEqual(reported, ['reset']);
  });

  it('makes a malformed request or reply fail with an InvalidMessageError', () => {
    assert.deepEqual(expectMessage({ type: 'ping', count: 0 }, isPing, 'ping request'), { type: 'ping', count: 0 });
    assert.throws(
      () => expectMessage({ type: 'ping', count: -1 }, isPing, 'ping request'),
      (error: unknown) => error instanceof InvalidMessageError && error.message === 'malformed ping request',
    );
  });

  it('previews a dropped value for the log, shortened, even when it is not JSON', () => {
    assert.equal(preview({ type: 'x' }), '{"type":"x"}');
    assert.equal(preview('a'.repeat(300)).length, 201);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    assert.equal(preview(cyclic), '[object Object]');
    assert.equal(preview(undefined), 'undefined');
  });
});
