/**
 * The message layer of both channels (extension <-> results page, search coordinator <-> workers): a check
 * at the receiving end, so that handlers only ever see messages of the channel's protocol, and dispatch of
 * each message by its `type` to one handler per type.
 */

import type { Check } from './schema';

export interface Message {
  readonly type: string;
}

export type MessageOfType<M extends Message, T extends M['type']> = Extract<M, { type: T }>;

/** What the handler of each message type returns. */
export type Results<M extends Message> = { readonly [T in M['type']]: unknown };

/** The same result for every message type. */
export type Each<M extends Message, R> = { readonly [T in M['type']]: R };

/** One handler per message type: a type without its handler is a compile error. */
export type Handlers<M extends Message, R extends Results<M> = Each<M, void>> = {
  readonly [T in M['type']]: (message: MessageOfType<M, T>) => R[T];
};

/** Runs the handler of the message's type and returns what it returns. */
export function dispatch<M extends Message, R extends Results<M>>(handlers: Handlers<M, R>, message: M): R[M['type']] {
  const handler = handlers[message.type as M['type']] as (message: M) => R[M['type']];
  return handler(message);
}

/** Told about each value a channel received and dropped because it is not a message of the channel. */
export type InvalidMessageReporter = (value: unknown) => void;

/** `value` when it passes `check`; otherwise `undefined`, after reporting it. */
export function accept<M>(value: unknown, check: Check<M>, onInvalid: InvalidMessageReporter): M | undefined {
  if (check(value)) return value;
  onInvalid(value);
  return undefined;
}

/** A value that arrived as a request or a reply and is not one of the protocol's. */
export class InvalidMessageError extends Error {
  override name = 'InvalidMessageError';
}

/**
 * `value` when it passes `check`; otherwise throws `InvalidMessageError`, saying what was expected. This is
 * the receiving end of a request/reply channel: there the sender waits for an answer, so a message cannot
 * just be dropped; its call fails instead.
 */
export function expectMessage<M>(value: unknown, check: Check<M>, expected: string): M {
  if (check(value)) return value;
  throw new InvalidMessageError(`malformed ${expected}`);
}

/** What carries a channel's messages: a webview, a window, a message port. */
export interface Port<Out> {
  post(message: Out): void;
  /** Calls `listener` with every value that arrives; returns the function that stops listening. */
  listen(listener: (value: unknown) => void): () => void;
}

/**
 * Both ends of one side of a channel: it sends messages of `Out`, and receives only messages of `In`, whose
 * check every incoming value must pass first (the others are reported and dropped).
 */
export class Channel<In extends Message, Out extends Message> {
  constructor(
    private readonly port: Port<Out>,
    private readonly incoming: Check<In>,
    private readonly onInvalid: InvalidMessageReporter,
  ) {}

  post(message: Out): void {
    this.port.post(message);
  }

  /** Passes every valid incoming message to `listener`; returns the function that stops listening. */
  receive(listener: (message: In) => void): () => void {
    return this.port.listen((value) => {
      const message = accept(value, this.incoming, this.onInvalid);
      if (message !== undefined) listener(message);
    });
  }

  /** Dispatches every valid incoming message to the handler of its type; returns the function that stops. */
  handle(handlers: Handlers<In>): () => void {
    return this.receive((message) => dispatch(handlers, message));
  }
}

/** The start of a value as JSON, for a log line about a dropped message. */
export function preview(value: unknown, maxLength = 200): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}
