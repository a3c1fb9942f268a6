import type { ToWebview } from '../../src/shared/webviewProtocol';
import { isToWebview } from '../../src/shared/webviewProtocolChecks';
import { isRecord } from '../../src/shared/schema';
import { renderEmpty } from './emptyView';
import { RunPage } from './runPage';
import { saveState } from './state';
import { vscode } from './vscodeApi';

const root = document.getElementById('app')!;
let page: RunPage | undefined;

function show(message: ToWebview): void {
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
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (isToWebview(message)) show(message);
  // Other windows' messages have no type; one from the extension that fails the check is worth a note.
  else if (isRecord(message) && typeof message['type'] === 'string') {
    console.warn('Equation Discovery: ignored a message of unexpected shape', message);
  }
});

vscode.postMessage({ type: 'ready' });
