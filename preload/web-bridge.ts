/**
 * The web build's preload: the same `window.desk` as the Electron preload, over a loopback WebSocket.
 *
 * The per-run token arrives in the URL fragment (`#token=…`, never sent to the server in a request
 * line or a log); it is kept in sessionStorage so a reload still works, and removed from the address bar.
 */
import { WS_PATH, WS_PROTOCOL_PREFIX, type WsClientFrame, type WsServerFrame } from './channels';
import type { DeskResult } from './contract';
import { createDeskApi } from './desk-api';

const TOKEN_KEY = 'reservation-desk.bridge-token';
const RETRY_MS = [250, 500, 1000, 2000, 5000];

function takeToken(): string {
  const match = /(?:^|[#&])token=([0-9a-f]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const unavailable = (message: string): DeskResult<unknown> => ({
  ok: false,
  error: { code: 'BRIDGE_UNAVAILABLE', message },
});

const token = takeToken();
const pending = new Map<number, (result: DeskResult<unknown>) => void>();
const outbox: WsClientFrame[] = [];
const listeners = new Set<(event: string, payload: unknown) => void>();
let socket: WebSocket | undefined;
let nextId = 1;
let attempt = 0;

function connect(): void {
  const ws = new WebSocket(`ws://${window.location.host}${WS_PATH}`, WS_PROTOCOL_PREFIX + token);
  socket = ws;
  ws.onopen = () => {
    attempt = 0;
    for (const frame of outbox.splice(0)) ws.send(JSON.stringify(frame));
  };
  ws.onmessage = (message: MessageEvent<string>) => {
    const frame = JSON.parse(message.data) as WsServerFrame;
    if (frame.kind === 'result') {
      pending.get(frame.id)?.(frame.result as DeskResult<unknown>);
      pending.delete(frame.id);
    } else {
      for (const listener of listeners) listener(frame.event, frame.payload);
    }
  };
  ws.onclose = () => {
    socket = undefined;
    // Calls in flight may or may not have run; say so rather than guess.
    for (const [id, resolve] of pending) {
      resolve(unavailable('The connection to the app was lost before it answered. Try again.'));
      pending.delete(id);
    }
    const delay = RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)];
    setTimeout(connect, delay);
  };
}

const desk = createDeskApi(
  (channel, input) =>
    new Promise((resolve) => {
      if (!token) {
        resolve(unavailable('Open the app with the address printed by `npm run web`.'));
        return;
      }
      const frame: WsClientFrame = { id: nextId++, channel, input };
      pending.set(frame.id, resolve);
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
      else outbox.push(frame);
    }),
  (deliver) => {
    listeners.add(deliver);
    return () => listeners.delete(deliver);
  },
);

if (token) connect();
Object.defineProperty(window, 'desk', { value: desk, writable: false, configurable: false });
