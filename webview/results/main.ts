import type { ToWebview } from '../../src/shared/protocol';
import { renderEmpty } from './emptyView';
import { RunPage } from './runPage';
import { saveState } from './state';
import { vscode } from './vscodeApi';

const root = document.getElementById('app')!;
let page: RunPage | undefined;

function isMessage(data: unknown): data is ToWebview {
  return typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string';
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isMessage(message)) return;
  switch (message.type) {
    case 'showEmpty':
      page?.dispose();
      page = undefined;
      saveState({ runId: undefined, selectedComplexity: undefined });
      renderEmpty(root);
      break;
    case 'showRun':
      if (page?.runId === message.run.id) {
        page.replace(message.run, message.selectedComplexity);
      } else {
        page?.dispose();
        page = new RunPage(root, message.run, message.selectedComplexity);
      }
      break;
    case 'updateRun':
      if (page?.runId === message.id) page.update(message);
      break;
    case 'updateRelated':
      if (page?.runId === message.id) page.updateRelated(message);
      break;
  }
});

vscode.postMessage({ type: 'ready' });
