/**
 * Guards every web contents the app creates: no new windows, no navigation away from the app,
 * no webviews, no permissions. https links open in the system browser instead.
 */
import { shell, type WebContents } from 'electron';
import { isSameOrigin } from '../ipc/origin';

/** True for an address inside the app itself (same origin as its pages). */
export function isAppUrl(url: string, appOrigin: string): boolean {
  return isSameOrigin(url, appOrigin);
}

/** Only https links leave the app, and only to the system browser. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export function hardenWebContents(contents: WebContents, appOrigin: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  const blockNavigation = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url, appOrigin)) return;
    event.preventDefault();
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
  };
  contents.on('will-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}
