/**
 * The sandbox's HTTP core on plain `node:http`: routing, token checks, rate limiting, idempotent
 * replay of writes by `MS-RequestId`, fault and latency injection, and Partner Center's response
 * headers. Resource areas only supply route tables.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { isFaultKind, type FaultInjector, type FaultKind } from './faults';
import type { IdentityProvider } from './identity';
import type { RateLimiter } from './rate-limit';
import { Router, type Caller, type HttpMethod, type Reply, type Route, type RouteContext } from './router';
import type { StateStore, StoredReply } from './state';
import { ApiError, errorReply } from './wire';

/** What the core needs besides the routes. */
export interface HttpCoreOptions {
  readonly routes: ReadonlyArray<Route>;
  readonly identity: IdentityProvider;
  readonly store: StateStore;
  readonly faults: FaultInjector;
  readonly rateLimiter: RateLimiter;
  readonly latencyMs: number;
  /** How long a `timeout` fault holds the answer back (longer than any client waits). */
  readonly faultTimeoutMs: number;
  /** Picks the fault of one API request before the seeded draw does (tests aim at one call). */
  readonly chooseFault?: (request: { readonly method: string; readonly path: string }) => FaultKind | null;
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;
const SERVER_ID = 'sandbox-001';
const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);

/** The running HTTP server plus what `close()` must clean up. */
export interface HttpCore {
  readonly server: Server;
  close(): Promise<void>;
}

