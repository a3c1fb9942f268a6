import { el } from './dom';
import { extension } from './extensionChannel';
import { renderMath } from './math';

/** What the panel shows before any run: what the tool does and how to start. */
export function renderEmpty(root: HTMLElement): void {
  root.replaceChildren();
  const section = el('section', 'empty');
  section.append(el('h1', undefined, 'Discover an equation from your data'));

  const goal = el('div', 'empty-goal');
  renderMath(goal, 'y \\approx f(x_1, x_2, \\dots, x_n)', true);
  section.append(goal);

  section.append(
    el(
      'p',
      undefined,
      'Select numbers in a CSV, TSV or JSON file (or open one) and run "Equation Discovery: Discover Equation". ' +
        'The search looks for the simplest formulas that explain a target column and shows the best one at each complexity.',
    ),
  );

  const actions = el('div', 'actions');
  const discover = el('button', 'primary', 'Discover Equation…');
  discover.addEventListener('click', () =>
    extension.post({ type: 'runCommand', command: 'equationDiscovery.discover' }),
  );
  const sample = el('button', 'secondary', 'Open Sample Data');
  sample.addEventListener('click', () =>
    extension.post({ type: 'runCommand', command: 'equationDiscovery.openSample' }),
  );
  actions.append(discover, sample);
  section.append(actions);
  root.append(section);
}
