import {
  Chart,
  Legend,
  LinearScale,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
  type ActiveElement,
  type ChartDataset,
  type ChartEvent,
  type ChartOptions,
  type TooltipItem,
} from 'chart.js';
import { formatNumber } from '../format';
import type { ChartTheme } from '../theme';

// Only what the three scatter charts use, so the bundle leaves the rest of Chart.js out.
Chart.register(ScatterController, PointElement, LineElement, LinearScale, LogarithmicScale, Tooltip, Legend);

export interface Point {
  x: number;
  y: number;
}
export type ScatterChart = Chart<'scatter', Point[]>;
export type ScatterDataset = ChartDataset<'scatter', Point[]>;

export interface AxisSpec {
  title: string;
  log?: boolean;
  /** Whole numbers only (complexity). */
  integer?: boolean;
  min?: number;
  max?: number;
}

export interface ChartSpec {
  x: AxisSpec;
  y: AxisSpec;
  /** Interaction along x only (the front), or by distance in both directions (data clouds). */
  interactAlongX?: boolean;
  tooltipTitle?: (item: TooltipItem<'scatter'>) => string;
  tooltipLabel: (item: TooltipItem<'scatter'>) => string;
  /** Datasets that get tooltips; overlays repeating other points, or guide lines, get none. */
  tooltipDatasets?: number[];
  onClick?: (elements: ActiveElement[], chart: ScatterChart) => void;
}

/** Axis labels stay short: 0.05, 250, 2 × 10⁴. */
function tick(value: number | string): string {
  return formatNumber(Number(value), 4, 1e4);
}

/**
 * Log axes label 1, 2 and 5 times a power of ten over a decade or two; over more, only powers of ten (every
 * other one, or sparser, over many decades), so labels never overlap.
 */
function logTick(value: number | string, _index: number, ticks: { value: number }[]): string {
  const v = Number(value);
  const exponent = Math.floor(Math.log10(v) + 1e-9);
  const mantissa = v / 10 ** exponent;
  const decades = Math.log10(ticks[ticks.length - 1]!.value / ticks[0]!.value);
  const labelled = decades <= 2.5 ? [1, 2, 5] : [1];
  const step = Math.max(1, Math.ceil(decades / 6));
  const shown = labelled.some((m) => Math.abs(mantissa - m) < 1e-6) && exponent % step === 0;
  return shown ? formatNumber(v, 2, 1e4) : '';
}

type AxisOptions = NonNullable<ChartOptions<'scatter'>['scales']>[string];

function axis(spec: AxisSpec, theme: ChartTheme): AxisOptions {
  return {
    type: spec.log ? 'logarithmic' : 'linear',
    ...(spec.min !== undefined ? { min: spec.min } : {}),
    ...(spec.max !== undefined ? { max: spec.max } : {}),
    title: { display: true, text: spec.title, color: theme.foreground, font: { family: theme.fontFamily } },
    grid: {
      // On log axes only the labelled ticks get a line; the others would fill the plot with lines.
      color: spec.log ? (context) => (context.tick?.label ? theme.grid : 'transparent') : theme.grid,
      lineWidth: theme.highContrast ? 0.5 : 1,
    },
    border: { color: theme.grid },
    ticks: {
      color: theme.muted,
      font: { family: theme.fontFamily },
      callback: spec.log ? logTick : tick,
      // Fixed ranges end at unrounded values (the data's extent); only round ticks are labelled.
      includeBounds: false,
      // The log labels are already thinned by logTick; skipping more would drop them all but one or two.
      autoSkip: !spec.log,
      // Chart.js sizes an axis from at most maxTicksLimit labels: a log axis, whose labels are mostly empty,
      // must not have one or its widest label can be missed.
      ...(spec.integer ? { precision: 0 } : spec.log ? {} : { maxTicksLimit: 7 }),
    },
  };
}

/** Options built from a chart's spec and the theme; rebuilt whole on every render, which is cheap. */
export function chartOptions(spec: ChartSpec, theme: ChartTheme): ChartOptions<'scatter'> {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'nearest', intersect: false, axis: spec.interactAlongX ? 'x' : 'xy' },
    scales: { x: axis(spec.x, theme), y: axis(spec.y, theme) },
    plugins: {
      legend: {
        position: 'bottom',
        labels: {
          color: theme.foreground,
          font: { family: theme.fontFamily },
          usePointStyle: true,
          boxWidth: 8,
          boxHeight: 8,
          // Datasets are drawn in `order`, but listed as declared; empty ones are not listed.
          sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0),
          filter: (item, data) => (data.datasets[item.datasetIndex ?? 0]?.data.length ?? 0) > 0,
        },
      },
      tooltip: {
        backgroundColor: theme.tooltipBackground,
        titleColor: theme.tooltipForeground,
        bodyColor: theme.tooltipForeground,
        borderColor: theme.tooltipBorder,
        borderWidth: 1,
        titleFont: { family: theme.fontFamily },
        bodyFont: { family: theme.fontFamily },
        displayColors: false,
        filter: (item) => spec.tooltipDatasets?.includes(item.datasetIndex) ?? true,
        callbacks: {
          title: (items) => (spec.tooltipTitle && items[0] ? spec.tooltipTitle(items[0]) : ''),
          label: spec.tooltipLabel,
        },
      },
    },
    ...(spec.onClick
      ? {
          onClick: (_event: ChartEvent, elements: ActiveElement[], chart: Chart) =>
            spec.onClick!(elements, chart as ScatterChart),
          onHover: (event: ChartEvent, elements: ActiveElement[]) => {
            const canvas = event.native?.target;
            if (canvas instanceof HTMLCanvasElement) canvas.style.cursor = elements.length > 0 ? 'pointer' : 'default';
          },
        }
      : {}),
  };
}

export function createChart(
  canvas: HTMLCanvasElement,
  spec: ChartSpec,
  theme: ChartTheme,
  datasets: ScatterDataset[],
): ScatterChart {
  Chart.defaults.font.family = theme.fontFamily;
  Chart.defaults.font.size = Math.max(11, theme.fontSize - 1);
  Chart.defaults.color = theme.foreground;
  const options = chartOptions(spec, theme);
  return new Chart<'scatter', Point[]>(canvas, { type: 'scatter', data: { datasets }, options });
}

/** Applies options rebuilt from the spec and theme, and redraws at once (no animation, no flicker). */
export function render(chart: ScatterChart, spec: ChartSpec, theme: ChartTheme): void {
  Chart.defaults.font.family = theme.fontFamily;
  Chart.defaults.color = theme.foreground;
  chart.options = chartOptions(spec, theme);
  chart.update('none');
}

/** A colour at partial opacity, for dense clouds of points; colours that are not #rrggbb stay opaque. */
export function translucent(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (!hex) return color;
  const n = Number.parseInt(hex[1]!, 16);
  return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** Point size by how many points share the plot. */
export function pointRadius(count: number): number {
  return count > 500 ? 1.5 : count > 100 ? 2.5 : 3.5;
}
