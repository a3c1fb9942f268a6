import { el, setText, uniqueId } from '../dom';

/**
 * A titled chart: the canvas is an image with a short accessible name, described by a caption that states
 * in words what the chart shows (its text alternative).
 */
export class Figure {
  readonly element = el('figure', 'plot');
  readonly canvas = el('canvas');
  readonly controls = el('div', 'plot-controls');
  private readonly caption = el('figcaption', 'plot-caption');
  private readonly heading = el('h3');

  constructor(title: string) {
    const headingId = uniqueId('plot-title');
    const captionId = uniqueId('plot-caption');
    this.heading.id = headingId;
    this.heading.textContent = title;
    this.caption.id = captionId;
    this.element.setAttribute('aria-labelledby', headingId);
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-describedby', captionId);
    const head = el('div', 'plot-head');
    head.append(this.heading, this.controls);
    const box = el('div', 'chart-box');
    box.append(this.canvas);
    this.element.append(head, box, this.caption);
  }

  describe(name: string, caption: string): void {
    if (this.canvas.getAttribute('aria-label') !== name) this.canvas.setAttribute('aria-label', name);
    setText(this.caption, caption);
  }

  setTitle(title: string): void {
    setText(this.heading, title);
  }
}
