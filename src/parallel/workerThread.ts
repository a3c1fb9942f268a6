import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter';
import { expectMessage } from '../shared/messages';
import type { Check } from '../shared/schema';

/** Worker threads of this process that have started and not yet exited. */
const live = new Set<Worker>();

export function liveWorkerCount(): number {
  return live.size;
}

/** What a worker thread exposes through comlink: one entry point for every request of its protocol. */
export interface RequestEndpoint<Request> {
  request(message: Request): unknown;
}

/**
 * A worker thread running `script` and the calling end of its channel. A call fails as soon as the thread
 * dies, instead of waiting forever for an answer that will not come, and when its reply fails its check.
 * Calls are answered in the order they were made: the thread handles one at a time.
 */
export class WorkerThread<Request> {
  private readonly remote: Comlink.Remote<RequestEndpoint<Request>>;
  private readonly worker: Worker;
  private readonly death: Promise<never>;
  private exited = false;
  private termination: Promise<void> | undefined;

  /** `name` says which thread failed in errors, e.g. "worker 2". */
  constructor(
    script: string,
    readonly name: string,
  ) {
    this.worker = new Worker(script);
    live.add(this.worker);
    this.remote = Comlink.wrap<RequestEndpoint<Request>>(nodeEndpoint(this.worker));
    this.death = new Promise<never>((_, reject) => {
      this.worker.once('error', (error) => reject(error));
      this.worker.once('exit', (code) => {
        this.exited = true;
        live.delete(this.worker);
        reject(new Error(`${name} exited with code ${code}`));
      });
    });
    // The death promise is raced on every call; keep an unobserved rejection from being reported.
    this.death.catch(() => undefined);
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** Sends `request`; resolves with the reply once it passes `check` (named `expected` when it does not). */
  async call<Reply>(request: Request, check: Check<Reply>, expected: string): Promise<Reply> {
    const reply: unknown = await Promise.race([this.remote.request(request as Comlink.UnproxyOrClone<Request>), this.death]);
    return expectMessage(reply, check, expected);
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
