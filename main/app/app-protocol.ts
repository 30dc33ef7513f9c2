/**
 * Serves the built renderer from `app://reservation-desk/` instead of file://, so that the app has
 * a real origin to check IPC senders and navigation against, and pages cannot read other files.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'reservation-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** What resolveAppFile says of a path that is not valid percent-encoding (`/%E0%A4%A`). */
export const MALFORMED = Symbol('malformed');

/**
 * The file under `rootDir` that an app:// URL names; undefined if it points outside it or elsewhere,
 * MALFORMED if its path is not valid percent-encoding.
 */
export function resolveAppFile(url: string, rootDir: string): string | typeof MALFORMED | undefined {
  const { host, pathname } = new URL(url);
  if (host !== APP_HOST) return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return MALFORMED;
  }
  const file = path.resolve(rootDir, `.${relative}`);
  return file.startsWith(path.resolve(rootDir) + path.sep) ? file : undefined;
}

/** Must run once the app is ready. */
export function serveAppScheme(rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveAppFile(request.url, rootDir);
    if (file === MALFORMED) return new Response('Bad request', { status: 400 });
    if (!file) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}
