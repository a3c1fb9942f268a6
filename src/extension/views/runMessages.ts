import { Disposable } from '../disposable';
import { notify, type MessageKind } from '../report';
import type { RunLifecycle } from '../runs/runLifecycle';

/** Tells the user about runs that could not be saved and searches that failed. */
export class RunMessages extends Disposable {
  constructor(
    runs: RunLifecycle,
    show: (kind: MessageKind, message: string) => void = notify,
  ) {
    super();
    this.register(
      runs.onDidFailToSave(({ error }) =>
        show('warning', `Equation Discovery: the run could not be saved (${error}); its results stay open.`),
      ),
    );
    this.register(
      runs.onDidEnd((record) => {
        const failures = record.stats.workerFailures ?? [];
        if (record.status !== 'failed') {
          if (failures.length > 0) {
            const which = failures.length === 1 ? 'a search worker stopped' : `${failures.length} search workers stopped`;
            show('warning', `Equation Discovery: ${which} (${failures.join('; ')}); the search went on with the others.`);
          }
          return;
        }
        show('error', `Equation Discovery: the search failed: ${record.error}. The formulas found before are kept.`);
      }),
    );
  }
}
