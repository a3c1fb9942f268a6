import type { FrontRow } from '../../../src/shared/webviewProtocol';
import { rSquared } from '../../../src/engine/evaluation/rSquared';
import { outside, sharedRange } from '../fit';
import { formatNumber } from '../format';
import type { ChartTheme } from '../theme';
import {
  pointRadius,
  render,
  translucent,
  type ChartSpec,
  type ScatterDataset,
} from './charts';
import { ThemedPlot } from './themedPlot';

/** Predicted against actual values of the target for the selected formula, with the identity line. */
export class FitPlot extends ThemedPlot {

  constructor(theme: ChartTheme) {
    super('Predicted against actual', theme);
    const spec: ChartSpec = {
      x: { title: 'Actual' },
      y: { title: 'Predicted' },
      tooltipDatasets: [0],
      tooltipLabel: (item) => {
        const { x, y } = item.parsed;
        return `actual ${formatNumber(x ?? Number.NaN, 4)}, predicted ${formatNumber(y ?? Number.NaN, 4)}`;
      },
    };
    const datasets: ScatterDataset[] = [
      { label: 'Rows', data: [], order: 1 },
      {
        label: 'Perfect fit (y = x)',
        data: [],
        order: 2,
        showLine: true,
        pointRadius: 0,
        borderWidth: 1.5,
        borderDash: [5, 4],
      },
    ];
    this.init(spec, datasets);
  }

  update(target: string, actual: readonly number[], row: FrontRow | undefined): void {
    const [rows, identity] = this.chart.data.datasets as [ScatterDataset, ScatterDataset];
    const predicted = row?.predictions ?? null;
    const range = sharedRange(actual, predicted ?? []);
    rows.data = predicted ? actual.map((a, i) => ({ x: a, y: predicted[i]! })) : [];
    rows.pointRadius = pointRadius(actual.length);
    identity.data = range ? [{ x: range[0], y: range[0] }, { x: range[1], y: range[1] }] : [];
    this.spec.x = { title: `Actual ${target}`, ...(range ? { min: range[0], max: range[1] } : {}) };
    this.spec.y = { title: `Predicted ${target}`, ...(range ? { min: range[0], max: range[1] } : {}) };
    render(this.chart, this.spec, this.theme);

    const name = `Predicted against actual ${target}`;
    if (!row) {
      this.figure.describe(name, 'No formula selected.');
    } else if (!predicted) {
      this.figure.describe(
        name,
        `The formula of complexity ${row.complexity} is undefined on some plotted rows: nothing to plot.`,
      );
    } else {
      const r2 = rSquared(actual, predicted);
      const off = range ? outside(predicted, range) : 0;
      this.figure.describe(
        name,
        `Formula of complexity ${row.complexity} on ${actual.length} rows` +
          (r2 !== undefined ? `, R² = ${r2.toFixed(4)}` : '') +
          '. Points on the dashed line are predicted exactly.' +
          (off > 0 ? ` ${off} prediction${off === 1 ? ' lies' : 's lie'} outside the plotted range.` : ''),
      );
    }
  }

  protected colour(theme: ChartTheme): void {
    const [rows, identity] = this.chart.data.datasets as [ScatterDataset, ScatterDataset];
    Object.assign(rows, { borderColor: theme.accent, backgroundColor: translucent(theme.accent, 0.6) });
    Object.assign(identity, { borderColor: theme.muted, backgroundColor: theme.muted });
  }
}
