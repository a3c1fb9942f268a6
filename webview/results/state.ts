import type { WebviewPersistedState } from '../../src/shared/protocol';
import { vscode } from './vscodeApi';

export function loadState(): WebviewPersistedState {
  return vscode.getState() ?? {};
}

/** Merges `patch` into the persisted state; keys set to undefined are removed. */
export function saveState(patch: Partial<WebviewPersistedState>): void {
  const next: Record<string, unknown> = { ...loadState(), ...patch };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  vscode.setState(next as WebviewPersistedState);
}
