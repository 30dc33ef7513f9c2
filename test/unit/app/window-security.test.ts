/**
 * The Electron shell's security settings and guards, with a mocked `electron` (no binary here).
 * The real launch is covered by test/e2e/electron-launch.spec.ts wherever a binary exists.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

const mocks = vi.hoisted(() => {
  class FakeWebContents {
    listeners = new Map<string, Listener>();
    windowOpenHandler?: (details: { url: string }) => { action: string };
    permissionRequest?: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
    permissionCheck?: () => boolean;
    session = {
      setPermissionRequestHandler: (handler: FakeWebContents['permissionRequest']) => {
        this.permissionRequest = handler;
      },
      setPermissionCheckHandler: (handler: () => boolean) => {
        this.permissionCheck = handler;
      },
    };
    setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']) {
      this.windowOpenHandler = handler;
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return this;
    }
    /** Fires an event the way Electron would; returns whether the page's action was prevented. */
    fire(event: string, url?: string): boolean {
      let prevented = false;
      this.listeners.get(event)?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    }
  }
  const created: Array<{ options: Record<string, unknown>; webContents: FakeWebContents; url?: string }> = [];
  class FakeBrowserWindow {
    webContents = new FakeWebContents();
    constructor(readonly options: Record<string, unknown>) {
      created.push({ options, webContents: this.webContents });
    }
    loadURL(url: string) {
      created.at(-1)!.url = url;
      return Promise.resolve();
    }
    on() {}
    once() {}
    maximize() {}
    isDestroyed() {
      return false;
    }
  }
  return {
    created,
    FakeWebContents,
    FakeBrowserWindow,
    openExternal: vi.fn(() => Promise.resolve()),
  };
});

vi.mock('electron', () => ({
  BrowserWindow: mocks.FakeBrowserWindow,
  shell: { openExternal: mocks.openExternal },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  net: { fetch: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));

const { createMainWindow, secureWebPreferences } = await import('../../../main/app/window');
const { hardenWebContents, isAppUrl } = await import('../../../main/app/security');
const { resolveAppFile, APP_ORIGIN } = await import('../../../main/app/app-protocol');

function openWindow() {
  createMainWindow({
    preloadPath: '/app/out/preload/index.cjs',
    appOrigin: APP_ORIGIN,
    rendererUrl: `${APP_ORIGIN}/index.html`,
    title: 'Reservation Desk',
    stateStore: { get: () => ({ maximized: false }), set: () => {} },
  });
  return mocks.created.at(-1)!;
}

beforeEach(() => {
  mocks.created.length = 0;
  mocks.openExternal.mockClear();
});

describe('main window', () => {
  it('isolates the page: context isolation, sandbox, no Node, no webviews', () => {
    const { options } = openWindow();
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(secureWebPreferences('x')).toEqual({ ...(options.webPreferences as object), preload: 'x' });
  });

  it('loads the app from its own origin, not file://', () => {
    expect(openWindow().url).toBe('app://reservation-desk/index.html');
  });

  it('denies window.open; https links go to the system browser, other schemes nowhere', () => {
    const { webContents } = openWindow();
    expect(webContents.windowOpenHandler!({ url: 'https://learn.microsoft.com/partner-center' })).toEqual({
      action: 'deny',
    });
    expect(mocks.openExternal).toHaveBeenCalledWith('https://learn.microsoft.com/partner-center');
    mocks.openExternal.mockClear();
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
    ]) {
      expect(webContents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(mocks.openExternal).not.toHaveBeenCalled();
  });

  it('blocks navigation away from the app and allows it within', () => {
    const { webContents } = openWindow();
    expect(webContents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(webContents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(webContents.fire('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(webContents.fire('will-navigate', 'app://reservation-desk/index.html#/catalog')).toBe(false);
  });

  it('refuses webviews and every permission request', () => {
    const { webContents } = openWindow();
    expect(webContents.fire('will-attach-webview')).toBe(true);
    let granted: boolean | undefined;
    webContents.permissionRequest!({}, 'geolocation', (answer) => (granted = answer));
    expect(granted).toBe(false);
    expect(webContents.permissionCheck!()).toBe(false);
  });

  it('guards web contents that were not created by createMainWindow too', () => {
    const contents = new mocks.FakeWebContents();
    hardenWebContents(contents as never, APP_ORIGIN);
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
  });
});

describe('app origin', () => {
  it('matches only the exact origin', () => {
    expect(isAppUrl('app://reservation-desk/x', APP_ORIGIN)).toBe(true);
    expect(isAppUrl('app://reservation-desk.evil/x', APP_ORIGIN)).toBe(false);
    expect(isAppUrl('not a url', APP_ORIGIN)).toBe(false);
  });

  it('serves only files inside the renderer folder', () => {
    expect(resolveAppFile('app://reservation-desk/', '/r')).toBe('/r/index.html');
    expect(resolveAppFile('app://reservation-desk/assets/a.js', '/r')).toBe('/r/assets/a.js');
    // The URL parser folds encoded dot segments at the root: the result stays inside the folder.
    expect(resolveAppFile('app://reservation-desk/%2e%2e/%2e%2e/etc/passwd', '/r')).toBe('/r/etc/passwd');
    expect(resolveAppFile('app://reservation-desk/..%2f..%2fetc/passwd', '/r')).toBeUndefined();
    expect(resolveAppFile('app://other-host/index.html', '/r')).toBeUndefined();
  });
});
