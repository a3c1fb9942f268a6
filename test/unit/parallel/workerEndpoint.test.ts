import assert from 'node:assert/strict';
import { feature } from '../../../src/engine/expressions/expression';
import { resolveOptions } from '../../../src/engine/options';
import { InvalidMessageError } from '../../../src/shared/messages';
import type { SearchWorkerHandlers } from '../../../src/parallel/searchWorker';
import { checkedEndpoint } from '../../../src/parallel/workerEndpoint';
import type { WorkerRequest } from '../../../src/parallel/workerProtocol';

/** Handlers that record the requests they get and reply like a worker with an empty search. */
function recordingHandlers(seen: string[]): SearchWorkerHandlers {
  return {
    init: (request) => void seen.push(`init ${request.X.length}`),
    runSlice: (request) => {
      seen.push(`runSlice ${request.migrants.length}`);
      return { fame: [], migrants: [], evaluations: 0, iterations: 0 };
    },
    polish: (request) => {
      seen.push(`polish ${request.entries.length}`);
      return [];
    },
  };
}

function init(features: number): WorkerRequest {
  return {
    type: 'init',
    X: Array.from({ length: features }, () => new Float64Array(4)),
    y: new Float64Array(4),
    options: resolveOptions({}, 4),
    islands: 1,
    seed: 0,
    stopFlag: new SharedArrayBuffer(4),
  };
}

const slice = (featureIndex: number): unknown => ({
  type: 'runSlice',
  budgetMs: 10,
  migrants: [{ expr: feature(featureIndex), loss: 1 }],
  fame: [],
});

const malformed = (error: unknown, what: string): boolean =>
  error instanceof InvalidMessageError && error.message === `malformed ${what}`;

describe('Search worker endpoint', () => {
  it('dispatches valid requests to their handlers and returns the replies', () => {
    const seen: string[] = [];
    const endpoint = checkedEndpoint(recordingHandlers(seen));
    assert.equal(endpoint.request(init(2)), undefined);
    assert.deepEqual(endpoint.request(slice(1) as WorkerRequest), { fame: [], migrants: [], evaluations: 0, iterations: 0 });
    assert.deepEqual(endpoint.request({ type: 'polish', entries: [], floor: 0, budgetMs: 5 }), []);
    assert.deepEqual(seen, ['init 2', 'runSlice 1', 'polish 0']);
  });

  it('fails a malformed request, naming its type, without calling any handler', () => {
    const seen: string[] = [];
    const endpoint = checkedEndpoint(recordingHandlers(seen));
    assert.throws(() => endpoint.request(slice(0) as WorkerRequest), (e) => malformed(e, 'runSlice request'), 'before init');
    assert.throws(() => endpoint.request({ ...init(2), y: [1, 2, 3, 4] } as unknown as WorkerRequest), (e) => malformed(e, 'init request'));
    assert.throws(() => endpoint.request('runSlice' as unknown as WorkerRequest), (e) => malformed(e, 'untyped request'));
    endpoint.request(init(2));
    assert.throws(() => endpoint.request(slice(2) as WorkerRequest), (e) => malformed(e, 'runSlice request'));
    assert.deepEqual(seen, ['init 2']);
  });

  it('checks formulas against the search of the latest init', () => {
    const seen: string[] = [];
    const endpoint = checkedEndpoint(recordingHandlers(seen));
    endpoint.request(init(1));
    assert.throws(() => endpoint.request(slice(1) as WorkerRequest), (e) => malformed(e, 'runSlice request'));
    endpoint.request(init(3));
    endpoint.request(slice(2) as WorkerRequest);
    assert.deepEqual(seen, ['init 1', 'init 3', 'runSlice 1']);
  });
});
