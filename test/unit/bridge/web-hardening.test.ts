/**
 * The web build's server under hostile input: odd HTTP requests and WebSocket protocol errors must
 * never end the process, a bad connection is closed with the right code, and every other connection
 * keeps working. Frames are written by hand over real loopback sockets (see raw-websocket.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Dispatcher } from '../../../main/ipc/dispatcher';
import { createEventHub } from '../../../main/ipc/event-hub';
import { startWebServer, type WebServer } from '../../../main/web/web-server';
import {
  WS_MAX_FRAME_BYTES,
  WS_PATH,
  WS_PROTOCOL_PREFIX,
  type WsServerFrame,
} from '../../../preload/channels';
import type { DeskResult } from '../../../preload/contract';
import { realDispatcher } from './fixtures';
import { closePayload, rawFrame, rawUpgrade } from './raw-websocket';

const INDEX = '<!doctype html><title>t</title>';
let staticDir: string;
let server: WebServer;
let bystander: WebSocket;
const { dispatcher, events } = realDispatcher();

beforeAll(async () => {
  staticDir = mkdtempSync(path.join(tmpdir(), 'desk-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), INDEX);
  server = await startWebServer({ dispatcher, events, staticDir, token: 'a1b2c3' });
  bystander = await connect(server);
});
afterAll(async () => {
  bystander.close();
  await server.close();
});

function connect(target: WebServer): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(
      target.origin.replace('http', 'ws') + WS_PATH,
      [WS_PROTOCOL_PREFIX + target.token],
      {
        headers: { origin: target.origin },
      },
    );
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Sends one call and resolves with its result frame. */
function call(ws: WebSocket, id: number, channel: string, input?: unknown): Promise<DeskResult<unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(Buffer.from(data as Buffer).toString('utf8')) as WsServerFrame;
      if (frame.kind !== 'result' || frame.id !== id) return;
      ws.off('message', onMessage);
      resolve(frame.result as DeskResult<unknown>);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, channel, input }));
  });
}

/** Writes a raw HTTP request and resolves with the status code of the answer (0 if none came). */
function rawHttp(target: WebServer, request: string): Promise<number> {
  const url = new URL(target.origin);
  return new Promise((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname);
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)));
    // Half-closing would let the server drop the connection before it answers; it closes after one.
    socket.write(request.replace('\r\n', '\r\nConnection: close\r\n'));
  });
}

async function stillServing(): Promise<void> {
  expect((await fetch(server.origin + '/')).status).toBe(200);
  expect(await call(bystander, Math.floor(Math.random() * 1e9), 'app.info')).toMatchObject({ ok: true });
}

