import type { ToWebview } from '../../src/shared/protocol';
import { renderEmpty } from './emptyView';
import { vscode } from './vscodeApi';

const root = document.getElementById('app')!;

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'showEmpty':
      renderEmpty(root);
      break;
    case 'showRun':
    case 'updateRun':
      break;
  }
});

vscode.postMessage({ type: 'ready' });
