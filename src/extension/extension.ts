import * as vscode from 'vscode';
import { ResultsPanel, RESULTS_VIEW_TYPE } from './results/resultsPanel';

export function activate(context: vscode.ExtensionContext): void {
  const wire = (panel: ResultsPanel): void => {
    context.subscriptions.push(
      panel.onMessage((message) => {
        if (message.type === 'ready') panel.post({ type: 'showEmpty' });
        else if (message.type === 'runCommand') void vscode.commands.executeCommand(message.command);
      }),
    );
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('equationDiscovery.openResults', () => {
      ResultsPanel.show(context.extensionUri, wire);
    }),
    vscode.window.registerWebviewPanelSerializer(RESULTS_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
        ResultsPanel.adopt(panel, context.extensionUri, wire);
      },
    }),
    { dispose: () => ResultsPanel.active?.dispose() },
  );
}

export function deactivate(): void {
  ResultsPanel.active?.dispose();
}