describe('static files', () => {
  it('answers an unsatisfiable range (end before start) with 416 and keeps running', async () => {
    const response = await fetch(server.origin + '/index.html', { headers: { range: 'bytes=10-5' } });
    expect(response.status).toBe(416);
    await stillServing();
  });

  it('answers a range past the end with 416 and a satisfiable one with 206', async () => {
    const past = await fetch(server.origin + '/index.html', { headers: { range: 'bytes=5000-' } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${INDEX.length}`);
    const first = await fetch(server.origin + '/index.html', { headers: { range: 'bytes=0-8' } });
    expect(first.status).toBe(206);
    expect(await first.text()).toBe(INDEX.slice(0, 9));
  });

  it('serves the whole file for a range it does not support (several, suffix, other unit)', async () => {
    for (const range of ['bytes=0-1,4-5', 'bytes=-5', 'items=0-3', 'bytes=x-y', 'bytes=--3', 'bytes=']) {
      const response = await fetch(server.origin + '/index.html', { headers: { range } });
      expect(response.status, range).toBe(200);
      expect(await response.text(), range).toBe(INDEX);
    }
  });

  it('survives malformed and unusual requests', async () => {
    const host = new URL(server.origin).host;
    const requests = [
      `GET /index.html HTTP/1.1\r\nHost: ${host}\r\nRange: bytes=99999999999999999999999-1\r\n\r\n`,
      `GET /index.html HTTP/1.1\r\nHost: ${host}\r\nRange: bytes=3-2\r\n\r\n`,
      `GET /%E0%A4%A HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      `GET /%00 HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      `GET /..%2f..%2fetc%2fpasswd HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      `GET * HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      `GET http://${host}/index.html HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      `POST /index.html HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 3\r\n\r\nabc`,
      `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      `GET /bridge HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`,
      'NOT HTTP AT ALL\r\n\r\n',
    ];
    for (const request of requests) {
      expect(await rawHttp(server, request), request.slice(0, 60)).toBeGreaterThanOrEqual(200);
    }
    await stillServing();
  });
});

describe('WebSocket protocol errors', () => {
  const text = (s: string) => Buffer.from(s, 'utf8');
  const cases: Array<[string, Buffer, number]> = [
    ['invalid UTF-8 in a text frame', rawFrame(0x1, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), 1007],
    ['RSV1 set without an extension', rawFrame(0x1, text('{}'), { rsv1: true }), 1002],
    ['an unmasked client frame', rawFrame(0x1, text('{}'), { masked: false }), 1002],
    ['a reserved opcode', rawFrame(0x3, text('x')), 1002],
    ['a continuation without a start', rawFrame(0x0, text('x')), 1002],
    ['an oversized ping', rawFrame(0x9, Buffer.alloc(126)), 1002],
    ['a fragmented ping', rawFrame(0x9, text('p'), { fin: false }), 1002],
    ['a close with an invalid code', rawFrame(0x8, closePayload(999)), 1002],
    ['a close with a reserved code', rawFrame(0x8, closePayload(1005)), 1002],
    ['a frame of 1 MiB + 1', rawFrame(0x1, Buffer.alloc(WS_MAX_FRAME_BYTES + 1, 0x20)), 1009],
    ['a 64 MiB length header', rawFrame(0x2, Buffer.alloc(0), { claimedLength: 64 * 1024 * 1024 }), 1009],
  ];

  for (const [name, bytes, code] of cases) {
    it(`closes the connection with ${code} on ${name}; the server and others carry on`, async () => {
      const raw = await rawUpgrade({ origin: server.origin, token: server.token });
      raw.send(bytes);
      expect(await raw.closeCode()).toBe(code);
      await raw.ended;
      await stillServing();
    });
  }

  it('closes with 1003 on a frame that is not a call, and with 1003 on a binary frame', async () => {
    for (const bytes of [rawFrame(0x1, text('[1,2]')), rawFrame(0x2, text('{}'))]) {
      const raw = await rawUpgrade({ origin: server.origin, token: server.token });
      raw.send(bytes);
      expect(await raw.closeCode()).toBe(1003);
      raw.destroy();
    }
    await stillServing();
  });

  it('refuses an upgrade whose Host is not ours (DNS rebinding), as the HTTP server does', async () => {
    const port = new URL(server.origin).port;
    await expect(
      rawUpgrade({ origin: server.origin, token: server.token, host: `attacker.example:${port}` }),
    ).rejects.toThrow(/421/);
    await expect(
      rawUpgrade({ origin: server.origin, token: server.token, host: `localhost:${port}` }),
    ).rejects.toThrow(/421/);
  });
});

describe('limits per connection', () => {
  it('answers calls beyond the limit in flight with THROTTLED and serves the rest once answered', async () => {
    const held: Array<() => void> = [];
    let arrived = () => {};
    const holding: Dispatcher = {
      dispatch: () =>
        new Promise((resolve) => {
          held.push(() => resolve({ ok: true, value: { held: true } }));
          arrived();
        }),
    };
    const limited = await startWebServer({
      dispatcher: holding,
      events: createEventHub(),
      staticDir,
      bridge: { maxCallsInFlight: 4 },
    });
    try {
      const ws = await connect(limited);
      const first = [1, 2, 3, 4].map((id) => call(ws, id, 'app.info'));
      const refused = await call(ws, 5, 'app.info');
      expect(refused).toMatchObject({ ok: false, error: { code: 'THROTTLED' } });
      expect(refused.ok || refused.error.message).toMatch(/4 requests/);
      expect(held).toHaveLength(4);
      for (const release of held.splice(0)) release();
      expect(await Promise.all(first)).toEqual(Array(4).fill({ ok: true, value: { held: true } }));
      // Answered calls free their places.
      const reached = new Promise<void>((resolve) => (arrived = resolve));
      const again = call(ws, 6, 'app.info');
      await reached;
      held.shift()!();
      expect(await again).toMatchObject({ ok: true });
      ws.close();
    } finally {
      for (const release of held) release();
      await limited.close();
    }
  });

  it('pings each socket; one that never answers is dropped, one that answers stays', async () => {
    const beating = await startWebServer({ dispatcher, events, staticDir, bridge: { heartbeatMs: 40 } });
    try {
      const live = await connect(beating);
      let pings = 0;
      const threePings = new Promise<void>((resolve) =>
        live.on('ping', () => {
          if (++pings === 3) resolve();
        }),
      );
      const silent = await rawUpgrade({ origin: beating.origin, token: beating.token });
      // The raw socket reads the ping but never answers it: the server gives up on it.
      const first = await silent.next();
      expect(first?.opcode).toBe(0x9);
      await silent.ended;
      await threePings;
      expect(live.readyState).toBe(WebSocket.OPEN);
      expect(await call(live, 1, 'app.info')).toMatchObject({ ok: true });
      live.close();
    } finally {
      await beating.close();
    }
  });
});
