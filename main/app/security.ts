/**
 * Guards every web contents the app creates: no new windows, no navigation away from the app,
 * no webviews, no permissions. Links go to the system browser under the policy of external-links.ts.
 * Guards are registered once per web contents, however often this is called for it.
 */
import type { WebContents } from 'electron';
import { isSameOrigin } from '../ipc/origin';
import { openExternalLink } from './external-links';

/** True for an address inside the app itself (same origin as its pages). */
export function isAppUrl(url: string, appOrigin: string): boolean {
  return isSameOrigin(url, appOrigin);
}

const guarded = new WeakSet<WebContents>();

export function hardenWebContents(contents: WebContents, appOrigin: string): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  const openOutside = (url: string) => void openExternalLink(url).catch(() => undefined);
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  const blockNavigation = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url, appOrigin)) return;
    event.preventDefault();
    openOutside(url);
  };
  contents.on('will-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}
