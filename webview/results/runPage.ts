import type { RunView, ToWebview } from '../../src/shared/webviewProtocol';
import { FormulaDetails } from './details';
import { el } from './dom';
import { extension } from './extensionChannel';
import { formatLossName } from './format';
import { FrontTable } from './frontTable';
import { RunHeader } from './header';
import { PlotsSection } from './plots/plotsSection';
import { RelatedResearch } from './related';
import { defaultComplexity, nearestComplexity } from './selection';
import { loadState, saveState } from './state';
import { readTheme, watchTheme } from './theme';

type RunUpdate = Extract<ToWebview, { type: 'updateRun' }>;
type RelatedUpdate = Extract<ToWebview, { type: 'updateRelated' }>;

const EMPTY_FRONT: Record<RunView['status'], string> = {
  running: 'Searching… the first formulas appear within a few seconds.',
  finished: 'The search ended without finding a formula.',
  cancelled: 'The search was stopped before it found a formula.',
  failed: 'The search failed before it found a formula.',
};

/**
 * One run on screen. The selected formula follows the run's best formula until the user picks one; a
 * picked formula stays selected through live updates (or moves to the nearest complexity if it leaves the
 * front), and survives reloads through the persisted state.
 */
export class RunPage {
  private run: RunView;
  private selected: number | undefined;
  private chosen: boolean;
  private readonly header: RunHeader;
  private readonly table: FrontTable;
  private readonly details: FormulaDetails;
  private readonly plots: PlotsSection;
  private readonly related: RelatedResearch;
  private readonly stopWatchingTheme: () => void;

  constructor(root: HTMLElement, run: RunView, requested: number | undefined) {
    this.run = run;
    const state = loadState();
    const remembered = state.runId === run.id ? state.selectedComplexity : undefined;
    this.selected = remembered ?? requested;
    this.chosen = this.selected !== undefined;
    saveState({ runId: run.id, selectedComplexity: this.selected });

    const choose = (complexity: number): void => this.choose(complexity);
    this.header = new RunHeader(() => extension.post({ type: 'cancel' }));
    this.table = new FrontTable(choose);
    this.details = new FormulaDetails(
      {
        insert: (complexity) => extension.post({ type: 'insert', complexity }),
        copy: (complexity, format) => extension.post({ type: 'copy', complexity, format }),
        export: () => extension.post({ type: 'export' }),
        formatChanged: (format) => saveState({ copyFormat: format }),
      },
      state.copyFormat,
    );
    let theme = readTheme();
    this.plots = new PlotsSection(theme, choose, state.plotFeature, (name) => saveState({ plotFeature: name }));
    this.related = new RelatedResearch(
      (url) => extension.post({ type: 'openLink', url }),
      () => extension.post({ type: 'runCommand', command: 'equationDiscovery.describeDataset' }),
    );
    this.stopWatchingTheme = watchTheme(() => {
      theme = readTheme();
      this.plots.setTheme(theme);
    });

    const main = el('div', 'run-main');
    main.append(this.table.element, this.details.element);
    const page = el('div', 'run-page');
    page.append(this.header.element, main, this.plots.element, this.related.element);
    root.replaceChildren(page);
    this.render();
  }

  get runId(): string {
    return this.run.id;
  }

  /** The same run sent again in full: its data is replaced, the selection kept unless the extension names one. */
  replace(run: RunView, requested: number | undefined): void {
    this.run = run;
    if (requested !== undefined) {
      this.selected = requested;
      this.chosen = true;
      saveState({ selectedComplexity: requested });
    }
    this.render();
  }

  update(message: RunUpdate): void {
    const { status, front, stats, error } = message;
    this.run = { ...this.run, status, front, stats };
    if (error !== undefined) this.run.error = error;
    else delete this.run.error;
    this.render();
  }

  updateRelated(message: RelatedUpdate): void {
    this.run = { ...this.run, related: message.related };
    if (message.description !== undefined) this.run.description = message.description;
    else delete this.run.description;
    this.render();
  }

  dispose(): void {
    this.stopWatchingTheme();
    this.plots.destroy();
  }

  private choose(complexity: number): void {
    if (!this.run.front.some((r) => r.complexity === complexity)) return;
    const changed = complexity !== this.selected || !this.chosen;
    this.chosen = true;
    this.selected = complexity;
    if (changed) this.remember();
    this.render();
  }

  private remember(): void {
    saveState({ selectedComplexity: this.selected });
    if (this.selected !== undefined) extension.post({ type: 'selected', complexity: this.selected });
  }

  private resolveSelection(): void {
    const { front } = this.run;
    if (front.length === 0) {
      if (!this.chosen) this.selected = undefined;
      return;
    }
    if (!this.chosen) {
      this.selected = defaultComplexity(front);
    } else if (!front.some((r) => r.complexity === this.selected)) {
      this.selected = nearestComplexity(front, this.selected ?? 0);
      this.remember();
    }
  }

  private render(): void {
    this.resolveSelection();
    const run = this.run;
    const row = run.front.find((r) => r.complexity === this.selected);
    this.header.update(run);
    this.table.update(run.front, row?.complexity, formatLossName(run.options.loss), EMPTY_FRONT[run.status]);
    this.details.update(run, row);
    this.plots.update(run, row);
    this.related.update(run);
  }
}
