/**
 * Serves the contract over a loopback WebSocket for the web build.
 *
 * The upgrade is refused unless it names our own host, comes from the app's own origin and presents
 * the per-run token as its subprotocol (`desk.v1.<token>`); calls to channels outside the contract get
 * UNKNOWN_CHANNEL from the dispatcher. A connection that breaks the protocol is closed with the
 * protocol's code; nothing a page sends can end the process. Nothing here knows about Electron.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  WS_MAX_FRAME_BYTES,
  WS_PATH,
  WS_PROTOCOL_PREFIX,
  type WsClientFrame,
  type WsServerFrame,
} from '../../preload/channels';
import type { DeskResult } from '../../preload/contract';
import type { Dispatcher } from './dispatcher';
import type { EventHub } from './event-hub';

/** What one connection may cost; tests shorten them. */
export interface WsLimits {
  /** How often each socket is pinged; one that has not answered by the next ping is dropped. */
  readonly heartbeatMs: number;
  /** Calls one connection may have waiting for an answer; more are refused with THROTTLED. */
  readonly maxCallsInFlight: number;
}

export const DEFAULT_WS_LIMITS: WsLimits = { heartbeatMs: 30_000, maxCallsInFlight: 256 };

export interface WsTransportOptions {
  readonly server: Server;
  readonly dispatcher: Dispatcher;
  readonly events: EventHub;
  /** The per-run secret the page must present. */
  readonly token: string;
  /** Origins allowed to connect, e.g. `http://127.0.0.1:5123`; their hosts are the only Host accepted. */
  readonly allowedOrigins: () => ReadonlyArray<string>;
  readonly limits?: Partial<WsLimits>;
}

export function attachWsTransport(options: WsTransportOptions): { close(): Promise<void> } {
  const { server, dispatcher, events } = options;
  const limits = { ...DEFAULT_WS_LIMITS, ...options.limits };
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: WS_MAX_FRAME_BYTES,
    handleProtocols: (protocols) => {
      const offered = [...protocols].find((p) => p.startsWith(WS_PROTOCOL_PREFIX));
      return offered ?? false;
    },
  });
  const alive = new WeakSet<WebSocket>();

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refusal = refuse(request, options);
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => serve(ws));
  };
  server.on('upgrade', onUpgrade);

  // A socket that has shown no sign of life (no pong, no frame) since the last ping is gone: drop it.
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, limits.heartbeatMs);
  heartbeat.unref();

  function serve(ws: WebSocket): void {
    alive.add(ws);
    let inFlight = 0;
    // Protocol errors (bad UTF-8, oversized frames, …): ws closes with the right code after this.
    ws.on('error', () => {});
    ws.on('pong', () => alive.add(ws));
    const unsubscribe = events.subscribe((message) => {
      send(ws, { kind: 'event', event: message.event, payload: message.payload });
    });
    ws.on('close', unsubscribe);
    ws.on('message', (data, isBinary) => {
      alive.add(ws);
      const frame = !isBinary && Buffer.isBuffer(data) ? parseFrame(data.toString('utf8')) : undefined;
      if (!frame) {
        ws.close(1003, 'Malformed frame');
        return;
      }
      if (inFlight >= limits.maxCallsInFlight) {
        send(ws, { kind: 'result', id: frame.id, result: tooManyCalls(limits.maxCallsInFlight) });
        return;
      }
      inFlight += 1;
      void dispatcher
        .dispatch(frame.channel, frame.input, { transport: 'websocket', events })
        .catch((): DeskResult<never> => ({
          ok: false,
          error: { code: 'INTERNAL', message: 'Something went wrong in the app. Try again.' },
        }))
        .then((result) => {
          inFlight -= 1;
          send(ws, { kind: 'result', id: frame.id, result });
        });
    });
  }

  return {
    close: () =>
      new Promise((resolve) => {
        clearInterval(heartbeat);
        server.off('upgrade', onUpgrade);
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

function tooManyCalls(limit: number): DeskResult<never> {
  return {
    ok: false,
    error: {
      code: 'THROTTLED',
      message: `The page has ${limit} requests waiting for an answer, the most the app takes at once. Wait a moment and try again.`,
    },
  };
}

/** Why an upgrade is refused, as an HTTP status line, or undefined to accept it. */
function refuse(request: IncomingMessage, options: WsTransportOptions): string | undefined {
  const allowed = options.allowedOrigins();
  // Same rule as the HTTP server: a DNS-rebinding page reaches us under its own name, so refuse it.
  if (!allowed.some((origin) => new URL(origin).host === request.headers.host)) {
    return '421 Misdirected Request';
  }
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname !== WS_PATH) return '404 Not Found';
  const origin = request.headers.origin;
  if (!origin || !allowed.includes(origin)) return '403 Forbidden';
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
