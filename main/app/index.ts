/**
 * The Electron entry point: the only code that needs a running Electron. Everything it wires up is
 * plain Node (handlers, dispatcher) and runs in the web build and in tests without Electron.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import Store from 'electron-store';
import { bindElectronIpc } from '../ipc/electron-ipc';
import { bundledSkuWorkerUrls } from '../catalog/sku-writer';
import { createAppCore } from '../services';
import { startOrExitOnDiskFull } from '../system/disk-full';
import { createKeyringSecretStore, vaultServiceName } from '../vault';
import { APP_ORIGIN, registerAppScheme, serveAppScheme } from './app-protocol';
import { createElectronDesktopShell } from './desktop-shell';
import { openExternalLink } from './external-links';
import { menuTemplate } from './menu';
import { hardenWebContents } from './security';
import { createMainWindow } from './window';
import type { WindowState } from './window-state';

const PRODUCT_NAME = 'Reservation Desk';
app.setName(PRODUCT_NAME);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  const devServerUrl = process.env.ELECTRON_RENDERER_URL;
  const appOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;
  const rendererDir = path.join(import.meta.dirname, '../renderer');
  if (!devServerUrl) serveAppScheme(rendererDir);

  // Defence in depth: any web contents, however created, gets the same guards.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appOrigin));

  const dataDir = app.getPath('userData');
  // On a full disk: one clear sentence and a non-zero exit, not an uncaught exception dialog.
  const core = await startOrExitOnDiskFull(
    dataDir,
    () =>
      createAppCore({
        facts: {
          name: PRODUCT_NAME,
          version: app.getVersion(),
          dataDir,
          electronVersion: process.versions.electron,
          chromeVersion: process.versions.chrome,
          startedAt: new Date(),
        },
        secrets: createKeyringSecretStore({ service: vaultServiceName({ packaged: app.isPackaged }) }),
        // Sign-in pages: Microsoft's, or the built-in demo's on a loopback address; others ask first.
        openBrowser: async (url) => {
          if (!(await openExternalLink(url, { allowLoopback: true }))) {
            throw new Error('The sign-in page was not opened.');
          }
        },
        skuWorkerUrls: bundledSkuWorkerUrls(import.meta.url),
        desktop: createElectronDesktopShell(),
      }),
    {
      printLine: (line) => {
        console.error(line);
        dialog.showErrorBox(PRODUCT_NAME, line);
      },
      exit: (code) => app.exit(code),
    },
  );
  if (core === undefined) return;
  app.on('will-quit', () => void core.close());
  bindElectronIpc({
    ipcMain,
    dispatcher: core.dispatcher,
    events: core.events,
    appOrigin,
    targets: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate(process.platform, PRODUCT_NAME, { packaged: app.isPackaged })),
  );

  const windowState = new Store<{ window: WindowState }>({
    name: 'window-state',
    defaults: { window: { maximized: false } },
    clearInvalidConfig: true,
    schema: {
      window: {
        type: 'object',
        properties: {
          maximized: { type: 'boolean' },
          bounds: {
            type: 'object',
            properties: {
              x: { type: 'number' },
              y: { type: 'number' },
              width: { type: 'number' },
              height: { type: 'number' },
            },
            required: ['x', 'y', 'width', 'height'],
          },
        },
        required: ['maximized'],
      },
    },
  });
  const openWindow = () =>
    createMainWindow({
      title: PRODUCT_NAME,
      appOrigin,
      rendererUrl: devServerUrl ?? `${APP_ORIGIN}/index.html`,
      preloadPath: path.join(import.meta.dirname, '../preload/index.cjs'),
      stateStore: {
        get: () => windowState.get('window'),
        set: (state) => windowState.set('window', state),
      },
    });
  let mainWindow = openWindow();

  app.on('second-instance', () => {
    if (mainWindow.isDestroyed()) mainWindow = openWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
