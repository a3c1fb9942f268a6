import type { FrontRow } from '../../src/shared/webviewProtocol';
import { el, setText, uniqueId } from './dom';
import { formatNumber } from './format';
import { renderMath } from './math';

interface RowParts {
  row: HTMLTableRowElement;
  loss: HTMLTableCellElement;
  score: HTMLTableCellElement;
  badge: HTMLElement;
  math: HTMLElement;
  latex: string;
}

const NAVIGATION_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp', 'Enter', ' ']);
const PAGE = 5;

/**
 * The Pareto front as a single-select grid: one focusable row at a time (roving tabindex), arrow keys,
 * Home/End and PageUp/PageDown move the selection. Rows are keyed by complexity and updated in place, so
 * live updates keep focus, scroll position and already-typeset formulas.
 */
export class FrontTable {
  readonly element = el('section', 'front');
  private readonly heading = el('h2', undefined, 'Pareto front');
  private readonly summary = el('p', 'section-note');
  private readonly scroller = el('div', 'table-scroller');
  private readonly table = el('table', 'front-table');
  private readonly lossHeader = el('th');
  private readonly body = el('tbody');
  private readonly empty = el('p', 'front-empty');
  private readonly rows = new Map<number, RowParts>();
  private order: number[] = [];
  private selected: number | undefined;

  constructor(private readonly onChoose: (complexity: number) => void) {
    const headingId = uniqueId('front-heading');
    this.heading.id = headingId;
    this.element.setAttribute('aria-labelledby', headingId);

    this.table.setAttribute('role', 'grid');
    this.table.setAttribute('aria-readonly', 'true');
    this.table.setAttribute('aria-labelledby', headingId);
    const summaryId = uniqueId('front-summary');
    this.summary.id = summaryId;
    this.table.setAttribute('aria-describedby', summaryId);

    const head = el('thead');
    const headRow = el('tr');
    const complexity = el('th', 'numeric', 'Complexity');
    complexity.title = 'Number of nodes in the formula: constants, inputs and operators';
    const score = el('th', 'numeric', 'Score');
    score.title = 'How fast the loss falls per added node, against the next simpler formula (higher is better)';
    this.lossHeader.className = 'numeric';
    headRow.append(complexity, this.lossHeader, score, el('th', 'formula-column', 'Formula'));
    // Explicit roles keep the grid's semantics when narrow layouts restyle the table as CSS grids.
    headRow.setAttribute('role', 'row');
    for (const cell of headRow.children) {
      cell.setAttribute('scope', 'col');
      cell.setAttribute('role', 'columnheader');
    }
    head.append(headRow);
    head.setAttribute('role', 'rowgroup');
    this.body.setAttribute('role', 'rowgroup');
    this.table.append(head, this.body);
    this.scroller.append(this.table);

    this.body.addEventListener('click', (event) => {
      const row = (event.target as Element).closest('tr');
      if (row?.dataset['complexity']) this.onChoose(Number(row.dataset['complexity']));
    });
    this.body.addEventListener('keydown', (event) => this.onKey(event));

    this.element.append(this.heading, this.summary, this.empty, this.scroller);
  }

  update(front: readonly FrontRow[], selected: number | undefined, lossName: string, emptyText: string): void {
    const focusInside = this.body.contains(document.activeElement);
    setText(this.lossHeader, `Loss (${lossName})`);

    const wanted = new Set(front.map((r) => r.complexity));
    for (const [complexity, parts] of this.rows) {
      if (!wanted.has(complexity)) {
        parts.row.remove();
        this.rows.delete(complexity);
      }
    }
    // Complexities stay sorted, so existing rows never move: new ones are inserted before their successor.
    let next: HTMLTableRowElement | null = null;
    for (let i = front.length - 1; i >= 0; i--) {
      const data = front[i]!;
      let parts = this.rows.get(data.complexity);
      if (!parts) {
        parts = this.createRow(data.complexity);
        this.rows.set(data.complexity, parts);
        this.body.insertBefore(parts.row, next);
      }
      this.fill(parts, data);
      next = parts.row;
    }
    this.order = front.map((r) => r.complexity);

    this.empty.hidden = front.length > 0;
    setText(this.empty, emptyText);
    this.scroller.hidden = front.length === 0;
    setText(
      this.summary,
      front.length === 0
        ? ''
        : `${front.length} formula${front.length === 1 ? '' : 's'}, simplest first. Use ↑ ↓ to choose one.`,
    );
    this.select(selected);
    if (focusInside && !this.body.contains(document.activeElement)) this.focusSelected();
  }

  /** Marks `complexity` as selected and makes it the row that Tab reaches. */
  select(complexity: number | undefined): void {
    this.selected = complexity;
    const tabStop = complexity ?? this.order[0];
    for (const [c, parts] of this.rows) {
      parts.row.setAttribute('aria-selected', String(c === complexity));
      parts.row.tabIndex = c === tabStop ? 0 : -1;
    }
  }

  focusSelected(): void {
    if (this.selected === undefined) return;
    const row = this.rows.get(this.selected)?.row;
    row?.focus({ preventScroll: true });
    row?.scrollIntoView({ block: 'nearest' });
  }

  private createRow(complexity: number): RowParts {
    const row = el('tr');
    row.setAttribute('role', 'row');
    row.dataset['complexity'] = String(complexity);
    row.tabIndex = -1;
    const loss = el('td', 'numeric');
    const score = el('td', 'numeric');
    const formula = el('td', 'formula-cell');
    const badge = el('span', 'badge best-badge', 'Best');
    badge.title = 'The best trade-off between error and complexity: the lowest n·log(loss) + complexity·log(n) for n rows';
    const math = el('span', 'formula-math');
    formula.append(math, badge);
    for (const cell of [el('td', 'numeric', String(complexity)), loss, score, formula]) {
      cell.setAttribute('role', 'gridcell');
      row.append(cell);
    }
    return { row, loss, score, badge, math, latex: '' };
  }

  private fill(parts: RowParts, data: FrontRow): void {
    setText(parts.loss, formatNumber(data.loss, 4));
    parts.loss.title = String(data.loss);
    setText(parts.score, formatNumber(data.score));
    parts.score.title = String(data.score);
    parts.badge.hidden = !data.best;
    parts.row.classList.toggle('best', data.best);
    if (parts.latex !== data.latex) {
      parts.latex = data.latex;
      parts.math.classList.remove('math-fallback');
      renderMath(parts.math, data.latex);
    }
  }

  private onKey(event: KeyboardEvent): void {
    if (!NAVIGATION_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const row = (event.target as Element).closest('tr');
    const current = this.order.indexOf(Number(row?.dataset['complexity']));
    if (current < 0) return;
    const last = this.order.length - 1;
    const targets: Record<string, number> = {
      ArrowDown: Math.min(current + 1, last),
      ArrowUp: Math.max(current - 1, 0),
      Home: 0,
      End: last,
      PageDown: Math.min(current + PAGE, last),
      PageUp: Math.max(current - PAGE, 0),
      Enter: current,
      ' ': current,
    };
    event.preventDefault();
    const complexity = this.order[targets[event.key]!]!;
    this.onChoose(complexity);
    this.focusSelected();
  }
}
