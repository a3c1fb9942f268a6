import type * as vscode from 'vscode';
import type { Port } from '../../shared/messages';
import type { ToWebview } from '../../shared/webviewProtocol';
import { fireAndLog } from '../report';

/** The extension's end of a webview as a port of the webview channel. */
export function webviewPort(webview: vscode.Webview): Port<ToWebview> {
  return {
    post: (message) => fireAndLog(webview.postMessage(message), `sending ${message.type} to the results view`),
    listen: (listener) => {
      const subscription = webview.onDidReceiveMessage(listener);
      return () => subscription.dispose();
    },
  };
}
