import * as vscode from 'vscode';
import type { FromWebview, ToWebview } from '../../shared/protocol';
import { Disposable } from '../disposable';
import { resultsHtml, resultsResourceRoots } from './webviewHtml';

export const RESULTS_VIEW_TYPE = 'equationDiscovery.results';

/** The single results panel: created on demand, revealed when it exists, revived after a window reload. */
export class ResultsPanel extends Disposable {
  private static current: ResultsPanel | undefined;

  private readonly messageEmitter = this.register(new vscode.EventEmitter<FromWebview>());
  /** Messages the webview sends. */
  readonly onMessage = this.messageEmitter.event;
  private readonly disposeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposeEmitter.event;
  /** False until the page says it is ready, and again while it is hidden (its page is unloaded then). */
  private ready = false;

  static get active(): ResultsPanel | undefined {
    return ResultsPanel.current;
  }

  /** Reveals the panel, creating it when needed. `onCreated` wires a new panel before its first message. */
  static show(extensionUri: vscode.Uri, onCreated: (panel: ResultsPanel) => void): ResultsPanel {
    if (ResultsPanel.current) {
      ResultsPanel.current.panel.reveal(undefined, true);
      return ResultsPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      RESULTS_VIEW_TYPE,
      'Equation Discovery',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: resultsResourceRoots(extensionUri) },
    );
    return ResultsPanel.adopt(panel, extensionUri, onCreated);
  }

  /** Takes over a panel VS Code restored after a reload. */
  static adopt(
    panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    onCreated: (panel: ResultsPanel) => void,
  ): ResultsPanel {
    ResultsPanel.current?.dispose();
    const created = new ResultsPanel(panel, extensionUri);
    ResultsPanel.current = created;
    onCreated(created);
    return created;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
  ) {
    super();
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'equation.svg');
    panel.webview.options = { enableScripts: true, localResourceRoots: resultsResourceRoots(extensionUri) };
    panel.webview.html = resultsHtml(panel.webview, extensionUri);
    this.register(
      panel.webview.onDidReceiveMessage((message: FromWebview) => {
        if (message.type === 'ready') this.ready = true;
        this.messageEmitter.fire(message);
      }),
    );
    this.register(
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
    );
    this.register(panel.onDidDispose(() => this.dispose()));
  }

  /**
   * Sends a message to a loaded page. Messages sent before the page is ready are dropped: the page asks
   * for the whole state with `ready` whenever it (re)loads, and owners answer with a full `showRun`.
   */
  post(message: ToWebview): void {
    if (this.isDisposed || !this.ready) return;
    void this.panel.webview.postMessage(message);
  }

  override dispose(): void {
    if (this.isDisposed) return;
    if (ResultsPanel.current === this) ResultsPanel.current = undefined;
    this.disposeEmitter.fire();
    super.dispose();
    this.panel.dispose();
  }
}
