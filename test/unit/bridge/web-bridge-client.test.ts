/**
 * The web preload's call function over a fake socket: it never rejects, refuses what cannot be sent
 * without leaving a pending call behind, and notices an app that was restarted elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { BRIDGE_RESTARTED_MESSAGE } from '../../../preload/bridge-status';
import { WS_MAX_FRAME_BYTES } from '../../../preload/channels';
import { createBridgeClient, type SocketHandlers } from '../../../preload/web-bridge-client';

/** A client whose sockets and timers the test drives by hand. */
function harness(token = 'a1b2c3') {
  const sockets: Array<{ handlers: SocketHandlers; sent: string[] }> = [];
  const timers: Array<() => void> = [];
  const client = createBridgeClient({
    token,
    openSocket(handlers) {
      const socket = { handlers, sent: [] as string[] };
      sockets.push(socket);
      return { send: (text) => socket.sent.push(text) };
    },
    schedule: (run) => timers.push(run),
  });
  client.start();
  const current = () => sockets.at(-1)!;
  /** Runs the scheduled retry, which opens the next socket. */
  const retry = () => timers.shift()!();
  return { client, sockets, current, retry };
}

describe('web bridge calls', () => {
  it('sends a call and resolves with the answer that carries its id', async () => {
    const { client, current } = harness();
    current().handlers.onOpen();
    const answer = client.invoke('app.info', undefined);
    const frame = JSON.parse(current().sent[0]!) as { id: number; channel: string };
    expect(frame.channel).toBe('app.info');
    current().handlers.onMessage(
      JSON.stringify({ kind: 'result', id: frame.id, result: { ok: true, value: 1 } }),
    );
    expect(await answer).toEqual({ ok: true, value: 1 });
    expect(client.pendingCount()).toBe(0);
  });

  it('resolves input it cannot serialize to INVALID_INPUT and keeps no pending entry', async () => {
    const { client, current } = harness();
    current().handlers.onOpen();
    const circular: Record<string, unknown> = { name: 'loop' };
    circular.self = circular;
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
        ownKeys() {
          throw new Error('no');
        },
      },
    );
    for (const input of [
      { amount: 10n },
      circular,
      throwing,
      {
        toJSON: () => {
          throw new Error('x');
        },
      },
    ]) {
      const result = await client.invoke('profiles.create', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(client.pendingCount()).toBe(0);
    expect(current().sent).toEqual([]);
  });

  it('refuses input over the frame limit before sending it, naming the limit', async () => {
    const { client, current } = harness();
    current().handlers.onOpen();
    const result = await client.invoke('profiles.create', { name: 'x'.repeat(1_100_000) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toContain('1 MB the app accepts at once');
    expect(result.error.details).toMatchObject({ limitBytes: WS_MAX_FRAME_BYTES });
    expect(current().sent).toEqual([]);
    expect(client.pendingCount()).toBe(0);
  });

  it('holds calls made while connecting and sends them once open', async () => {
    const { client, current } = harness();
    const answer = client.invoke('app.info', undefined);
    expect(current().sent).toEqual([]);
    current().handlers.onOpen();
    const { id } = JSON.parse(current().sent[0]!) as { id: number };
    current().handlers.onMessage(JSON.stringify({ kind: 'result', id, result: { ok: true, value: 2 } }));
    expect(await answer).toEqual({ ok: true, value: 2 });
  });

  it('ignores an answer it cannot read instead of throwing', () => {
    const { client, current } = harness();
    current().handlers.onOpen();
    expect(() => current().handlers.onMessage('{not json')).not.toThrow();
    expect(client.status()).toBe('connected');
  });
});

describe('web bridge connection', () => {
  it('answers calls in flight when the connection drops, and reconnects', async () => {
    const { client, current, retry, sockets } = harness();
    current().handlers.onOpen();
    const answer = client.invoke('app.info', undefined);
    current().handlers.onClose();
    expect(await answer).toMatchObject({ ok: false, error: { code: 'BRIDGE_UNAVAILABLE' } });
    expect(client.status()).toBe('connecting');
    retry();
    current().handlers.onOpen();
    expect(sockets).toHaveLength(2);
    expect(client.status()).toBe('connected');
  });

  it('says the app was restarted once its address stops answering, and answers calls with that', async () => {
    const { client, current, retry } = harness();
    const seen: string[] = [];
    client.onStatus(() => seen.push(client.status()));
    current().handlers.onOpen();
    const waiting = client.invoke('app.info', undefined);
    current().handlers.onClose();
    // The old port no longer answers: attempts close without ever opening.
    const queued = client.invoke('app.info', undefined);
    for (let attempt = 0; attempt < 3; attempt++) {
      retry();
      current().handlers.onClose();
    }
    expect(client.status()).toBe('restarted');
    expect(seen).toEqual(['connected', 'connecting', 'restarted']);
    expect(await waiting).toMatchObject({ error: { code: 'BRIDGE_UNAVAILABLE' } });
    expect(await queued).toEqual({
      ok: false,
      error: { code: 'BRIDGE_UNAVAILABLE', message: BRIDGE_RESTARTED_MESSAGE },
    });
    expect(await client.invoke('app.info', undefined)).toMatchObject({
      error: { message: BRIDGE_RESTARTED_MESSAGE },
    });
    expect(client.pendingCount()).toBe(0);
  });

  it('without a token, answers every call with how to open the app and opens no socket', async () => {
    const { client, sockets } = harness('');
    expect(sockets).toHaveLength(0);
    expect(await client.invoke('app.info', undefined)).toMatchObject({
      ok: false,
      error: { code: 'BRIDGE_UNAVAILABLE' },
    });
  });
});
