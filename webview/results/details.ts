import { latexName } from '../../src/engine/expressions/formats/latexNames';
import { COPY_FORMATS, type FormatChoice, type FrontRow, type RunView } from '../../src/shared/webviewProtocol';
import { button, el, setText, uniqueId } from './dom';
import { rSquared } from '../../src/engine/evaluation/rSquared';
import { formatLossName, formatNumber } from './format';
import { renderMath } from './math';

export interface DetailsActions {
  insert(complexity: number): void;
  copy(complexity: number, format: FormatChoice): void;
  export(): void;
  formatChanged(format: FormatChoice): void;
}

/** The selected formula at full size, its numbers, its exact text, and what can be done with it. */
export class FormulaDetails {
  readonly element = el('section', 'details');
  private readonly badge = el('span', 'badge best-badge', 'Best');
  private readonly body = el('div', 'details-body');
  private readonly placeholder = el('p', 'details-empty');
  private readonly display = el('div', 'formula-display');
  private readonly metrics = el('dl', 'metrics');
  private readonly metricValues: Record<string, HTMLElement> = {};
  private readonly lossTerm = el('dt');
  private readonly expression = el('code', 'expression');
  private readonly formatSelect = el('select', 'copy-format');
  private readonly insertButton: HTMLButtonElement;
  private readonly copyButton: HTMLButtonElement;
  private readonly exportButton: HTMLButtonElement;
  private complexity: number | undefined;
  private shownTex = '';

  constructor(actions: DetailsActions, initialFormat: FormatChoice | undefined) {
    const headingId = uniqueId('details-heading');
    const heading = el('h2', undefined, 'Selected formula');
    heading.id = headingId;
    this.element.setAttribute('aria-labelledby', headingId);
    const head = el('div', 'details-head');
    head.append(heading, this.badge);

    for (const term of ['Complexity', 'Loss', 'Score', 'R²']) {
      const item = el('div', 'metric');
      const value = el('dd');
      const dt = term === 'Loss' ? this.lossTerm : el('dt', undefined, term);
      item.append(dt, value);
      this.metrics.append(item);
      this.metricValues[term] = value;
    }
    const r2Term = this.metricValues['R²']!.previousElementSibling!;
    r2Term.setAttribute('title', 'Coefficient of determination on the plotted rows');

    const expressionLabel = el('div', 'field-label', 'Expression');
    expressionLabel.id = uniqueId('expression-label');
    const pre = el('pre', 'expression-block');
    this.expression.tabIndex = 0;
    this.expression.setAttribute('role', 'textbox');
    this.expression.setAttribute('aria-readonly', 'true');
    this.expression.setAttribute('aria-labelledby', expressionLabel.id);
    // Focusing the text selects it, so that keyboard users can copy it with the usual shortcut.
    this.expression.addEventListener('focus', () => getSelection()?.selectAllChildren(this.expression));
    pre.append(this.expression);

    this.insertButton = button('Insert into Editor', 'primary', () => {
      if (this.complexity !== undefined) actions.insert(this.complexity);
    });
    this.insertButton.title = 'Write the formula at the cursor of the last active editor, in its language';

    const formatId = uniqueId('copy-format');
    this.formatSelect.id = formatId;
    for (const { format, label } of COPY_FORMATS) {
      const option = el('option', undefined, label);
      option.value = format;
      this.formatSelect.append(option);
    }
    if (initialFormat && COPY_FORMATS.some((f) => f.format === initialFormat)) this.formatSelect.value = initialFormat;
    this.formatSelect.addEventListener('change', () => actions.formatChanged(this.format));
    const formatLabel = el('label', 'copy-label', 'Copy as');
    formatLabel.htmlFor = formatId;
    this.copyButton = button('Copy', 'secondary', () => {
      if (this.complexity !== undefined) actions.copy(this.complexity, this.format);
    });
    this.copyButton.setAttribute('aria-describedby', formatId);
    const copyGroup = el('div', 'copy-group');
    copyGroup.setAttribute('role', 'group');
    copyGroup.setAttribute('aria-label', 'Copy the formula');
    copyGroup.append(formatLabel, this.formatSelect, this.copyButton);

    this.exportButton = button('Export Front as CSV', 'secondary', () => actions.export());
    this.exportButton.title = 'Save every formula of the front, with its loss and score, as a CSV file';

    const actionsRow = el('div', 'actions details-actions');
    actionsRow.append(this.insertButton, copyGroup, this.exportButton);

    this.body.append(this.display, this.metrics, expressionLabel, pre, actionsRow);
    this.element.append(head, this.placeholder, this.body);
  }

  get format(): FormatChoice {
    return this.formatSelect.value as FormatChoice;
  }

  update(run: RunView, row: FrontRow | undefined): void {
    this.complexity = row?.complexity;
    // Without any formula the table says why; an empty details box would only repeat it.
    this.element.hidden = run.front.length === 0;
    this.body.hidden = !row;
    this.placeholder.hidden = !!row;
    this.badge.hidden = !row?.best;
    setText(this.placeholder, 'Choose a formula in the table.');
    if (!row) return;

    const tex = `${latexName(run.target)} = ${row.latex}`;
    if (tex !== this.shownTex) {
      this.shownTex = tex;
      this.display.classList.remove('math-fallback');
      renderMath(this.display, tex, true);
    }
    setText(this.lossTerm, `Loss (${formatLossName(run.options.loss)})`);
    const v = this.metricValues;
    setText(v['Complexity']!, String(row.complexity));
    setText(v['Loss']!, formatNumber(row.loss, 4));
    v['Loss']!.title = String(row.loss);
    setText(v['Score']!, formatNumber(row.score, 3));
    const r2 = rSquared(run.plotRows.target, row.predictions);
    setText(v['R²']!, r2 === undefined ? '—' : r2.toFixed(4));
    v['R²']!.title =
      r2 === undefined
        ? 'Not available: the formula is undefined on some plotted rows'
        : `On ${run.plotRows.target.length} plotted rows`;
    setText(this.expression, row.text);
  }
}
