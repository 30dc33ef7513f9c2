/**
 * The Electron preload: exposes `window.desk` over IPC and nothing else.
 * It runs sandboxed, so it is bundled into one CommonJS file with no Node imports.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, ipcChannel } from './channels';
import type { DeskResult } from './contract';
import { createDeskApi } from './desk-api';

const desk = createDeskApi(
  (channel, input) =>
    (ipcRenderer.invoke(ipcChannel(channel), input) as Promise<DeskResult<unknown>>).catch(
      (): DeskResult<unknown> => ({
        ok: false,
        error: { code: 'BRIDGE_UNAVAILABLE', message: 'The app could not reach its main process.' },
      }),
    ),
  (deliver) => {
    const onEvent = (_event: IpcRendererEvent, message: { event: string; payload: unknown }) =>
      deliver(message.event, message.payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, onEvent);
    return () => ipcRenderer.off(IPC_EVENT_CHANNEL, onEvent);
  },
);

contextBridge.exposeInMainWorld('desk', desk);
