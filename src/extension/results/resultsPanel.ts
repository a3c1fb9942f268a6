import * as vscode from 'vscode';
import { Channel, preview } from '../../shared/messages';
import type { FromWebview, ToWebview } from '../../shared/webviewProtocol';
import { isFromWebview } from '../../shared/webviewProtocolChecks';
import { Disposable } from '../disposable';
import { log } from '../log';
import { resultsHtml, resultsResourceRoots } from './webviewHtml';
import { webviewPort } from './webviewPort';

export const RESULTS_VIEW_TYPE = 'equationDiscovery.results';

/**
 * How long a visible page may take to say it is ready before its HTML is set again. In a browser-hosted
 * VS Code the webview's service worker can miss the first load of a fresh frame, which leaves the page
 * without its script and blank; loading it again recovers.
 */
const LOAD_TIMEOUT_MS = 5000;
const MAX_LOAD_ATTEMPTS = 4;

/** The single results panel: created on demand, revealed when it exists, revived after a window reload. */
export class ResultsPanel extends Disposable {
  private static current: ResultsPanel | undefined;

  private readonly messageEmitter = this.register(new vscode.EventEmitter<FromWebview>());
  /** Messages the webview sends, once checked: anything else is logged and dropped. */
  readonly onMessage = this.messageEmitter.event;
  private readonly disposeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposeEmitter.event;
  /** False until the page says it is ready, and again while it is hidden (its page is unloaded then). */
  private ready = false;
  private readonly channel: Channel<FromWebview, ToWebview>;

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
    private readonly extensionUri: vscode.Uri,
  ) {
    super();
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'equation.svg');
    panel.webview.options = { enableScripts: true, localResourceRoots: resultsResourceRoots(extensionUri) };
    this.channel = new Channel(webviewPort(panel.webview), isFromWebview, (value) =>
      log().warn(`ignored a message from the results view that is not one it may send: ${preview(value)}`),
    );
    this.load(1);
    const stopReceiving = this.channel.receive((message) => {
      if (message.type === 'ready') {
        this.ready = true;
        this.clearLoadTimer();
      }
      this.messageEmitter.fire(message);
    });
    this.register({ dispose: stopReceiving });
    this.register(
      panel.onDidChangeViewState(() => {
        if (!panel.visible) {
          this.ready = false;
          this.clearLoadTimer();
        } else if (!this.ready) {
          this.watchLoad(1);
        }
      }),
    );
    this.register({ dispose: () => this.clearLoadTimer() });
    this.register(panel.onDidDispose(() => this.dispose()));
  }

  private loadTimer: ReturnType<typeof setTimeout> | undefined;

  /** Sets the page's HTML (with a fresh nonce, so VS Code reloads it) and watches for its `ready`. */
  private load(attempt: number): void {
    this.panel.webview.html = resultsHtml(this.panel.webview, this.extensionUri);
    this.watchLoad(attempt);
  }

  private watchLoad(attempt: number): void {
    this.clearLoadTimer();
    if (attempt > MAX_LOAD_ATTEMPTS) return;
    this.loadTimer = setTimeout(() => {
      this.loadTimer = undefined;
      if (this.isDisposed || this.ready || !this.panel.visible) return;
      this.load(attempt + 1);
    }, LOAD_TIMEOUT_MS);
  }

  private clearLoadTimer(): void {
    if (this.loadTimer !== undefined) clearTimeout(this.loadTimer);
    this.loadTimer = undefined;
  }

  /**
   * Sends a message to a loaded page. Messages sent before the page is ready are dropped: the page asks
   * for the whole state with `ready` whenever it (re)loads, and owners answer with a full `showRun`.
   */
  post(message: ToWebview): void {
    if (this.isDisposed || !this.ready) return;
    this.channel.post(message);
  }

  override dispose(): void {
    if (this.isDisposed) return;
    if (ResultsPanel.current === this) ResultsPanel.current = undefined;
    this.disposeEmitter.fire();
    super.dispose();
    this.panel.dispose();
  }
}
