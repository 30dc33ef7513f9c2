/** Binding the contract to Electron IPC: only contract channels, only from the app's top frame. */
import { describe, expect, it } from 'vitest';
import { bindElectronIpc, isTrustedSender } from '../../../main/ipc/electron-ipc';
import { IPC_EVENT_CHANNEL } from '../../../preload/channels';
import { channelNames } from '../../../preload/contract';
import { realDispatcher } from '../bridge/fixtures';

const APP = 'app://reservation-desk';
type Handler = (event: unknown, input: unknown) => unknown;

function bind() {
  const handlers = new Map<string, Handler>();
  const sent: Array<[string, unknown]> = [];
  const { dispatcher, events } = realDispatcher();
  const unbind = bindElectronIpc({
    ipcMain: {
      handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
      removeHandler: (channel: string) => void handlers.delete(channel),
    } as never,
    dispatcher,
    events,
    appOrigin: APP,
    targets: () =>
      [
        {
          send: (channel: string, message: unknown) => void sent.push([channel, message]),
          isDestroyed: () => false,
        },
      ] as never,
  });
  return { handlers, sent, events, unbind };
}

const topFrame = { parent: null, url: `${APP}/index.html` };

describe('Electron IPC binding', () => {
  it('registers exactly the contract’s channels and removes them again', () => {
    const { handlers, unbind } = bind();
    expect([...handlers.keys()].sort()).toEqual(
      channelNames()
        .map((c) => `desk:${c}`)
        .sort(),
    );
    unbind();
    expect(handlers.size).toBe(0);
  });

  it('serves the app’s own top-level frame', async () => {
    const { handlers } = bind();
    const result = await handlers.get('desk:app.info')!({ senderFrame: topFrame }, undefined);
    expect(result).toMatchObject({ ok: true, value: { transport: 'electron-ipc' } });
  });

  it('refuses iframes, other origins and vanished frames', async () => {
    const { handlers } = bind();
    const call = handlers.get('desk:app.info')!;
    for (const senderFrame of [
      { parent: topFrame, url: `${APP}/index.html` },
      { parent: null, url: 'https://evil.example/' },
      { parent: null, url: 'file:///tmp/x.html' },
      null,
    ]) {
      expect(await call({ senderFrame }, undefined)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
  });

  it('pushes events to the app’s windows', () => {
    const { sent, events } = bind();
    const payload = {
      taskId: 't',
      label: 'Sync',
      done: 0,
      total: null,
      kind: 'catalog.sync' as const,
      key: 'k',
      startedAt: '2026-01-01T00:00:00.000Z',
    };
    events.emit('task.progress', payload);
    expect(sent).toEqual([[IPC_EVENT_CHANNEL, { event: 'task.progress', payload }]]);
  });

  it('checks the sender’s origin exactly', () => {
    expect(isTrustedSender({ parent: null, url: 'app://reservation-desk.evil/' }, APP)).toBe(false);
    expect(isTrustedSender({ parent: null, url: 'garbage' }, APP)).toBe(false);
    expect(isTrustedSender({ parent: null, url: `${APP}/#/about` }, APP)).toBe(true);
  });
});
