// Entry point of a search worker thread: exposes a SearchWorker to the coordinator through comlink.
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter';
import { SearchWorker } from './searchWorker';

if (!parentPort) throw new Error('the search worker must run in a worker thread');
Comlink.expose(new SearchWorker(), nodeEndpoint(parentPort));
