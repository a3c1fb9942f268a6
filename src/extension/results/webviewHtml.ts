import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
// Type-only, so that the page's HTML and policy below can be built (and tested) outside VS Code.
import type * as vscode from 'vscode';

function inExtension(extensionUri: vscode.Uri, ...segments: string[]): vscode.Uri {
  return extensionUri.with({ path: posix.join(extensionUri.path, ...segments) });
}

/** Folders a results webview may load from: the bundled webview code and the media folder, nothing else. */
export function resultsResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [inExtension(extensionUri, 'dist', 'webview'), inExtension(extensionUri, 'media')];
}

/**
 * The results page's Content-Security-Policy: scripts only with the page's nonce, styles, fonts and images
 * only from the extension (`cspSource`), nothing remote and no inline style attributes. KaTeX and the charts
 * set styles through the CSSOM, which the policy permits.
 */
export function resultsCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export interface ResultsPage {
  cspSource: string;
  nonce: string;
  /** Address of `dist/webview/results.js` as the page sees it. */
  scriptUri: string;
  /** Address of `dist/webview/results-style.css` as the page sees it. */
  styleUri: string;
}

/** The results page: one nonce'd script, one stylesheet, and the policy above. */
export function resultsPageHtml(page: ResultsPage): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${resultsCsp(page.cspSource, page.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${page.styleUri}">
<title>Equation Discovery</title>
</head>
<body>
<main id="app" tabindex="-1"></main>
<script nonce="${page.nonce}" src="${page.scriptUri}"></script>
</body>
</html>`;
}

export function resultsHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const asset = (name: string): string =>
    webview.asWebviewUri(inExtension(extensionUri, 'dist', 'webview', name)).toString();
  return resultsPageHtml({
    cspSource: webview.cspSource,
    nonce: randomBytes(16).toString('base64'),
    scriptUri: asset('results.js'),
    styleUri: asset('results-style.css'),
  });
}
