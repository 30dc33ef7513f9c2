/** The web build's WebSocket bridge over real loopback sockets: who gets in, and what they can call. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebServer, type WebServer } from '../../../main/web/web-server';
import { WS_PATH, WS_PROTOCOL_PREFIX, type WsServerFrame } from '../../../preload/channels';
import { realDispatcher } from './fixtures';

let server: WebServer;
const { dispatcher, events } = realDispatcher();

beforeAll(async () => {
  const staticDir = mkdtempSync(path.join(tmpdir(), 'desk-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startWebServer({ dispatcher, events, staticDir, token: 'a1b2c3' });
});
afterAll(() => server.close());

function wsUrl(): string {
  return server.origin.replace('http', 'ws') + WS_PATH;
}

/** Opens a socket and resolves with it once open, or rejects with the HTTP status of the refusal. */
function connect(options: { token?: string; origin?: string; url?: string }): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const protocols = options.token === undefined ? [] : [WS_PROTOCOL_PREFIX + options.token];
    const headers: Record<string, string> = {};
    if (options.origin !== undefined) headers.origin = options.origin;
    const ws = new WebSocket(options.url ?? wsUrl(), protocols, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextFrame(ws: WebSocket, kind: WsServerFrame['kind']): Promise<WsServerFrame> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(Buffer.from(data as Buffer).toString('utf8')) as WsServerFrame;
      if (frame.kind !== kind) return;
      ws.off('message', onMessage);
      resolve(frame);
    };
    ws.on('message', onMessage);
  });
}

describe('WebSocket bridge', () => {
  it('serves a call from the app’s own origin with the right token', async () => {
    const ws = await connect({ token: server.token, origin: server.origin });
    const answer = nextFrame(ws, 'result');
    ws.send(JSON.stringify({ id: 7, channel: 'app.info' }));
    const frame = await answer;
    expect(frame).toMatchObject({
      kind: 'result',
      id: 7,
      result: { ok: true, value: { transport: 'websocket' } },
    });
    ws.close();
  });

  it('refuses a wrong token', async () => {
    await expect(connect({ token: 'a1b2c4', origin: server.origin })).rejects.toThrow('HTTP 401');
    await expect(connect({ token: '', origin: server.origin })).rejects.toThrow('HTTP 401');
  });

  it('refuses a missing token', async () => {
    await expect(connect({ origin: server.origin })).rejects.toThrow('HTTP 401');
  });

  it('refuses a foreign Origin even with the right token', async () => {
    await expect(connect({ token: server.token, origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(connect({ token: server.token, origin: 'http://127.0.0.1:1' })).rejects.toThrow('HTTP 403');
  });

  it('refuses a connection with no Origin (not a browser page of ours)', async () => {
    await expect(connect({ token: server.token })).rejects.toThrow('HTTP 403');
  });

  it('refuses other paths', async () => {
    const url = server.origin.replace('http', 'ws') + '/elsewhere';
    await expect(connect({ token: server.token, origin: server.origin, url })).rejects.toThrow('HTTP 404');
  });

  it('answers an unknown channel with UNKNOWN_CHANNEL and stays open', async () => {
    const ws = await connect({ token: server.token, origin: server.origin });
    const answer = nextFrame(ws, 'result');
    ws.send(JSON.stringify({ id: 1, channel: 'vault.dump' }));
    expect(await answer).toMatchObject({ id: 1, result: { ok: false, error: { code: 'UNKNOWN_CHANNEL' } } });
    const second = nextFrame(ws, 'result');
    ws.send(JSON.stringify({ id: 2, channel: 'app.info', input: { junk: true } }));
    expect(await second).toMatchObject({ id: 2, result: { ok: false, error: { code: 'INVALID_INPUT' } } });
    ws.close();
  });

  it('closes the socket on a malformed frame', async () => {
    const ws = await connect({ token: server.token, origin: server.origin });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('{not json');
    expect(await closed).toBe(1003);
  });

  it('pushes events from main to connected pages', async () => {
    const ws = await connect({ token: server.token, origin: server.origin });
    const event = nextFrame(ws, 'event');
    // The server subscribes the socket before it sends the 101 that opened it, so no wait is needed.
    const progress = {
      taskId: 'sync-1',
      label: 'Catalog',
      done: 3,
      total: 9,
      kind: 'catalog.sync' as const,
      key: 'k',
      startedAt: '2026-01-01T00:00:00.000Z',
    };
    events.emit('task.progress', progress);
    expect(await event).toEqual({ kind: 'event', event: 'task.progress', payload: progress });
    ws.close();
  });

  it('listens on 127.0.0.1 only and refuses other Host names (DNS rebinding)', async () => {
    expect(new URL(server.origin).hostname).toBe('127.0.0.1');
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(server.origin);
      const req = request(
        { host: '127.0.0.1', port: url.port, path: '/', headers: { host: `attacker.example:${url.port}` } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('serves the page with a strict Content-Security-Policy', async () => {
    const response = await fetch(server.origin + '/');
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });
});
