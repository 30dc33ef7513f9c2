/**
 * The Electron shell's security settings and guards, with a mocked `electron` (no binary here).
 * The real launch is covered by test/e2e/electron-launch.spec.ts wherever a binary exists.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

const mocks = vi.hoisted(() => {
  class FakeWebContents {
    listeners = new Map<string, Listener[]>();
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
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    /** Fires an event the way Electron would; returns whether the page's action was prevented. */
    fire(event: string, url?: string): boolean {
      let prevented = false;
      for (const listener of this.listeners.get(event) ?? []) {
        listener({ preventDefault: () => (prevented = true) }, url);
      }
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
    showMessageBox: vi.fn(() => Promise.resolve({ response: 1 })),
    handle: vi.fn(),
    netFetch: vi.fn(() => Promise.resolve(new Response('file'))),
    app: { isPackaged: false },
  };
});

vi.mock('electron', () => ({
  app: mocks.app,
  BrowserWindow: mocks.FakeBrowserWindow,
  dialog: { showMessageBox: mocks.showMessageBox },
  shell: { openExternal: mocks.openExternal },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  net: { fetch: mocks.netFetch },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: mocks.handle },
}));

const { createMainWindow, secureWebPreferences } = await import('../../../main/app/window');
const { hardenWebContents, isAppUrl } = await import('../../../main/app/security');
const { resolveAppFile, serveAppScheme, APP_ORIGIN } = await import('../../../main/app/app-protocol');
const { linkVerdict } = await import('../../../main/app/external-links');

/** Lets the asynchronous link opener (and any question it asks) finish. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

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
  mocks.showMessageBox.mockClear();
  mocks.showMessageBox.mockImplementation(() => Promise.resolve({ response: 1 }));
  mocks.app.isPackaged = false;
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
    expect(secureWebPreferences('x', { packaged: false })).toEqual({
      ...(options.webPreferences as object),
      preload: 'x',
    });
  });

  it('has DevTools in development builds only', () => {
    expect(openWindow().options.webPreferences).toMatchObject({ devTools: true });
    mocks.app.isPackaged = true;
    expect(openWindow().options.webPreferences).toMatchObject({ devTools: false });
  });

  it('loads the app from its own origin, not file://', () => {
    expect(openWindow().url).toBe('app://reservation-desk/index.html');
  });

  it('denies window.open; Microsoft https links go to the system browser, other schemes nowhere', async () => {
    const { webContents } = openWindow();
    for (const url of [
      'https://learn.microsoft.com/partner-center',
      'https://partner.microsoft.com/dashboard',
      'https://portal.azure.com/#home',
      'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    ]) {
      expect(webContents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
      await settled();
      expect(mocks.openExternal).toHaveBeenLastCalledWith(url);
    }
    expect(mocks.showMessageBox).not.toHaveBeenCalled();
    mocks.openExternal.mockClear();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-settings:']) {
      expect(webContents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    await settled();
    expect(mocks.showMessageBox).not.toHaveBeenCalled();
    expect(mocks.openExternal).not.toHaveBeenCalled();
  });

  it('asks before opening any other web link, and opens it only if the user agrees', async () => {
    const { webContents } = openWindow();
    for (const url of [
      'https://evil.example/',
      'http://learn.microsoft.com/',
      'https://learn.microsoft.com.evil.example/',
    ]) {
      webContents.windowOpenHandler!({ url });
      await settled();
    }
    expect(mocks.showMessageBox).toHaveBeenCalledTimes(3);
    expect(mocks.openExternal).not.toHaveBeenCalled();
    mocks.showMessageBox.mockImplementation(() => Promise.resolve({ response: 0 }));
    webContents.fire('will-navigate', 'https://evil.example/page');
    await settled();
    expect(mocks.openExternal).toHaveBeenCalledWith('https://evil.example/page');
  });

  it('opens a link once though the window is guarded twice (by itself and by web-contents-created)', async () => {
    const { webContents } = openWindow();
    hardenWebContents(webContents as never, APP_ORIGIN);
    expect(webContents.fire('will-navigate', 'https://learn.microsoft.com/x')).toBe(true);
    await settled();
    expect(mocks.openExternal).toHaveBeenCalledTimes(1);
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

describe('links that leave the app', () => {
  it('opens known Microsoft https hosts, asks for other web links, refuses other schemes', () => {
    expect(linkVerdict('https://learn.microsoft.com/en-us/partner-center/')).toBe('open');
    expect(linkVerdict('https://user:pw@learn.microsoft.com/')).toBe('ask');
    expect(linkVerdict('http://127.0.0.1:5000/authorize')).toBe('ask');
    expect(linkVerdict('http://127.0.0.1:5000/authorize', { allowLoopback: true })).toBe('open');
    expect(linkVerdict('https://example.com')).toBe('ask');
    expect(linkVerdict('vbscript:x')).toBe('refuse');
    expect(linkVerdict('not a url')).toBe('refuse');
  });
});

describe('app:// handler', () => {
  it('answers 400 to a malformed percent-encoding, 404 outside the app, and serves files inside', async () => {
    serveAppScheme('/r');
    const handler = mocks.handle.mock.calls.at(-1)![1] as (request: {
      url: string;
    }) => Promise<Response> | Response;
    expect((await handler({ url: 'app://reservation-desk/%E0%A4%A' })).status).toBe(400);
    expect((await handler({ url: 'app://reservation-desk/%' })).status).toBe(400);
    expect((await handler({ url: 'app://reservation-desk/..%2f..%2fetc/passwd' })).status).toBe(404);
    expect(await (await handler({ url: 'app://reservation-desk/index.html' })).text()).toBe('file');
    expect(mocks.netFetch).toHaveBeenLastCalledWith('file:///r/index.html');
  });
});
