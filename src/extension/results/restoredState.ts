import { isPersistedState } from '../../shared/webviewProtocolChecks';
import { isRunId } from '../../shared/runId';

/** What a results panel restored after a reload asks to show again. */
export interface RestoredView {
  runId?: string;
  selectedComplexity?: number;
}

/**
 * The run and selection of the state a restored panel saved, when that state is valid and names a run; else
 * nothing (the panel then shows the empty view). The state comes from the page, so it is checked like a message.
 */
export function restoredView(state: unknown): RestoredView {
  if (!isPersistedState(state) || state.runId === undefined || !isRunId(state.runId)) return {};
  return {
    runId: state.runId,
    ...(state.selectedComplexity !== undefined ? { selectedComplexity: state.selectedComplexity } : {}),
  };
}
