// Entry point of a search worker thread (dist/worker.js).
import { SearchWorker, searchWorkerHandlers } from './searchWorker';
import { serveSearchWorker } from './workerEndpoint';

serveSearchWorker(searchWorkerHandlers(new SearchWorker()));
