import type { OptionSpec } from '../../src/engine/options/optionKinds';
import { runSummaryOptions } from '../../src/engine/options/runSummary';
import { workerCountOf } from '../../src/engine/options/workers';
import { stopReasonText } from '../../src/engine/search/stopRule';
import { RUN_STATUS_LABELS, type RunView } from '../../src/shared/webviewProtocol';
import { button, el, setText } from './dom';
import {
  formatCount,
  formatDate,
  formatDuration,
  formatExactCount,
  formatNumber,
  formatOperators,
  formatTimeLimit,
} from './format';

const SUMMARY_OPTIONS = runSummaryOptions();

/** An option's value in the run summary. */
function formatOption(spec: OptionSpec, value: unknown): string {
  switch (spec.kind) {
    case 'operators':
      return formatOperators(value as string[]);
    case 'number':
      return spec.unit === 'seconds' ? formatTimeLimit(value as number) : formatNumber(value as number);
    case 'choice':
      return spec.choices.find((c) => c.value === value)?.label ?? String(value);
    case 'workers':
      return String(workerCountOf(value as number | 'auto'));
    default:
      return String(value);
  }
}


/** A term and its value in one of the header's description lists. */
function entry(list: HTMLElement, term: string): HTMLElement {
  const item = el('div', 'fact');
  const value = el('dd');
  item.append(el('dt', undefined, term), value);
  list.append(item);
  return value;
}

/** The run's title, data, status, live statistics and options, and the Stop button while it runs. */
export class RunHeader {
  readonly element = el('header', 'run-header');
  private readonly title = el('h1', 'run-title');
  private readonly status = el('span', 'status');
  private readonly statusText = el('span', 'status-text');
  private readonly stop: HTMLButtonElement;
  private readonly started = el('p', 'run-started');
  private readonly data = el('dl', 'facts data-facts');
  private readonly stats = el('dl', 'facts stats');
  private readonly options = el('dl', 'facts options');
  private readonly error = el('div', 'run-error');
  private readonly workerNote = el('p', 'run-note');
  private readonly values: Record<string, HTMLElement> = {};
  private stopping = false;

  constructor(onStop: () => void) {
    this.status.setAttribute('role', 'status');
    const indicator = el('span', 'status-indicator');
    indicator.setAttribute('aria-hidden', 'true');
    this.status.append(indicator, this.statusText);
    this.stop = button('Stop', 'secondary stop-button', () => {
      this.stopping = true;
      this.stop.disabled = true;
      this.stop.textContent = 'Stopping…';
      onStop();
    });
    this.stop.title = 'Stop the search and keep the formulas found so far';

    const titleRow = el('div', 'title-row');
    titleRow.append(this.title, this.status, this.stop);

    this.data.setAttribute('aria-label', 'Data');
    for (const term of ['File', 'Selection', 'Rows', 'Target', 'Features']) this.values[term] = entry(this.data, term);
    this.stats.setAttribute('aria-label', 'Search statistics');
    for (const term of ['Evaluations', 'Speed', 'Elapsed', 'Ended']) this.values[term] = entry(this.stats, term);
    this.options.setAttribute('aria-label', 'Search options');
    for (const { spec } of SUMMARY_OPTIONS) this.values[spec.label] = entry(this.options, spec.label);

    this.error.setAttribute('role', 'alert');
    this.element.append(titleRow, this.started, this.data, this.stats, this.options, this.workerNote, this.error);
  }

  update(run: RunView): void {
    setText(this.title, run.title);
    setText(this.started, `Started ${formatDate(run.createdAt)}`);

    this.status.className = `status status-${run.status}`;
    setText(this.statusText, RUN_STATUS_LABELS[run.status]);
    const running = run.status === 'running';
    this.stop.hidden = !running;
    if (!running) this.stopping = false;
    if (!this.stopping) {
      this.stop.disabled = false;
      setText(this.stop, 'Stop');
    }

    const v = this.values;
    setText(v['File']!, run.source.fileName);
    this.show('Selection', run.source.selection);
    const dropped = run.source.droppedRows;
    setText(v['Rows']!, formatExactCount(run.source.rows) + (dropped > 0 ? ` (${formatExactCount(dropped)} dropped)` : ''));
    v['Rows']!.title =
      dropped > 0 ? 'Rows with a missing or non-numeric value in the columns used are left out' : 'No row was left out';
    setText(v['Target']!, run.target);
    setText(
      v['Features']!,
      run.features
        .map((name, j) => {
          // Runs saved before ranges were recorded have none.
          const range = run.featureRanges?.[j];
          return range ? `${name} ∈ [${formatNumber(range[0])}, ${formatNumber(range[1])}]` : name;
        })
        .join(', '),
    );

    const { stats } = run;
    setText(v['Evaluations']!, formatCount(stats.evaluations));
    v['Evaluations']!.title = `${formatExactCount(stats.evaluations)} formula evaluations`;
    setText(v['Speed']!, `${formatCount(stats.evaluationsPerSecond)}/s`);
    setText(v['Elapsed']!, formatDuration(stats.seconds));
    this.show('Ended', !running && stats.stoppedBy ? stopReasonText(stats.stoppedBy) : undefined);

    for (const { name, spec } of SUMMARY_OPTIONS) setText(v[spec.label]!, formatOption(spec, run.options[name]));

    const failed = run.status === 'failed';
    const failures = stats.workerFailures ?? [];
    this.workerNote.hidden = failed || failures.length === 0;
    setText(
      this.workerNote,
      this.workerNote.hidden ? '' : `Some search workers stopped (${failures.join('; ')}); the search went on with the others.`,
    );
    this.error.hidden = !failed;
    setText(this.error, failed ? `The search failed: ${run.error ?? 'unknown error'}` : '');
  }

  private show(term: string, value: string | undefined): void {
    const node = this.values[term]!;
    node.parentElement!.hidden = value === undefined;
    setText(node, value ?? '');
  }
}
