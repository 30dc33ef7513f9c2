/**
 * The web build's preload: the same `window.desk` as the Electron preload, over a loopback WebSocket,
 * plus `window.deskConnection` so the page can say when the app behind its address is gone.
 *
 * The per-run token arrives in the URL fragment (`#token=…`, never sent to the server in a request
 * line or a log); it is kept in sessionStorage so a reload still works, and removed from the address bar.
 */
import type { DeskConnection } from './bridge-status';
import { WS_PATH, WS_PROTOCOL_PREFIX } from './channels';
import { createDeskApi } from './desk-api';
import { createBridgeClient } from './web-bridge-client';

const TOKEN_KEY = 'reservation-desk.bridge-token';

function takeToken(): string {
  const match = /(?:^|[#&])token=([0-9a-f]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const token = takeToken();
const client = createBridgeClient({
  token,
  schedule: (run, delayMs) => void setTimeout(run, delayMs),
  openSocket(handlers) {
    const ws = new WebSocket(`ws://${window.location.host}${WS_PATH}`, WS_PROTOCOL_PREFIX + token);
    ws.onopen = () => handlers.onOpen();
    ws.onmessage = (message: MessageEvent<string>) => handlers.onMessage(message.data);
    ws.onclose = () => handlers.onClose();
    return { send: (text) => ws.send(text) };
  },
});

const desk = createDeskApi(client.invoke, client.listen);
const connection: DeskConnection = Object.freeze({ status: client.status, onStatus: client.onStatus });

client.start();
Object.defineProperty(window, 'desk', { value: desk, writable: false, configurable: false });
Object.defineProperty(window, 'deskConnection', { value: connection, writable: false, configurable: false });