/** Builds the server (not yet listening). */
export function createHttpCore(options: HttpCoreOptions): HttpCore {
  const router = new Router(options.routes);
  const timers = new Set<NodeJS.Timeout>();
  // Writes in progress by idempotency key, so a retry racing the original waits for its answer.
  const inFlight = new Map<string, Promise<Outgoing>>();
  let closing = false;

  const delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        send(res, req, { status: 500, json: internalError(error) });
      }
    });
  });
  server.keepAliveTimeout = 65_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const pathname = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
    const method = (req.method ?? 'GET').toUpperCase();
    const match = METHODS.has(method) ? router.match(method, pathname) : ({ kind: 'not-found' } as const);
    const isApi =
      pathname.length >= 3 &&
      pathname.slice(0, 3).toLowerCase() === '/v1' &&
      (pathname.length === 3 || pathname[3] === '/');

    if (match.kind !== 'found') {
      await drain(req);
      if (match.kind === 'method-not-allowed') {
        const reply = errorReply(
          new ApiError(405, 0, `The requested resource does not support http method '${method}'.`),
        );
        send(res, req, { ...reply, headers: { Allow: match.allowed.join(', ') } });
      } else {
        send(res, req, errorReply(new ApiError(404, 0, 'The requested resource was not found.')));
      }
      return;
    }
    const route = match.route;
    const query = new Map<string, string>();
    if (queryAt >= 0) {
      for (const [key, value] of new URLSearchParams(rawUrl.slice(queryAt + 1))) {
        const lower = key.toLowerCase();
        if (!query.has(lower)) query.set(lower, value);
      }
    }

    let rawBody = '';
    if (method !== 'GET') {
      const read = await readBody(req);
      if (read === null) {
        send(res, req, errorReply(new ApiError(413, 800002, 'The request body is too large.')));
        return;
      }
      rawBody = read;
    }

    let caller: Caller | undefined;
    if (route.auth !== 'none') {
      const pending = options.identity.check(req.headers.authorization);
      const checked = pending instanceof Promise ? await pending : pending;
      if (!checked.ok) {
        const description =
          checked.reason === 'missing'
            ? 'Partner token missing in request context.'
            : checked.reason === 'expired'
              ? 'Access denied: the access token has expired.'
              : checked.reason === 'audience'
                ? `Access denied: the token audience is not ${'https://api.partnercenter.microsoft.com'}.`
                : 'Access denied: the access token is not valid.';
        const code = checked.reason === 'missing' ? 800001 : 400;
        send(res, req, {
          ...errorReply(new ApiError(401, code, description)),
          headers: { 'WWW-Authenticate': `Bearer realm="Partner Center sandbox", error="invalid_token"` },
        });
        return;
      }
      caller = checked.caller;
      if (route.auth === 'user' && caller.appOnly) {
        send(
          res,
          req,
          errorReply(
            new ApiError(403, 400, 'Access denied: this operation supports App+User credentials only.'),
          ),
        );
        return;
      }
    }

    // `X-Sandbox-Fault: KIND` forces one fault on one request, so client tests can aim precisely.
    const forced = headerValue(req, 'x-sandbox-fault')?.toLowerCase();
    const chosen =
      isApi && route.faults !== false ? (options.chooseFault?.({ method, path: pathname }) ?? null) : null;
    const drawn = isApi && route.faults !== false ? (chosen ?? options.faults.next()) : null;
    const fault: FaultKind | null = isApi && forced && isFaultKind(forced) ? forced : drawn;
    // Latency applies to every simulated service (Partner Center, Graph, storage), never to identity.
    const delayed = isApi || /^\/(graph|blob)\//i.test(pathname);
    if (delayed && options.latencyMs > 0) await delay(options.latencyMs);
    if (closing) return;

    if (fault === '429') {
      send(res, req, gatewayThrottle(1));
      return;
    }
    if (fault === '500') {
      send(res, req, errorReply(new ApiError(500, 800003, 'Unexpected service error. Please try again.')));
      return;
    }
    if (fault === '503') {
      send(
        res,
        req,
        errorReply(new ApiError(503, 900192, 'Something went wrong. Please retry after some time.')),
      );
      return;
    }
    if (route.throttled && caller) {
      const decision = options.rateLimiter.take(caller.tenantId);
      if (!decision.allowed) {
        send(res, req, gatewayThrottle(decision.retryAfterSeconds));
        return;
      }
    }

    const ctx = makeContext(req, method as HttpMethod, match.params, query, rawBody, rawUrl, caller);
    const requestId = headerValue(req, 'ms-requestid');
    let stored: Outgoing;
    if (route.write && requestId) {
      const key = `${caller?.tenantId ?? ''}|${method}|${pathname.toLowerCase()}|${requestId.toLowerCase()}`;
      const recorded = options.store.data.idempotency[key];
      if (recorded) {
        stored = fromStored(recorded);
      } else {
        let pending = inFlight.get(key);
        if (!pending) {
          pending = runWrite(route, ctx, key);
          inFlight.set(key, pending);
          void pending.finally(() => inFlight.delete(key));
        }
        stored = await pending;
      }
    } else {
      stored = await run(route, ctx);
      // A write without MS-RequestId has nothing to replay, but what it changed must still be kept.
      if (route.write) options.store.save();
    }
    if (closing) return;

    if (fault === 'drop-after-commit') {
      // The write is committed (and on disk); the client never hears about it.
      req.socket.destroy();
      return;
    }
    if (fault === 'timeout') {
      await delay(options.faultTimeoutMs);
      if (closing || res.destroyed) return;
    }
    if (fault === 'stall' && !stored.stream) {
      // Headers and half the body go out, then nothing: the connection stays open, as a dead peer's
      // does, until the fault's time is up.
      const headers: Record<string, string | number> = { ...responseHeaders(req), ...stored.headers };
      if (stored.contentType) headers['Content-Type'] = stored.contentType;
      headers['Content-Length'] = stored.body.length;
      res.writeHead(stored.status, headers);
      res.write(stored.body.subarray(0, Math.floor(stored.body.length / 2)));
      await delay(options.faultTimeoutMs);
      res.destroy();
      return;
    }
    if (fault === 'malformed' && !stored.stream) {
      const cut = Math.max(1, Math.floor(stored.body.length / 2));
      sendOutgoing(res, req, {
        ...stored,
        status: 200,
        body: Buffer.concat([stored.body.subarray(0, cut), Buffer.from('\u0000{')]),
      });
      return;
    }
    sendOutgoing(res, req, stored);
  }

  async function runWrite(route: Route, ctx: RouteContext, key: string): Promise<Outgoing> {
    const outgoing = await run(route, ctx);
    // Only successful writes are replayed: a failed one committed nothing and may be retried.
    if (outgoing.status >= 200 && outgoing.status < 300) {
      options.store.data.idempotency[key] = toStored(outgoing);
    }
    options.store.save();
    return outgoing;
  }

  async function run(route: Route, ctx: RouteContext): Promise<Outgoing> {
    let reply: Reply;
    try {
      reply = await route.handler(ctx);
    } catch (error) {
      reply = error instanceof ApiError ? errorReply(error) : { status: 500, json: internalError(error) };
    }
    return toOutgoing(reply);
  }

  return {
    server,
    async close(): Promise<void> {
      closing = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function gatewayThrottle(seconds: number): Reply {
  return {
    status: 429,
    json: { statusCode: 429, message: `Rate limit is exceeded. Try again in ${seconds} seconds.` },
    headers: { 'Retry-After': String(seconds) },
  };
}

function internalError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : String(error);
  return { code: 800003, description: `Unexpected service error: ${message}`, data: [], source: 'PartnerFD' };
}

/** A reply ready for the socket. */
interface Outgoing {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly contentType: string;
  readonly body: Buffer;
  /** Piped instead of `body` when present (PDF statements). */
  readonly stream?: Readable;
}

function toOutgoing(reply: Reply): Outgoing {
  const { 'Content-Type': type, ...headers } = reply.headers ?? {};
  if (reply.json !== undefined) {
    return {
      status: reply.status,
      headers,
      contentType: type ?? 'application/json; charset=utf-8',
      body: Buffer.from(JSON.stringify(reply.json)),
    };
  }
  if (reply.stream !== undefined) {
    return {
      status: reply.status,
      headers,
      contentType: type ?? 'application/octet-stream',
      body: Buffer.alloc(0),
      stream: reply.stream,
    };
  }
  if (reply.body !== undefined) {
    return {
      status: reply.status,
      headers,
      contentType: type ?? 'text/plain; charset=utf-8',
      body: typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body,
    };
  }
  return { status: reply.status, headers, contentType: type ?? '', body: Buffer.alloc(0) };
}

/** Recorded writes are JSON (or empty), stored as base64 so any byte survives the state file. */
function toStored(outgoing: Outgoing): StoredReply {
  return {
    status: outgoing.status,
    headers: { ...outgoing.headers },
    contentType: outgoing.contentType,
    body: outgoing.body.toString('base64'),
  };
}

function fromStored(stored: StoredReply): Outgoing {
  return { ...stored, body: Buffer.from(stored.body, 'base64') };
}

function makeContext(
  req: IncomingMessage,
  method: HttpMethod,
  params: Record<string, string>,
  query: Map<string, string>,
  rawBody: string,
  url: string,
  caller: Caller | undefined,
): RouteContext {
  let parsed: unknown;
  let parsedDone = false;
  const ctx: RouteContext = {
    req,
    method,
    params,
    query,
    rawBody,
    url,
    header: (name) => headerValue(req, name),
    get body(): unknown {
      if (!parsedDone) {
        parsedDone = true;
        const type = (req.headers['content-type'] ?? '').toLowerCase();
        if (rawBody.trim() === '' || type.includes('x-www-form-urlencoded')) {
          parsed = undefined;
        } else {
          try {
            parsed = JSON.parse(rawBody.replace(/^\uFEFF/, '')) as unknown;
          } catch {
            throw new ApiError(400, 800002, 'The request body is not valid JSON.');
          }
        }
      }
      return parsed;
    },
    ...(caller ? { caller } : {}),
  };
  return ctx;
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function drain(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (req.readableEnded) return resolve();
    req.on('end', resolve);
    req.on('error', () => resolve());
    req.resume();
  });
}

function responseHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'MS-RequestId': headerValue(req, 'ms-requestid') ?? randomUUID(),
    'MS-CorrelationId': headerValue(req, 'ms-correlationid') ?? randomUUID(),
    'MS-CV': headerValue(req, 'ms-cv') ?? `${randomUUID().slice(0, 8)}.0`,
    'MS-ServerId': SERVER_ID,
    'X-Locale': headerValue(req, 'x-locale') ?? 'en-US',
  };
}

function send(res: ServerResponse, req: IncomingMessage, reply: Reply): void {
  sendOutgoing(res, req, toOutgoing(reply));
}

function sendOutgoing(res: ServerResponse, req: IncomingMessage, outgoing: Outgoing): void {
  if (res.destroyed) return;
  const headers: Record<string, string | number> = { ...responseHeaders(req), ...outgoing.headers };
  if (outgoing.contentType) headers['Content-Type'] = outgoing.contentType;
  if (outgoing.stream) {
    // Chunked: the PDF is written as pdfkit produces it.
    res.writeHead(outgoing.status, headers);
    outgoing.stream.on('error', () => res.destroy());
    outgoing.stream.pipe(res);
    return;
  }
  headers['Content-Length'] = outgoing.body.length;
  res.writeHead(outgoing.status, headers);
  res.end(req.method === 'HEAD' ? undefined : outgoing.body);
}
