import { plotFront, type PlottedFormula } from '../engine/front/plottedFormula';
import { dispatch, expectMessage, type Handlers } from '../shared/messages';
import type { PresenterInit, PresenterReplies, PresenterRequest, PresentRequest } from './presenterProtocol';
import { presenterRequestCheck } from './presenterProtocolChecks';
import { claimedType } from './workerProtocolChecks';
import type { RequestEndpoint } from './workerThread';

/** What a presenter thread does, as a plain object: keep the plotted rows of one run, present its fronts. */
export class PresenterWorker {
  private plotted: PresenterInit | null = null;

  init(init: PresenterInit): void {
    this.plotted = init;
  }

  present(request: PresentRequest): PlottedFormula[] {
    if (!this.plotted) throw new Error('presenter used before init');
    const { names, columns, rows } = this.plotted;
    return plotFront(request.front, names, columns, rows);
  }
}

/**
 * The presenter's end of the channel: checks each request (trees against the columns of `init`), then
 * dispatches it. A malformed request throws, so the run's call fails.
 */
export function presenterEndpoint(worker: PresenterWorker): RequestEndpoint<unknown> {
  const handlers: Handlers<PresenterRequest, PresenterReplies> = {
    init: (request) => worker.init(request),
    present: (request) => worker.present(request),
  };
  let check = presenterRequestCheck();
  return {
    request(value: unknown) {
      const request = expectMessage(value, check, `${claimedType(value)} request`);
      const reply = dispatch<PresenterRequest, PresenterReplies>(handlers, request);
      if (request.type === 'init') check = presenterRequestCheck(request.names.length);
      return reply;
    },
  };
}
