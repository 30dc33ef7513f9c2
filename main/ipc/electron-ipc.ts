/**
 * Serves the contract over Electron IPC. Only channels in the contract are registered, and only the
 * app's own top-level frame may call them. Electron is a parameter, never imported, so this runs in tests.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { IPC_EVENT_CHANNEL, ipcChannel } from '../../preload/channels';
import { channelNames, type DeskResult } from '../../preload/contract';
import type { Dispatcher } from './dispatcher';
import type { EventHub } from './event-hub';
import { isSameOrigin } from './origin';

export interface ElectronIpcOptions {
  readonly ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  readonly dispatcher: Dispatcher;
  readonly events: EventHub;
  /** The origin the app's pages are served from, e.g. `app://reservation-desk`. */
  readonly appOrigin: string;
  /** The windows to push events to. */
  readonly targets: () => ReadonlyArray<Pick<WebContents, 'send' | 'isDestroyed'>>;
}

/** True only for the app's own top-level frame: not an iframe, not a page navigated elsewhere. */
export function isTrustedSender(
  frame: Pick<WebFrameMain, 'parent' | 'url'> | null | undefined,
  appOrigin: string,
): boolean {
  return !!frame && frame.parent === null && isSameOrigin(frame.url, appOrigin);
}

/** Registers every contract channel; returns the function that removes them again. */
export function bindElectronIpc(options: ElectronIpcOptions): () => void {
  const { ipcMain, dispatcher, events, appOrigin } = options;
  const channels = channelNames();
  for (const channel of channels) {
    ipcMain.handle(ipcChannel(channel), (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, appOrigin)) {
        const refused: DeskResult<never> = {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the app’s own window.' },
        };
        return refused;
      }
      return dispatcher.dispatch(channel, input, { transport: 'electron-ipc', events });
    });
  }
  const unsubscribe = events.subscribe((message) => {
    for (const target of options.targets()) {
      if (!target.isDestroyed()) target.send(IPC_EVENT_CHANNEL, message);
    }
  });
  return () => {
    unsubscribe();
    for (const channel of channels) ipcMain.removeHandler(ipcChannel(channel));
  };
}
