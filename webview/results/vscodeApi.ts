import type { FromWebview, WebviewPersistedState } from '../../src/shared/webviewProtocol';

interface VsCodeApi {
  /** Messages to the extension go through the channel of `extensionChannel.ts`. */
  postMessage(message: FromWebview): void;
  /** Whatever the page saved last; checked before use (`loadState`). */
  getState(): unknown;
  setState(state: WebviewPersistedState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The webview's handle on the extension; `acquireVsCodeApi` may be called only once per page. */
export const vscode: VsCodeApi = acquireVsCodeApi();
