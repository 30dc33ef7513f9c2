/** The main window: locked down, restored to where it was, saved when it moves. */
import path from 'node:path';
import { app, BrowserWindow, screen } from 'electron';
import { hardenWebContents } from './security';
import { boundsToRestore, MIN_SIZE, type WindowState } from './window-state';

export interface WindowStateStore {
  get(): WindowState;
  set(state: WindowState): void;
}

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly appOrigin: string;
  /** The renderer's address: app://… when packaged, the dev server under `npm start`. */
  readonly rendererUrl: string;
  readonly stateStore: WindowStateStore;
  readonly title: string;
}

/**
 * The web preferences every app window gets. Exported so tests can hold them to account. DevTools
 * only in development: a packaged app gives no console to someone at an unlocked desk.
 */
export function secureWebPreferences(
  preloadPath: string,
  build: { readonly packaged: boolean },
): Electron.WebPreferences {
  return {
    preload: preloadPath,
    devTools: !build.packaged,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
  };
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const saved = options.stateStore.get();
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const window = new BrowserWindow({
    ...boundsToRestore(saved.bounds, workAreas),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: options.title,
    show: false,
    backgroundColor: '#00000000',
    icon: path.join(import.meta.dirname, '../../assets/icon.png'),
    webPreferences: secureWebPreferences(options.preloadPath, { packaged: app.isPackaged }),
  });
  hardenWebContents(window.webContents, options.appOrigin);
  if (saved.maximized) window.maximize();

  const save = () => {
    if (window.isDestroyed()) return;
    const maximized = window.isMaximized();
    options.stateStore.set({
      maximized,
      bounds: maximized ? (options.stateStore.get().bounds ?? window.getBounds()) : window.getBounds(),
    });
  };
  window.on('resized', save);
  window.on('moved', save);
  window.on('close', save);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.rendererUrl);
  return window;
}
