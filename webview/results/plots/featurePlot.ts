import type { FrontRow, RunView } from '../../../src/shared/webviewProtocol';
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
import { featureToPlot, plottableFeatures } from './plottable';
import { ThemedPlot } from './themedPlot';

function caption(rows: number, row: FrontRow | undefined, single: boolean, outsideRange: number): string {
  if (rows === 0) return 'No feature values were kept for plotting.';
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
 * would zigzag). On wide data only the features whose values the run kept can be chosen.
 */
export class FeaturePlot extends ThemedPlot {
  private readonly select = el('select', 'feature-select');
  private readonly label = el('label', 'plot-control-label', 'Feature');
  /** The name of the feature the user chose last, kept while the run shows others. */
  private wanted: string | undefined;
  private feature: number | undefined;
  private options = '';
  private last: { run: RunView; row: FrontRow | undefined } | undefined;

  constructor(theme: ChartTheme, initial: string | undefined, onFeature: (name: string) => void) {
    super('Data and formula', theme);
    this.wanted = initial;
    this.select.id = uniqueId('plot-feature');
    this.label.htmlFor = this.select.id;
    this.select.addEventListener('change', () => {
      const name = this.last?.run.features[Number(this.select.value)];
      if (name === undefined) return;
      this.wanted = name;
      onFeature(name);
      if (this.last) this.update(this.last.run, this.last.row);
    });
    this.figure.controls.append(this.label, this.select);
    const spec: ChartSpec = {
      x: { title: '' },
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

  /** Lists the features that can be plotted, when they changed, and picks the one to show. */
  private chooseFeature(run: RunView): void {
    const plottable = plottableFeatures(run);
    this.feature = featureToPlot(run.features, plottable, this.wanted);
    const options = plottable.map((i) => `${i}:${run.features[i]}`).join('\n');
    if (options !== this.options) {
      this.options = options;
      this.select.replaceChildren(
        ...plottable.map((i) => {
          const option = el('option', undefined, run.features[i]);
          option.value = String(i);
          return option;
        }),
      );
    }
    if (this.feature !== undefined) this.select.value = String(this.feature);
    const choice = plottable.length > 1;
    this.label.hidden = !choice;
    this.select.hidden = !choice;
  }

  update(run: RunView, row: FrontRow | undefined): void {
    this.last = { run, row };
    this.chooseFeature(run);
    const name = this.feature === undefined ? '' : (run.features[this.feature] ?? '');
    const xs = this.feature === undefined ? [] : (run.plotRows.features[this.feature] ?? []);
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
