import type { ChartTheme } from '../theme';
import { createChart, render, type ChartSpec, type ScatterChart, type ScatterDataset } from './charts';
import { Figure } from './figure';

/**
 * What every plot of the results view shares: a figure holding a Chart.js scatter chart whose colours follow
 * the VS Code theme. Subclasses build their spec and datasets, call `init`, and say how to colour them.
 */
export abstract class ThemedPlot {
  readonly figure: Figure;
  protected chart!: ScatterChart;
  protected spec!: ChartSpec;

  protected constructor(
    title: string,
    protected theme: ChartTheme,
  ) {
    this.figure = new Figure(title);
  }

  protected init(spec: ChartSpec, datasets: ScatterDataset[]): void {
    this.spec = spec;
    this.chart = createChart(this.figure.canvas, spec, this.theme, datasets);
    this.colour(this.theme);
  }

  setTheme(theme: ChartTheme): void {
    this.theme = theme;
    this.colour(theme);
    render(this.chart, this.spec, theme);
  }

  destroy(): void {
    this.chart.destroy();
  }

  protected abstract colour(theme: ChartTheme): void;
}
