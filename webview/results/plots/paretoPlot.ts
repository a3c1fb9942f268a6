import type { FrontRow } from '../../../src/shared/webviewProtocol';
import { formatNumber } from '../format';
import type { ChartTheme } from '../theme';
import { render, type ChartSpec, type Point, type ScatterDataset } from './charts';
import { ThemedPlot } from './themedPlot';

/** Losses of 0 (exact fits) cannot sit on a log axis; they are drawn a decade below the smallest other loss. */
function plottedLosses(front: readonly FrontRow[]): number[] {
  const positive = front.map((r) => r.loss).filter((l) => l > 0 && Number.isFinite(l));
  const floor = positive.length > 0 ? Math.min(...positive) / 10 : 1;
  return front.map((r) => (r.loss > 0 ? r.loss : floor));
}

/** Loss against complexity on a log scale, the front joined as a staircase; a click selects a formula. */
export class ParetoPlot extends ThemedPlot {
  private front: readonly FrontRow[] = [];

  constructor(theme: ChartTheme, onChoose: (complexity: number) => void) {
    super('Loss against complexity', theme);
    const spec: ChartSpec = {
      x: { title: 'Complexity', integer: true },
      y: { title: 'Loss', log: true },
      interactAlongX: true,
      tooltipDatasets: [0],
      tooltipTitle: (item) => `Complexity ${item.parsed.x}`,
      tooltipLabel: (item) => {
        const row = this.front.find((r) => r.complexity === item.parsed.x);
        return row ? `Loss ${formatNumber(row.loss, 4)}${row.best ? ' (best)' : ''}` : '';
      },
      onClick: (elements, chart) => {
        const hit = elements[0];
        if (!hit) return;
        const point = chart.data.datasets[hit.datasetIndex]?.data[hit.index];
        if (point) onChoose(point.x);
      },
    };
    const datasets: ScatterDataset[] = [
      { label: 'Pareto front', data: [], order: 3, showLine: true, stepped: 'after', borderWidth: 2, pointRadius: 3.5 },
      { label: 'Best', data: [], order: 2, pointStyle: 'rectRot', pointRadius: 6, pointHoverRadius: 7 },
      { label: 'Selected', data: [], order: 1, pointRadius: 8, pointHoverRadius: 8, borderWidth: 2 },
    ];
    this.init(spec, datasets);
  }

  update(front: readonly FrontRow[], selected: number | undefined, lossName: string): void {
    this.front = front;
    const losses = plottedLosses(front);
    const points: Point[] = front.map((r, i) => ({ x: r.complexity, y: losses[i]! }));
    const [frontSet, bestSet, selectedSet] = this.chart.data.datasets as [ScatterDataset, ScatterDataset, ScatterDataset];
    frontSet.data = points;
    bestSet.data = points.filter((_, i) => front[i]!.best);
    selectedSet.data = points.filter((p) => p.x === selected);
    const maxComplexity = front.length > 0 ? front[front.length - 1]!.complexity : 1;
    this.spec.y.title = `Loss (${lossName}, log scale)`;
    this.spec.x.min = 0;
    this.spec.x.max = maxComplexity + 1;
    render(this.chart, this.spec, this.theme);

    const best = front.find((r) => r.best);
    const first = front[0];
    const last = front[front.length - 1];
    this.figure.describe(
      'Loss against complexity of the Pareto front',
      first && last
        ? `${front.length} formula${front.length === 1 ? '' : 's'}, complexity ${first.complexity} to ${last.complexity}; ` +
            `loss falls from ${formatNumber(first.loss)} to ${formatNumber(last.loss)}.` +
            (best ? ` Best: complexity ${best.complexity}.` : '') +
            (selected !== undefined ? ` Selected: complexity ${selected}.` : '') +
            ' Click a point to select its formula.'
        : 'No formula yet.',
    );
  }

  protected colour(theme: ChartTheme): void {
    const [frontSet, bestSet, selectedSet] = this.chart.data.datasets as [ScatterDataset, ScatterDataset, ScatterDataset];
    Object.assign(frontSet, { borderColor: theme.primary, backgroundColor: theme.primary });
    Object.assign(bestSet, { borderColor: theme.best, backgroundColor: theme.best });
    Object.assign(selectedSet, { borderColor: theme.foreground, backgroundColor: 'transparent' });
  }
}
