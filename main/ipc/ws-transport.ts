/**
 * Serves the contract over a loopback WebSocket for the web build.
 *
 * The upgrade is refused unless it comes from the app's own origin and presents the per-run token as
 * its subprotocol (`desk.v1.<token>`); calls to channels outside the contract get UNKNOWN_CHANNEL from
 * the dispatcher. Nothing here knows about Electron.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { WS_PATH, WS_PROTOCOL_PREFIX, type WsClientFrame, type WsServerFrame } from '../../preload/channels';
import type { Dispatcher } from './dispatcher';
import type { EventHub } from './event-hub';

export interface WsTransportOptions {
  readonly server: Server;
  readonly dispatcher: Dispatcher;
  readonly events: EventHub;
  /** The per-run secret the page must present. */
  readonly token: string;
  /** Origins allowed to connect, e.g. `http://127.0.0.1:5123`. */
  readonly allowedOrigins: () => ReadonlyArray<string>;
}

/** Largest frame accepted from the page; calls are small, catalog pages come the other way. */
const MAX_PAYLOAD_BYTES = 1024 * 1024;

export function attachWsTransport(options: WsTransportOptions): { close(): Promise<void> } {
  const { server, dispatcher, events } = options;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_PAYLOAD_BYTES,
    handleProtocols: (protocols) => {
      const offered = [...protocols].find((p) => p.startsWith(WS_PROTOCOL_PREFIX));
      return offered ?? false;
    },
  });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = refuse(request, options);
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => serve(ws));
  };
  server.on('upgrade', onUpgrade);

  function serve(ws: WebSocket): void {
    const unsubscribe = events.subscribe((message) => {
      send(ws, { kind: 'event', event: message.event, payload: message.payload });
    });
    ws.on('close', unsubscribe);
    ws.on('message', (data, isBinary) => {
      const frame = !isBinary && Buffer.isBuffer(data) ? parseFrame(data.toString('utf8')) : undefined;
      if (!frame) {
        ws.close(1003, 'Malformed frame');
        return;
      }
      void dispatcher
        .dispatch(frame.channel, frame.input, { transport: 'websocket', events })
        .then((result) => send(ws, { kind: 'result', id: frame.id, result }));
    });
  }

  return {
    close: () =>
      new Promise((resolve) => {
        server.off('upgrade', onUpgrade);
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

/** Why an upgrade is refused, as an HTTP status line, or undefined to accept it. */
function refuse(request: IncomingMessage, options: WsTransportOptions): string | undefined {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname !== WS_PATH) return '404 Not Found';
  const origin = request.headers.origin;
  if (!origin || !options.allowedOrigins().includes(origin)) return '403 Forbidden';
  const offered = (request.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .find((p) => p.startsWith(WS_PROTOCOL_PREFIX));
  if (!offered || !sameSecret(offered.slice(WS_PROTOCOL_PREFIX.length), options.token)) {
    return '401 Unauthorized';
  }
  return undefined;
}

function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function parseFrame(text: string): WsClientFrame | undefined {
  try {
    const frame: unknown = JSON.parse(text);
    if (
      typeof frame === 'object' &&
      frame !== null &&
      'id' in frame &&
      Number.isSafeInteger(frame.id) &&
      'channel' in frame &&
      typeof frame.channel === 'string'
    ) {
      return frame as WsClientFrame;
    }
  } catch {
    // fall through: malformed
  }
  return undefined;
}

function send(ws: WebSocket, frame: WsServerFrame): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
}
