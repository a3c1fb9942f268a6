import type { MessageOfType } from '../shared/messages';
import type { WorkerInit, WorkerReplies, WorkerRequest, WorkerRequestType } from './workerProtocol';
import { limitsOf, workerReplyChecks, type WorkerReplyChecks } from './workerProtocolChecks';
import { WorkerThread } from './workerThread';

export { liveWorkerCount } from './workerThread';

/**
 * One search worker thread and the coordinator's end of its channel. A request fails as soon as the thread
 * dies, and when its reply is malformed for the search the `init` request started.
 */
export class WorkerHandle {
  private readonly thread: WorkerThread<WorkerRequest>;
  /** Known from the `init` request on: replies carry formulas of that search. */
  private replyChecks: WorkerReplyChecks | undefined;

  constructor(
    script: string,
    readonly id: number,
  ) {
    this.thread = new WorkerThread(script, `worker ${id}`);
  }

  get alive(): boolean {
    return this.thread.alive;
  }

  /** Sends `request`; resolves with the checked reply, rejects if the worker throws, dies first or replies malformed. */
  async request<T extends WorkerRequestType>(request: MessageOfType<WorkerRequest, T>): Promise<WorkerReplies[T]> {
    if (request.type === 'init') this.replyChecks = workerReplyChecks(limitsOf(request as WorkerInit));
    const checks = this.replyChecks;
    if (!checks) throw new Error(`${request.type} request before init`);
    return this.thread.call(request, checks[request.type as T], `${request.type} reply`);
  }

  /** Stops the thread and waits until it has exited; every caller gets the same promise. */
  terminate(): Promise<void> {
    return this.thread.terminate();
  }
}
