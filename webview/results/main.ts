import { renderEmpty } from './emptyView';
import { extension } from './extensionChannel';
import { RunPage } from './runPage';
import { saveState } from './state';

const root = document.getElementById('app')!;
let page: RunPage | undefined;

extension.handle({
  showEmpty: () => {
    page?.dispose();
    page = undefined;
    saveState({ runId: undefined, selectedComplexity: undefined });
    renderEmpty(root);
  },
  showRun: ({ run, selectedComplexity }) => {
    if (page?.runId === run.id) {
      page.replace(run, selectedComplexity);
    } else {
      page?.dispose();
      page = new RunPage(root, run, selectedComplexity);
    }
  },
  updateRun: (message) => {
    if (page?.runId === message.id) page.update(message);
  },
  updateRelated: (message) => {
    if (page?.runId === message.id) page.updateRelated(message);
  },
});

extension.post({ type: 'ready' });
