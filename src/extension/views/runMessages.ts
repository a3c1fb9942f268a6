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
        if (record.status !== 'failed') return;
        show('error', `Equation Discovery: the search failed: ${record.error}. The formulas found before are kept.`);
      }),
    );
  }
}
