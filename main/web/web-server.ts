/**
 * The web build's server: the built renderer (with the web preload) and the WebSocket bridge, on
 * 127.0.0.1 only, at a random port unless told otherwise, guarded by a per-run token.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import type { Dispatcher } from '../ipc/dispatcher';
import type { EventHub } from '../ipc/event-hub';
import { attachWsTransport, type WsLimits } from '../ipc/ws-transport';

export interface WebServerOptions {
  readonly dispatcher: Dispatcher;
  readonly events: EventHub;
  /** Folder holding index.html and the bundles (out/web after `npm run build`). */
  readonly staticDir: string;
  readonly port?: number;
  /** Fixed token for tests; a fresh random one otherwise. */
  readonly token?: string;
  /** Heartbeat and in-flight limits of the WebSocket bridge; tests shorten them. */
  readonly bridge?: Partial<WsLimits>;
}

export interface WebServer {
  readonly origin: string;
  /** The address to open, token included (in the fragment, so it never reaches a request line). */
  readonly url: string;
  readonly token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/** Same policy as the renderer's meta tag, plus what only a header can say. */
export function contentSecurityPolicy(origin: string): string {
  const wsOrigin = origin.replace(/^http/, 'ws');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${wsOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * What to do with a Range header. The static server handles one `bytes=start-[end]` range; a range
 * ending before it starts cannot be met (416), and any other form (several ranges, a suffix, another
 * unit, garbage) is ignored, which HTTP allows: the whole file is sent.
 */
export function rangeVerdict(header: string | undefined): 'none' | 'serve' | 'unsatisfiable' | 'ignore' {
  if (header === undefined) return 'none';
  const match = /^bytes=(\d+)-(\d*)$/.exec(header.trim());
  if (!match) return 'ignore';
  const [, start, end] = match as unknown as [string, string, string];
  if (end !== '' && BigInt(end) < BigInt(start)) return 'unsatisfiable';
  return 'serve';
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  let origin = '';
  const assets = sirv(options.staticDir, { etag: true, single: true, dev: false });

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    // Refuse other Host names so a DNS-rebinding page cannot reach us through its own name.
    if (request.headers.host !== new URL(origin).host) {
      response.writeHead(421).end('Misdirected request');
      return;
    }
    response.setHeader('Content-Security-Policy', contentSecurityPolicy(origin));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cache-Control', 'no-store');
    const range = rangeVerdict(request.headers.range);
    if (range === 'unsatisfiable') {
      response.writeHead(416).end();
      return;
    }
    if (range === 'ignore') delete request.headers.range;
    // A file that vanishes under a read must cost this response, not the process.
    response.on('pipe', (source) => source.on('error', () => response.destroy()));
    try {
      assets(request, response, () => {
        response.writeHead(404).end('Not found');
      });
    } catch {
      if (!response.headersSent) response.writeHead(400).end('Bad request');
      else response.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${HOST}:${port}`;

  const transport = attachWsTransport({
    server,
    dispatcher: options.dispatcher,
    events: options.events,
    token,
    allowedOrigins: () => [origin],
    limits: options.bridge,
  });

  return {
    origin,
    url: `${origin}/#token=${token}`,
    token,
    async close() {
      await transport.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
