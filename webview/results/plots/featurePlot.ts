import type { FrontRow, RunView } from '../../../src/shared/protocol';
import { el, uniqueId } from '../dom';
import { outside, sharedRange } from '../fit';
import { formatNumber } from '../format';
import type { ChartTheme } from '../theme';
import {
  pointRadius,
  render,
  translucent,
  type ChartSpec,
  type Point,
  type ScatterDataset,
} from './charts';
import { ThemedPlot } from './themedPlot';

function caption(rows: number, row: FrontRow | undefined, single: boolean, outsideRange: number): string {
  let text = `${rows} rows of data`;
  if (!row) text += '.';
  else if (!row.predictions) text += `; the formula of complexity ${row.complexity} is undefined on some rows.`;
  else if (single) text += `, and the formula of complexity ${row.complexity} as a line.`;
  else {
    text +=
      `, and the predictions of the formula of complexity ${row.complexity} at the same rows (crosses);` +
      ' the other inputs vary too.';
  }
  if (outsideRange > 0) {
    text += ` ${outsideRange} prediction${outsideRange === 1 ? ' lies' : 's lie'} outside the plotted range.`;
  }
  return text;
}

/**
 * The target against one feature, with the selected formula's predictions: a line through the rows sorted
 * by the feature when it is the only input, otherwise points (other inputs vary from row to row, so a line
 * would zigzag).
 */
export class FeaturePlot extends ThemedPlot {
  private readonly select = el('select', 'feature-select');
  private feature = 0;
  private last: { run: RunView; row: FrontRow | undefined } | undefined;

  constructor(theme: ChartTheme, features: readonly string[], initial: string | undefined, onFeature: (name: string) => void) {
    super('Data and formula', theme);
    this.feature = Math.max(0, initial === undefined ? 0 : features.indexOf(initial));
    if (features.length > 1) {
      const label = el('label', 'plot-control-label', 'Feature');
      this.select.id = uniqueId('plot-feature');
      label.htmlFor = this.select.id;
      features.forEach((name, i) => {
        const option = el('option', undefined, name);
        option.value = String(i);
        this.select.append(option);
      });
      this.select.value = String(this.feature);
      this.select.addEventListener('change', () => {
        this.feature = Number(this.select.value);
        onFeature(features[this.feature]!);
        if (this.last) this.update(this.last.run, this.last.row);
      });
      this.figure.controls.append(label, this.select);
    }
    const spec: ChartSpec = {
      x: { title: features[this.feature] ?? '' },
      y: { title: '' },
      tooltipLabel: (item) => {
        const { x, y } = item.parsed;
        return `${item.dataset.label ?? ''}: ${formatNumber(y ?? Number.NaN, 4)} at ${formatNumber(x ?? Number.NaN, 4)}`;
      },
    };
    const datasets: ScatterDataset[] = [
      { label: 'Data', data: [], order: 2 },
      { label: 'Formula', data: [], order: 1 },
    ];
    this.init(spec, datasets);
  }

  update(run: RunView, row: FrontRow | undefined): void {
    this.last = { run, row };
    const name = run.features[this.feature] ?? '';
    const xs = run.plotRows.features[this.feature] ?? [];
    const ys = run.plotRows.target;
    const predicted = row?.predictions ?? null;
    const single = run.features.length === 1;
    const [data, formula] = this.chart.data.datasets as [ScatterDataset, ScatterDataset];
    data.data = xs.map((x, i) => ({ x, y: ys[i]! }));
    data.pointRadius = pointRadius(xs.length);
    let curve: Point[] = predicted ? xs.map((x, i) => ({ x, y: predicted[i]! })) : [];
    if (single) curve = curve.sort((a, b) => a.x - b.x);
    formula.data = curve;
    formula.label = row ? `Formula (complexity ${row.complexity})` : 'Formula';
    // A line goes over the data; crosses go under it, larger, so both stay visible where they coincide.
    const style = single
      ? { showLine: true, pointRadius: 0, pointHoverRadius: 3, borderWidth: 2, pointStyle: 'circle', order: 1 }
      : { showLine: false, pointRadius: pointRadius(xs.length) + 2, borderWidth: 1.5, pointStyle: 'crossRot', order: 3 };
    Object.assign(formula, style);

    const range = sharedRange(ys, predicted ?? []);
    this.spec.x = { title: name };
    this.spec.y = { title: run.target, ...(range ? { min: range[0], max: range[1] } : {}) };
    render(this.chart, this.spec, this.theme);

    this.figure.setTitle(`${run.target} against ${name}`);
    const off = predicted && range ? outside(predicted, range) : 0;
    this.figure.describe(`${run.target} against ${name}`, caption(xs.length, row, single, off));
  }

  protected colour(theme: ChartTheme): void {
    const [data, formula] = this.chart.data.datasets as [ScatterDataset, ScatterDataset];
    Object.assign(data, { borderColor: theme.primary, backgroundColor: translucent(theme.primary, 0.6) });
    Object.assign(formula, { borderColor: theme.accent, backgroundColor: theme.accent });
  }
}
