/** Subscribes a listener; disposing the result unsubscribes it. Shaped like `vscode.Event`. */
export type Event<T> = (listener: (value: T) => void) => { dispose(): void };

/**
 * A typed event source that needs no VS Code, so that what fires it can be tested without an extension host.
 * A listener that throws is reported to `onListenerError` and does not keep the others from hearing the event.
 */
export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(private readonly onListenerError: (error: unknown) => void) {}

  readonly event: Event<T> = (listener) => {
    // A wrapper per subscription, so that one function subscribed twice is called twice and unsubscribed once.
    const subscription = (value: T): void => listener(value);
    this.listeners.add(subscription);
    return { dispose: () => this.listeners.delete(subscription) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      // One unsubscribed by an earlier listener of this same event no longer hears it.
      if (!this.listeners.has(listener)) continue;
      try {
        listener(value);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
