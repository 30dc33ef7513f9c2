/**
 * A small declarative router: each resource area exports a table of routes, matched by method and by
 * path segments compared case-insensitively (Partner Center's docs and SDKs disagree on casing, e.g.
 * `checkInventory` vs `checkinventory`, and both work against the live service).
 */
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';

/** Who may call a route: nobody special, any valid Partner Center token, or App+User tokens only (§2.1). */
export type RouteAuth = 'none' | 'any' | 'user';

/** HTTP methods the sandbox serves. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** The verified caller of an API route. */
export interface Caller {
  readonly tenantId: string;
  readonly appOnly: boolean;
  readonly userId?: string;
}

/** Everything a handler gets about its request. */
export interface RouteContext {
  readonly req: IncomingMessage;
  readonly method: HttpMethod;
  /** Path parameters, original casing. */
  readonly params: Readonly<Record<string, string>>;
  /** Query parameters keyed by lower-cased name (§1.1: names are case-insensitive). */
  readonly query: ReadonlyMap<string, string>;
  /** The request body parsed as JSON (undefined when empty). */
  readonly body: unknown;
  /** The raw request body (form-encoded identity requests). */
  readonly rawBody: string;
  /** The path and query as received, e.g. `/v1/products?country=US`. */
  readonly url: string;
  readonly caller?: Caller;
  /** Case-insensitive request header. */
  header(name: string): string | undefined;
}

/** What a handler answers. `json` is serialized; `body` is sent as is; `stream` is piped (reads only). */
export interface Reply {
  readonly status: number;
  readonly json?: unknown;
  readonly body?: string | Buffer;
  readonly stream?: Readable;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One entry of a route table. */
export interface Route {
  readonly method: HttpMethod;
  /** Pattern such as `/v1/customers/:customerId/carts`; literal segments compare case-insensitively. */
  readonly path: string;
  readonly auth: RouteAuth;
  /** Counted against the per-tenant rate limit (§3's list of throttled APIs). */
  readonly throttled?: boolean;
  /** A state-changing call: replayed by `MS-RequestId`, and subject to `drop-after-commit`. */
  readonly write?: boolean;
  /** Which fault kinds may hit this route (API routes only; identity is never faulted). */
  readonly faults?: boolean;
  readonly handler: (ctx: RouteContext) => Reply | Promise<Reply>;
}

interface CompiledRoute {
  readonly route: Route;
  /** Lower-cased literal, or null for a parameter. */
  readonly segments: ReadonlyArray<{ readonly literal: string | null; readonly name: string }>;
}

/** The result of a match: the route and its parameters, or which methods the path allows. */
export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly params: Record<string, string> }
  | { readonly kind: 'method-not-allowed'; readonly allowed: ReadonlyArray<string> }
  | { readonly kind: 'not-found' };

/** Matches request paths against a route table, fast enough that the catalog benchmark measures data, not routing. */
export class Router {
  // Bucketed by segment count so a lookup compares only plausible candidates.
  private readonly bySegmentCount = new Map<number, CompiledRoute[]>();

  constructor(routes: ReadonlyArray<Route>) {
    for (const route of routes) {
      const parts = splitPath(route.path);
      const segments = parts.map((part) =>
        part.startsWith(':')
          ? { literal: null, name: part.slice(1) }
          : { literal: part.toLowerCase(), name: '' },
      );
      const bucket = this.bySegmentCount.get(segments.length) ?? [];
      bucket.push({ route, segments });
      this.bySegmentCount.set(segments.length, bucket);
    }
  }

  /** Finds the route for a method and a path (without query). */
  match(method: string, pathname: string): RouteMatch {
    const parts = splitPath(pathname);
    const bucket = this.bySegmentCount.get(parts.length);
    if (!bucket) return { kind: 'not-found' };
    const allowed: string[] = [];
    for (const candidate of bucket) {
      const params = matchSegments(candidate.segments, parts);
      if (!params) continue;
      if (candidate.route.method === method) return { kind: 'found', route: candidate.route, params };
      if (!allowed.includes(candidate.route.method)) allowed.push(candidate.route.method);
    }
    return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }
}

function matchSegments(
  segments: CompiledRoute['segments'],
  parts: ReadonlyArray<string>,
): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const part = parts[i]!;
    if (segment.literal === null) {
      if (part === '') return null;
      params[segment.name] = part;
    } else if (segment.literal !== part.toLowerCase()) {
      return null;
    }
  }
  return params;
}

/** Splits `/a/b/` into `['a', 'b']`, decoding each segment; a trailing slash is ignored. */
export function splitPath(pathname: string): string[] {
  const trimmed = pathname.replace(/^\/+/, '').replace(/\/+$/, '');
  if (trimmed === '') return [];
  return trimmed.split('/').map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
}
