import type { WebviewPersistedState } from '../../src/shared/webviewProtocol';
import { isPersistedState } from '../../src/shared/webviewProtocolChecks';
import { vscode } from './vscodeApi';

/** The state saved by an earlier load of the page; an empty one when there is none or it is not valid. */
export function loadState(): WebviewPersistedState {
  const state: unknown = vscode.getState();
  return isPersistedState(state) ? state : {};
}

/** Merges `patch` into the persisted state; keys set to undefined are removed. */
export function saveState(patch: Partial<WebviewPersistedState>): void {
  const next: Record<string, unknown> = { ...loadState(), ...patch };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  vscode.setState(next as WebviewPersistedState);
}
