/** The colours and font the charts draw with, read from VS Code's theme variables. */
export interface ChartTheme {
  foreground: string;
  muted: string;
  grid: string;
  background: string;
  /** Data and the front. */
  primary: string;
  /** The selected formula's predictions. */
  accent: string;
  /** The best formula. */
  best: string;
  tooltipBackground: string;
  tooltipForeground: string;
  tooltipBorder: string;
  fontFamily: string;
  fontSize: number;
  highContrast: boolean;
}

function variable(style: CSSStyleDeclaration, names: readonly string[], fallback: string): string {
  for (const name of names) {
    const value = style.getPropertyValue(name).trim();
    if (value) return value;
  }
  return fallback;
}

export function readTheme(): ChartTheme {
  const style = getComputedStyle(document.body);
  const theme = document.body.classList;
  const highContrastLight = theme.contains('vscode-high-contrast-light');
  const highContrast = highContrastLight || theme.contains('vscode-high-contrast');
  // Only the fallbacks depend on this: VS Code always sets the variables.
  const dark = theme.contains('vscode-dark') || (highContrast && !highContrastLight);
  const foreground = variable(style, ['--vscode-foreground'], dark ? '#cccccc' : '#3b3b3b');
  return {
    foreground,
    muted: variable(style, ['--vscode-descriptionForeground'], foreground),
    // High-contrast themes draw every border in the contrast colour; elsewhere grid lines stay discreet.
    grid: highContrast
      ? variable(style, ['--vscode-contrastBorder', '--vscode-editorWidget-border'], foreground)
      : variable(style, ['--vscode-editorWidget-border', '--vscode-panel-border'], dark ? '#454545' : '#c8c8c8'),
    background: variable(style, ['--vscode-editor-background'], dark ? '#1f1f1f' : '#ffffff'),
    primary: variable(style, ['--vscode-charts-blue'], '#3794ff'),
    accent: variable(style, ['--vscode-charts-orange'], '#d18616'),
    best: variable(style, ['--vscode-charts-orange'], '#d18616'),
    tooltipBackground: variable(
      style,
      ['--vscode-editorHoverWidget-background', '--vscode-editorWidget-background'],
      dark ? '#252526' : '#f3f3f3',
    ),
    tooltipForeground: variable(style, ['--vscode-editorHoverWidget-foreground'], foreground),
    tooltipBorder: variable(
      style,
      ['--vscode-editorHoverWidget-border', '--vscode-contrastBorder'],
      dark ? '#454545' : '#c8c8c8',
    ),
    fontFamily: variable(style, ['--vscode-font-family'], 'system-ui, sans-serif'),
    fontSize: Number.parseFloat(variable(style, ['--vscode-font-size'], '13')) || 13,
    highContrast,
  };
}

/**
 * Calls `onChange` after VS Code switches theme: it swaps the body's `vscode-*` class and rewrites the
 * variables on the root element's style, so both are watched (once per frame at most).
 */
export function watchTheme(onChange: () => void): () => void {
  let pending = 0;
  const observer = new MutationObserver(() => {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      onChange();
    });
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  return () => {
    observer.disconnect();
    if (pending) cancelAnimationFrame(pending);
  };
}
