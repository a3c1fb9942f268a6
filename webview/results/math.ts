import katex from 'katex';

/**
 * Renders TeX into `element` with KaTeX's DOM renderer (not `renderToString`): it sets styles through the
 * CSSOM, which the page's Content-Security-Policy allows, where inline style attributes would be blocked.
 */
export function renderMath(element: HTMLElement, tex: string, displayMode = false): void {
  try {
    katex.render(tex, element, { displayMode, throwOnError: true, output: 'htmlAndMathml' });
  } catch {
    element.textContent = tex;
    element.classList.add('math-fallback');
  }
}
