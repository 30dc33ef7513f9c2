/**
 * Shared wire helpers: Partner Center's error body, links, collections, seek/offset paging and
 * case-insensitive access to request bodies and queries (contract §1.3–§1.6).
 */
import type { Link, LinkMethod } from '../data/model';
import type { Reply, RouteContext } from './router';

/** A `Link` as Partner Center writes it: a `/v1`-relative uri, a method and extra headers. */
export type WireLink = Link;

/** A GET link with no extra headers. */
export function link(uri: string, method: LinkMethod = 'GET'): WireLink {
  return { uri, method, headers: [] };
}

/** A failure that becomes Partner Center's `{code, description, data, source}` body (§1.6). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly description: string,
    readonly data: ReadonlyArray<string> = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(description);
  }
}

/** The reply for an ApiError. */
export function errorReply(error: ApiError): Reply {
  return {
    status: error.status,
    json: { code: error.code, description: error.description, data: error.data, source: 'PartnerFD' },
    headers: error.headers,
  };
}

/** 400/3000 or 800002 for a request the service would reject as malformed. */
export function badRequest(description: string, code = 800002): ApiError {
  return new ApiError(400, code, description);
}

/** 200 with a JSON body. */
export function ok(json: unknown, status = 200): Reply {
  return { status, json };
}

/** A non-paged collection (§1.3). */
export function collection(items: ReadonlyArray<unknown>, selfUri: string): Record<string, unknown> {
  return {
    totalCount: items.length,
    items,
    links: { self: link(selfUri) },
    attributes: { objectType: 'Collection' },
  };
}

/** Parses a non-negative integer query parameter, with a default and a cap. */
export function intParam(
  ctx: RouteContext,
  name: string,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const raw = ctx.query.get(name.toLowerCase());
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw badRequest(`The value '${raw}' is not valid for ${name}.`, 3000);
  return Math.min(value, max);
}

/** Anything pageable: arrays, or lazily generated lists with the same two members. */
export interface Sliceable {
  readonly length: number;
  slice(start: number, end: number): unknown[];
}

/** Offset paging (§1.5): a page of `items` with `links.next` while more remain. */
export function offsetPage(
  all: Sliceable,
  offset: number,
  size: number,
  uriFor: (offset: number) => string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const items = all.slice(offset, offset + size);
  const links: Record<string, WireLink> = { self: link(uriFor(offset)) };
  if (offset + size < all.length) links.next = link(uriFor(offset + size));
  if (offset > 0) links.previous = link(uriFor(Math.max(0, offset - size)));
  return { totalCount: items.length, items, links, attributes: { objectType: 'Collection' }, ...extra };
}

/** Where a seek page starts and ends, and the envelope around its items. */
export interface SeekShape {
  readonly start: number;
  readonly end: number;
  readonly continuationToken: string | undefined;
  readonly links: Record<string, WireLink>;
}

/**
 * Seek paging (§1.5): the continuation token encodes where the next page starts, so any server
 * instance (or a restarted one) can continue it. Returns the page with `continuationToken` and a
 * `links.next` carrying the `MS-ContinuationToken` header, absent on the last page.
 */
export function seekPage(
  all: Sliceable,
  ctx: Pick<RouteContext, 'query' | 'header'>,
  size: number,
  selfUri: string,
  scope: string,
): Record<string, unknown> {
  const shape = seekShape(all.length, ctx, size, selfUri, scope);
  return seekEnvelope(shape, all.slice(shape.start, shape.end));
}

/** A seek page without its items: which request it answers, cheap enough to compute ahead. */
export function seekShape(
  length: number,
  ctx: Pick<RouteContext, 'query' | 'header'>,
  size: number,
  selfUri: string,
  scope: string,
): SeekShape {
  let start = 0;
  const seek = ctx.query.get('seekoperation');
  if (seek !== undefined && seek.toLowerCase() === 'next') {
    const token = ctx.header('ms-continuationtoken');
    if (!token) throw badRequest('MS-ContinuationToken header is required when seekOperation=Next.');
    start = decodeContinuation(token, scope);
  } else if (seek !== undefined && seek !== '') {
    throw badRequest(`seekOperation '${seek}' is not supported.`, 3000);
  }
  const end = Math.min(length, start + size);
  const next = start + size;
  const links: Record<string, WireLink> = { self: link(selfUri) };
  let continuationToken: string | undefined;
  if (next < length) {
    continuationToken = encodeContinuation(next, scope);
    const separator = selfUri.includes('?') ? '&' : '?';
    links.next = {
      uri: `${selfUri}${separator}seekOperation=Next`,
      method: 'GET',
      headers: [{ key: 'MS-ContinuationToken', value: continuationToken }],
    };
  }
  return { start: Math.min(start, end), end, continuationToken, links };
}

/** The page of a shape with its items (`continuationToken` first, as Partner Center writes it). */
export function seekEnvelope(shape: SeekShape, items: ReadonlyArray<unknown>): Record<string, unknown> {
  return {
    ...(shape.continuationToken === undefined ? {} : { continuationToken: shape.continuationToken }),
    totalCount: items.length,
    items,
    links: shape.links,
    attributes: { objectType: 'Collection' },
  };
}

/** Continuation tokens are opaque to clients; ours carry the scope they belong to and the next index. */
export function encodeContinuation(next: number, scope: string): string {
  return Buffer.from(JSON.stringify({ s: scope, n: next })).toString('base64url');
}

function decodeContinuation(token: string, scope: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (isRecord(parsed) && parsed.s === scope && typeof parsed.n === 'number' && parsed.n >= 0)
      return parsed.n;
  } catch {
    // fall through to the error below
  }
  throw badRequest('The continuation token is not valid for this request.');
}

/** Narrows to a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a property case-insensitively (§1.3: request bodies come PascalCase or camelCase). */
export function prop(record: Record<string, unknown>, name: string): unknown {
  if (name in record) return record[name];
  const wanted = name.toLowerCase();
  for (const key of Object.keys(record)) if (key.toLowerCase() === wanted) return record[key];
  return undefined;
}

/** A string property, case-insensitive; undefined when absent or not a string. */
export function stringProp(record: Record<string, unknown>, name: string): string | undefined {
  const value = prop(record, name);
  return typeof value === 'string' ? value : undefined;
}

/** Copies a string map with camelCase keys (`SubscriptionId` → `subscriptionId`) for echoing back. */
export function camelKeys(record: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || value === null) continue;
    out[key.charAt(0).toLowerCase() + key.slice(1)] =
      typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}

/** ISO-8601 with 7 fractional digits and `Z`, the way Partner Center writes timestamps. */
export function wireDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 23)}0000Z`;
}

/** Query helper: the value of a parameter, case-insensitive name. */
export function queryParam(ctx: RouteContext, name: string): string | undefined {
  const value = ctx.query.get(name.toLowerCase());
  return value === undefined || value === '' ? undefined : value;
}

/** Query helper: the value of a required parameter, or 400. */
export function requiredQuery(ctx: RouteContext, name: string): string {
  const value = queryParam(ctx, name);
  if (value === undefined) throw badRequest(`The ${name} query parameter is required.`, 3000);
  return value;
}
