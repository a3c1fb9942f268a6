import { Channel, type Port } from '../../src/shared/messages';
import { isRecord } from '../../src/shared/schema';
import type { FromWebview, ToWebview } from '../../src/shared/webviewProtocol';
import { isToWebview } from '../../src/shared/webviewProtocolChecks';
import { vscode } from './vscodeApi';

const port: Port<FromWebview> = {
  post: (message) => vscode.postMessage(message),
  listen: (listener) => {
    const onMessage = (event: MessageEvent<unknown>): void => listener(event.data);
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  },
};

/** Other windows' messages have no type and are ignored; one from the extension that fails its check is worth a note. */
function noteUnexpected(value: unknown): void {
  if (isRecord(value) && typeof value['type'] === 'string') {
    console.warn('Equation Discovery: ignored a message of unexpected shape', value);
  }
}

/** The page's end of the channel to the extension. */
export const extension = new Channel<ToWebview, FromWebview>(port, isToWebview, noteUnexpected);
