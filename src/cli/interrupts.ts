/**
 * Ctrl+C for a command: the first one calls the handler the command registered, even when it registers it
 * only later (while it was still loading its data, say); the second one exits at once.
 */
export class Interrupts {
  private count = 0;
  private handler: (() => void) | undefined;

  constructor(private readonly exitNow: () => void) {}

  /** One Ctrl+C. */
  interrupt(): void {
    this.count++;
    if (this.count > 1) this.exitNow();
    else this.handler?.();
  }

  /** Registers what the first Ctrl+C does; called at once if it came already. */
  onInterrupt(handler: () => void): void {
    this.handler = handler;
    if (this.count === 1) handler();
  }
}
