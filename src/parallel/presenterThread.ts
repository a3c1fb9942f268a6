// Entry point of a presenter thread (dist/presenter.js).
import { PresenterWorker, presenterEndpoint } from './presenterWorker';
import { serveEndpoint } from './workerEndpoint';

serveEndpoint(presenterEndpoint(new PresenterWorker()));
