import type { StoreFolder } from '../../../src/extension/runs/storeFolder';

/**
 * A store folder in memory. Every operation takes a turn of the event loop, as real file systems do, so that
 * operations started together interleave. `failWrite` makes a write fail after writing part of its bytes.
 */
export class MemoryFolder implements StoreFolder {
  readonly files = new Map<string, Uint8Array>();
  readonly reads: string[] = [];
  failWrite: ((name: string) => boolean) | undefined;

  private tick(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }

  async read(name: string): Promise<Uint8Array | undefined> {
    await this.tick();
    this.reads.push(name);
    return this.files.get(name);
  }

  async write(name: string, bytes: Uint8Array): Promise<void> {
    await this.tick();
    if (this.failWrite?.(name)) {
      this.files.set(name, bytes.slice(0, Math.floor(bytes.length / 2)));
      throw new Error(`disk full while writing ${name}`);
    }
    this.files.set(name, bytes);
  }

  async rename(from: string, to: string): Promise<void> {
    await this.tick();
    const bytes = this.files.get(from);
    if (!bytes) throw new Error(`no file ${from}`);
    this.files.delete(from);
    this.files.set(to, bytes);
  }

  async delete(name: string): Promise<void> {
    await this.tick();
    this.files.delete(name);
  }

  async list(): Promise<string[]> {
    await this.tick();
    return [...this.files.keys()];
  }

  setText(name: string, text: string): void {
    this.files.set(name, new TextEncoder().encode(text));
  }

  text(name: string): string | undefined {
    const bytes = this.files.get(name);
    return bytes && new TextDecoder().decode(bytes);
  }

  json(name: string): unknown {
    const text = this.text(name);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  }
}
