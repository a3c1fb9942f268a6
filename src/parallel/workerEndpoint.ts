import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter';
import { dispatch, expectMessage } from '../shared/messages';
import type { SearchWorkerHandlers } from './searchWorker';
import type { WorkerEndpoint, WorkerReplies, WorkerRequest } from './workerProtocol';
import { claimedType, limitsOf, workerRequestCheck } from './workerProtocolChecks';
import type { RequestEndpoint } from './workerThread';

/**
 * A worker's end of the channel: checks each request (formulas against the limits of the last `init`), then
 * dispatches it to its handler. A malformed request throws, so the coordinator's call fails and it treats
 * this worker as failed.
 */
export function checkedEndpoint(handlers: SearchWorkerHandlers): WorkerEndpoint {
  let check = workerRequestCheck();
  return {
    request(value: unknown) {
      const request = expectMessage(value, check, `${claimedType(value)} request`);
      const reply = dispatch<WorkerRequest, WorkerReplies>(handlers, request);
      if (request.type === 'init') check = workerRequestCheck(limitsOf(request));
      return reply;
    },
  };
}

/** Serves `endpoint` from this worker thread to the thread that started it. */
export function serveEndpoint(endpoint: RequestEndpoint<never>): void {
  if (!parentPort) throw new Error('a worker endpoint must run in a worker thread');
  Comlink.expose(endpoint, nodeEndpoint(parentPort));
}

/** Serves `handlers` to the coordinator from this search worker thread. */
export function serveSearchWorker(handlers: SearchWorkerHandlers): void {
  serveEndpoint(checkedEndpoint(handlers));
}
