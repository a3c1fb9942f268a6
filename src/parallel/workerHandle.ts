import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter';
import type { SearchWorkerApi } from './workerProtocol';

/** Worker threads of this process that have started and not yet exited. */
const live = new Set<Worker>();

export function liveWorkerCount(): number {
  return live.size;
}

/**
 * One search worker thread and its comlink proxy. A call made through `call` fails as soon as the thread
 * dies, instead of waiting forever for an answer that will not come.
 */
export class WorkerHandle {
  readonly remote: Comlink.Remote<SearchWorkerApi>;
  private readonly worker: Worker;
  private readonly death: Promise<never>;
  private exited = false;
  private termination: Promise<void> | undefined;

  constructor(
    script: string,
    readonly id: number,
  ) {
    this.worker = new Worker(script);
    live.add(this.worker);
    this.remote = Comlink.wrap<SearchWorkerApi>(nodeEndpoint(this.worker));
    this.death = new Promise<never>((_, reject) => {
      this.worker.once('error', (error) => reject(error));
      this.worker.once('exit', (code) => {
        this.exited = true;
        live.delete(this.worker);
        reject(new Error(`worker ${id} exited with code ${code}`));
      });
    });
    // The death promise is raced on every call; keep an unobserved rejection from being reported.
    this.death.catch(() => undefined);
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** Runs `fn` on the worker's proxy; rejects if the worker throws or dies first. */
  call<T>(fn: (remote: Comlink.Remote<SearchWorkerApi>) => Promise<T>): Promise<T> {
    return Promise.race([fn(this.remote), this.death]);
  }

  /** Stops the thread and waits until it has exited; every caller gets the same promise. */
  terminate(): Promise<void> {
    this.termination ??= this.stop();
    return this.termination;
  }

  private async stop(): Promise<void> {
    if (this.exited) return;
    this.remote[Comlink.releaseProxy]();
    await this.worker.terminate();
    this.exited = true;
    live.delete(this.worker);
  }
}
