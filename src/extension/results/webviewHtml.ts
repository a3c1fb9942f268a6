import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** Folders a results webview may load from: the bundled webview code and the media folder, nothing else. */
export function resultsResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

/**
 * The results page: one nonce'd script, one stylesheet, and a Content-Security-Policy that allows nothing
 * else (no inline script or style attributes, no remote content). KaTeX and the charts set styles through
 * the CSSOM, which the policy permits.
 */
export function resultsHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (name: string): vscode.Uri =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', name));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('results-style.css').toString()}">
<title>Equation Discovery</title>
</head>
<body>
<main id="app" tabindex="-1"></main>
<script nonce="${nonce}" src="${asset('results.js').toString()}"></script>
</body>
</html>`;
}
