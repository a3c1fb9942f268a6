import type * as vscode from 'vscode';

/** Owns a set of disposables and releases them all, once, when it is disposed. */
export class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposed = false;

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  /** Registers `d` to be disposed with this object and returns it. */
  protected register<T extends vscode.Disposable>(d: T): T {
    if (this.disposed) d.dispose();
    else this.owned.push(d);
    return d;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    while (this.owned.length > 0) {
      try {
        this.owned.pop()!.dispose();
      } catch (error) {
        console.error('Equation Discovery: error while disposing', error);
      }
    }
  }
}
