/** Runs tasks one at a time, in the order they were queued, whatever the outcome of the ones before. */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Resolves once every task queued so far has ended. */
  idle(): Promise<void> {
    return this.tail;
  }
}
