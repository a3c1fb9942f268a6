import type { FrontRow, RunView } from '../../../src/shared/webviewProtocol';
import { el } from '../dom';
import { formatLossName } from '../format';
import type { ChartTheme } from '../theme';
import { FeaturePlot } from './featurePlot';
import { FitPlot } from './fitPlot';
import { ParetoPlot } from './paretoPlot';

/** The three plots of a run, side by side when there is room. */
export class PlotsSection {
  readonly element = el('section', 'plots');
  private readonly pareto: ParetoPlot;
  private readonly fit: FitPlot;
  private readonly feature: FeaturePlot;

  constructor(
    theme: ChartTheme,
    onChoose: (complexity: number) => void,
    initialFeature: string | undefined,
    onFeature: (name: string) => void,
  ) {
    this.element.setAttribute('aria-label', 'Plots');
    this.pareto = new ParetoPlot(theme, onChoose);
    this.fit = new FitPlot(theme);
    this.feature = new FeaturePlot(theme, initialFeature, onFeature);
    this.element.append(this.pareto.figure.element, this.fit.figure.element, this.feature.figure.element);
  }

  update(run: RunView, row: FrontRow | undefined): void {
    const hasFront = run.front.length > 0;
    // Before the first formula only the data can be shown.
    this.pareto.figure.element.hidden = !hasFront;
    this.fit.figure.element.hidden = !hasFront;
    this.pareto.update(run.front, row?.complexity, formatLossName(run.options.loss));
    this.fit.update(run.target, run.plotRows.target, row);
    this.feature.update(run, row);
  }

  setTheme(theme: ChartTheme): void {
    this.pareto.setTheme(theme);
    this.fit.setTheme(theme);
    this.feature.setTheme(theme);
  }

  destroy(): void {
    this.pareto.destroy();
    this.fit.destroy();
    this.feature.destroy();
  }
}
