import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter';
import { expectMessage, type MessageOfType } from '../shared/messages';
import type { WorkerEndpoint, WorkerInit, WorkerReplies, WorkerRequest, WorkerRequestType } from './workerProtocol';
import { limitsOf, workerReplyChecks, type WorkerReplyChecks } from './workerProtocolChecks';

/** Worker threads of this process that have started and not yet exited. */
const live = new Set<Worker>();

export function liveWorkerCount(): number {
  return live.size;
}

/**
 * One search worker thread and the coordinator's end of its channel. A request fails as soon as the thread
 * dies, instead of waiting forever for an answer that will not come, and when its reply is malformed.
 */
export class WorkerHandle {
  private readonly remote: Comlink.Remote<WorkerEndpoint>;
  private readonly worker: Worker;
  private readonly death: Promise<never>;
  private exited = false;
  private termination: Promise<void> | undefined;
  /** Known from the `init` request on: replies carry formulas of that search. */
  private replyChecks: WorkerReplyChecks | undefined;

  constructor(
    script: string,
    readonly id: number,
  ) {
    this.worker = new Worker(script);
    live.add(this.worker);
    this.remote = Comlink.wrap<WorkerEndpoint>(nodeEndpoint(this.worker));
    this.death = new Promise<never>((_, reject) => {
      this.worker.once('error', (error) => reject(error));
      this.worker.once('exit', (code) => {
        this.exited = true;
        live.delete(this.worker);
        reject(new Error(`worker ${id} exited with code ${code}`));
      });
    });
    // The death promise is raced on every request; keep an unobserved rejection from being reported.
    this.death.catch(() => undefined);
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** Sends `request`; resolves with the checked reply, rejects if the worker throws, dies first or replies malformed. */
  async request<T extends WorkerRequestType>(request: MessageOfType<WorkerRequest, T>): Promise<WorkerReplies[T]> {
    if (request.type === 'init') this.replyChecks = workerReplyChecks(limitsOf(request as WorkerInit));
    const checks = this.replyChecks;
    if (!checks) throw new Error(`${request.type} request before init`);
    const reply: unknown = await Promise.race([this.remote.request(request), this.death]);
    return expectMessage(reply, checks[request.type as T], `${request.type} reply`);
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
