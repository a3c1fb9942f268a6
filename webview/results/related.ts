import type { RelatedPaper, RunView } from '../../src/shared/webviewProtocol';
import { button, el, setText, uniqueId } from './dom';

/** Published research close to this run, and a way to describe the data so the match improves. */
export class RelatedResearch {
  readonly element = el('section', 'related');
  private readonly description = el('p', 'related-description');
  private readonly note = el('p', 'related-note');
  private readonly list = el('ol', 'related-list');
  private shown = '';

  constructor(
    private readonly onOpen: (url: string) => void,
    onDescribe: () => void,
  ) {
    const headingId = uniqueId('related-heading');
    const heading = el('h2', undefined, 'Related research');
    heading.id = headingId;
    this.element.setAttribute('aria-labelledby', headingId);
    const head = el('div', 'related-head');
    const describe = button('Describe this dataset…', 'secondary', onDescribe);
    describe.title = 'Say in a sentence what the data measures, to find closer papers';
    head.append(heading, describe);
    this.list.setAttribute('aria-labelledby', headingId);
    this.element.append(head, this.description, this.note, this.list);
  }

  update(run: RunView): void {
    if (run.description) {
      setText(this.description, `Dataset: “${run.description}”`);
    } else {
      setText(this.description, 'No description yet: a sentence on what the columns measure helps find closer papers.');
    }
    this.description.classList.toggle('muted', !run.description);

    const none = run.related.length === 0;
    this.note.hidden = !none;
    setText(
      this.note,
      run.status === 'running'
        ? 'Related papers are matched when the search ends.'
        : 'No related research found among the showcase papers for this data and formula.',
    );
    const key = JSON.stringify(run.related);
    if (key === this.shown) return;
    this.shown = key;
    this.list.hidden = none;
    this.list.replaceChildren(...run.related.map((paper) => this.item(paper)));
  }

  private item(paper: RelatedPaper): HTMLLIElement {
    const item = el('li', 'paper');
    const link = el('a', 'paper-title', paper.title);
    link.href = paper.link;
    link.title = paper.link;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      this.onOpen(paper.link);
    });
    const meta = el('div', 'paper-meta');
    const match = el('span', 'paper-score', `${Math.round(paper.score * 100)} % match`);
    match.title = `Relevance score ${paper.score}`;
    meta.append(el('span', 'paper-year', String(paper.year)), match);
    item.append(link, meta);
    if (paper.reasons.length > 0) {
      const reasons = el('ul', 'paper-reasons');
      reasons.setAttribute('aria-label', 'Why it is related');
      for (const reason of paper.reasons) reasons.append(el('li', undefined, reason));
      item.append(reasons);
    }
    return item;
  }
}
