/**
 * The request pipeline every Partner Center call goes through: URL resolution, headers, the tenant's
 * request budget, per-attempt timeouts, cancellation, retries with backoff, and turning every failure
 * into a `PartnerCenterError`.
 *
 * Idempotency: a logical call gets one `MS-RequestId` and keeps it on every retry, because Partner
 * Center de-duplicates writes by that id (contract §1.2). That is what makes it safe to retry a
 * checkout whose response was lost, and why a caller may pass the id of a journaled checkout.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { z } from 'zod';
import type { RequestBudget, RequestPriority } from './budget';
import { raceAbort, systemClock, type Clock } from './clock';
import { cleanDescription, PartnerCenterError, redactSecrets, type PartnerCenterErrorKind } from './errors';
import { parseJsonText, readJsonBody } from './json-body';
import type { LinkHeader } from './models/common';

/** When and how often failed attempts are tried again. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** First backoff step; doubles on each retry. */
  readonly baseDelayMs: number;
  /** Largest backoff step (before jitter). */
  readonly maxDelayMs: number;
  /** A 429 asking us to wait longer than this fails at once instead, telling the user when to retry. */
  readonly maxRetryAfterMs: number;
}

/** Defaults close to the official .NET SDK (3 retries from 0.5 s), with a cap. */
export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 120_000,
};

/** How the pipeline is set up; one per client. */
export interface HttpPipelineOptions {
  /** e.g. `https://api.partnercenter.microsoft.com`; `/v1` is added to every path. */
  readonly baseUrl: string;
  /** Returns a current access token; sign-in and refresh are the caller's job. */
  readonly getAccessToken: () => Promise<string>;
  /** `X-Locale`, e.g. `en-US`. */
  readonly locale: string;
  /** Sent as `MS-PartnerCenter-Application`. */
  readonly appName: string;
  /** The partner tenant's shared budget (see `budgetForTenant`). */
  readonly budget: RequestBudget;
  readonly fetch?: typeof fetch;
  readonly clock?: Clock;
  /** Source of jitter, in [0, 1); tests make it deterministic. */
  readonly random?: () => number;
  readonly retry?: Partial<RetryPolicy>;
  /** Timeout of each attempt (default 30 s). */
  readonly timeoutMs?: number;
  /**
   * How long a read (GET) may go without a sign of life, before its headers or between two chunks of
   * its body, before the attempt is dropped and retried (default 8 s). Far shorter than `timeoutMs`:
   * a connection that went dead under us (a keep-alive socket whose peer is gone, a network that
   * changed) never answers, and the whole-attempt timeout alone kept a sync waiting 30 s for it.
   */
  readonly stallTimeoutMs?: number;
}

/** Options every operation accepts. */
export interface CallOptions {
  /** Cancels the call: stops waiting, the request in flight and any retry at once. */
  readonly signal?: AbortSignal;
  /** Timeout of each attempt, overriding the client's. */
  readonly timeoutMs?: number;
  /** Stall timeout of reads, overriding the client's (see `HttpPipelineOptions.stallTimeoutMs`). */
  readonly stallTimeoutMs?: number;
  /** One id for a whole user operation (all pages of a list, all calls of a purchase). */
  readonly correlationId?: string;
  /** Defaults: `write` for writes, `interactive` for reads; background sync passes `background`. */
  readonly priority?: RequestPriority;
  /** Override of the client's retry policy for this call (e.g. `{ maxRetries: 0 }`). */
  readonly retry?: Partial<RetryPolicy>;
}

/** Options of writes, which may reuse a journaled request id (e.g. a checkout after a restart). */
export interface WriteOptions extends CallOptions {
  /** `MS-RequestId` to use; Partner Center treats a repeat with the same id as the same request. */
  readonly requestId?: string;
}

/** A request as an operation describes it. */
export interface RequestSpec {
  /** Operation name, e.g. `checkoutCart`, for errors and logs. */
  readonly operation: string;
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Path relative to `/v1` (a link's `uri` works as is), optionally with a query string. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** JSON body; `undefined` sends none (and `Content-Length: 0`). */
  readonly body?: unknown;
  /** Extra headers, e.g. those of a `links.next`. */
  readonly headers?: ReadonlyArray<LinkHeader>;
  readonly accept?: string;
  /** Whether the call changes state; defaults to `method !== 'GET'`. */
  readonly write?: boolean;
  /**
   * A service on another origin with its own token audience (the partner price sheet, §16): the
   * absolute `path` may point at `origin`, and the request carries this token instead of the client's.
   */
  readonly credential?: OriginCredential;
}

/** Another origin and the token it takes; the client's own token never goes there. */
export interface OriginCredential {
  /** e.g. `https://api.partner.microsoft.com`. */
  readonly origin: string;
  /** Returns a current token for that origin's audience; asked on every attempt. */
  readonly getAccessToken: () => Promise<string>;
}

/** What is known about a response beyond its body. */
export interface ResponseInfo {
  readonly status: number;
  readonly headers: Headers;
  readonly requestId: string;
  readonly correlationId: string;
  readonly attempts: number;
}

/** A JSON response validated by a schema. */
export interface JsonResponse<T> {
  readonly data: T;
  readonly info: ResponseInfo;
}

/** A whole response body, not yet interpreted. */
export interface BytesResponse {
  readonly body: Uint8Array;
  readonly info: ResponseInfo;
}

/** A binary response streamed as it arrives. */
export interface StreamResponse {
  readonly body: Readable;
  readonly contentType: string | undefined;
  readonly contentLength: number | undefined;
  readonly fileName: string | undefined;
  readonly info: ResponseInfo;
}

interface CallIds {
  readonly operation: string;
  readonly requestId: string;
  readonly correlationId: string;
}

type ReadBody<R> = (response: Response, info: ResponseInfo) => Promise<R>;

const nonRetryableStatuses = new Set([400, 401, 403, 404, 409, 417]);
const offlineCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH']);

/** The request pipeline shared by all operations of one client. */
export class HttpPipeline {
  private readonly base: URL;
  private readonly basePath: string;
  private readonly fetchImpl: typeof fetch;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly stallTimeoutMs: number;

  constructor(private readonly options: HttpPipelineOptions) {
    this.base = new URL(options.baseUrl);
    this.basePath = this.base.pathname.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? fetch;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.retry = { ...defaultRetryPolicy, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.stallTimeoutMs = options.stallTimeoutMs ?? 8_000;
  }

  /**
   * Sends a request and validates its JSON body with `schema`. The body is parsed after the budget
   * slot is released: parsing a large page is CPU work that should not keep a request slot idle.
   */
  async json<S extends z.ZodType>(
    spec: RequestSpec,
    schema: S,
    options: WriteOptions = {},
  ): Promise<JsonResponse<z.output<S>>> {
    const { body, info } = await this.bytes(spec, options);
    const reading = readJsonBody(body, schema);
    if (!reading.ok) throw malformedResponseError(spec.operation, info, reading.reason);
    return { data: reading.value, info };
  }

  /**
   * Sends a request and returns its whole body as bytes, for a caller that reads it elsewhere (on a
   * worker thread, say). The bytes own their buffer, so they can be transferred to another thread.
   */
  async bytes(spec: RequestSpec, options: WriteOptions = {}): Promise<BytesResponse> {
    return this.send(spec, options, async (response, info) => ({
      body: new Uint8Array(await response.arrayBuffer()),
      info,
    }));
  }

  /** Sends a request whose success has no body worth reading (e.g. 202 Accepted). */
  async empty(spec: RequestSpec, options: WriteOptions = {}): Promise<ResponseInfo> {
    return this.send(spec, options, async (response, info) => {
      // Drain the body so the connection can be reused.
      await response.arrayBuffer();
      return info;
    });
  }

  /** Sends a request and returns its body as a Node stream, without buffering it. */
  async stream(
    spec: RequestSpec,
    expectedTypes: ReadonlyArray<string>,
    options: CallOptions = {},
  ): Promise<StreamResponse> {
    return this.send(spec, options, (response, info) => {
      const contentType = response.headers.get('content-type') ?? undefined;
      const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
      if (mediaType !== undefined && expectedTypes.length > 0 && !expectedTypes.includes(mediaType)) {
        void response.body?.cancel().catch(() => undefined);
        return Promise.reject(
          malformedResponseError(
            spec.operation,
            info,
            `expected ${expectedTypes.join(' or ')}, got ${mediaType}`,
          ),
        );
      }
      if (response.body === null) {
        return Promise.reject(malformedResponseError(spec.operation, info, 'the response has no body'));
      }
      const length = Number(response.headers.get('content-length'));
      return Promise.resolve({
        body: Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>),
        contentType,
        contentLength: Number.isFinite(length) && response.headers.has('content-length') ? length : undefined,
        fileName: fileNameFrom(response.headers.get('content-disposition')),
        info,
      });
    });
  }

  /**
   * The core loop: one logical call, possibly several attempts, each holding a budget slot only while
   * its request is in flight.
   */
  private async send<R>(spec: RequestSpec, options: WriteOptions, read: ReadBody<R>): Promise<R> {
    const ids: CallIds = {
      operation: spec.operation,
      requestId: options.requestId ?? randomUUID(),
      correlationId: options.correlationId ?? randomUUID(),
    };
    const write = spec.write ?? spec.method !== 'GET';
    const priority = options.priority ?? (write ? 'write' : 'interactive');
    const policy = { ...this.retry, ...options.retry };
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    // Only reads are cut short: a write (a checkout) may rightly think for longer than a read, and
    // its retry depends on Partner Center de-duplicating it, which is not worth risking for a pause.
    const stallMs = write ? undefined : (options.stallTimeoutMs ?? this.stallTimeoutMs);
    const signal = options.signal;
    const url = this.resolveUrl(spec, ids);
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    let throttledInARow = 0;
    let throttleWaitMs = 0;

    for (let attempt = 1; ; attempt += 1) {
      if (signal?.aborted) throw this.cancelled(ids, attempt - 1);
      // The token first: getting it may take a while (a refresh over a slow network), and that time
      // should neither hold a budget slot nor count against the attempt's timeout.
      const token = await this.accessToken(ids, signal, spec.credential);
      let release: (() => void) | undefined;
      try {
        release = await this.options.budget.acquire(priority, signal);
      } catch {
        throw this.cancelled(ids, attempt - 1);
      }

      let failure: PartnerCenterError;
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(new Error('attempt timed out')), timeoutMs);
      const stall = new StallWatch(stallMs);
      const attemptSignal = AbortSignal.any(
        signal === undefined ? [timeout.signal, stall.signal] : [signal, timeout.signal, stall.signal],
      );
      try {
        const headers = this.headers(spec, ids, token, body !== undefined);
        const response = await this.fetchImpl(url, {
          method: spec.method,
          headers,
          body: body ?? (spec.method === 'GET' ? undefined : ''),
          signal: attemptSignal,
          // Never follow a redirect: it could carry the bearer token to another host.
          redirect: 'manual',
        });
        const info: ResponseInfo = {
          status: response.status,
          headers: response.headers,
          requestId: ids.requestId,
          correlationId: response.headers.get('ms-correlationid') ?? ids.correlationId,
          attempts: attempt,
        };
        if (response.status >= 200 && response.status < 300) {
          return await read(stall.watchBody(response), info);
        }
        failure = await this.httpFailure(response, ids, attempt, token);
        if (failure.status === 429) {
          throttledInARow += 1;
          throttleWaitMs = failure.retryAfterMs ?? this.backoff(policy, throttledInARow);
          // Everyone sharing the tenant waits, not just this call: that is what prevents a 429 storm.
          // Paused before this slot is released, so no queued call slips through in between.
          this.options.budget.pause(throttleWaitMs);
        }
      } catch (error) {
        if (error instanceof PartnerCenterError) {
          if (error.kind !== 'network' && error.kind !== 'timeout') throw error;
          failure = error;
        } else if (signal?.aborted) {
          throw this.cancelled(ids, attempt);
        } else if (timeout.signal.aborted || stall.signal.aborted) {
          failure = new PartnerCenterError({ kind: 'timeout', ...ids, retryable: true, attempts: attempt });
        } else {
          failure = this.networkFailure(error, ids, attempt);
        }
      } finally {
        clearTimeout(timer);
        stall.stop();
        release();
      }

      if (failure.status === 429) {
        if (attempt > policy.maxRetries || throttleWaitMs > policy.maxRetryAfterMs) throw failure;
        const extra = throttledInARow > 1 ? this.backoff(policy, throttledInARow - 1) : 0;
        await this.wait(throttleWaitMs + extra, signal, ids, attempt);
        continue;
      }
      throttledInARow = 0;
      if (!failure.retryable || attempt > policy.maxRetries) throw failure;
      // A 503 may say when to come back; honour that (within reason) rather than knocking earlier.
      const asked = Math.min(failure.retryAfterMs ?? 0, policy.maxRetryAfterMs);
      await this.wait(Math.max(asked, this.backoff(policy, attempt)), signal, ids, attempt);
    }
  }

  /** Full-jitter exponential backoff: uniform in [0, min(cap, base·2^(n-1))]. */
  private backoff(policy: RetryPolicy, retryNumber: number): number {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retryNumber - 1));
    return Math.round(this.random() * ceiling);
  }

  private async wait(
    ms: number,
    signal: AbortSignal | undefined,
    ids: CallIds,
    attempts: number,
  ): Promise<void> {
    try {
      await this.clock.sleep(ms, signal);
    } catch {
      throw this.cancelled(ids, attempts);
    }
  }

  private async accessToken(
    ids: CallIds,
    signal: AbortSignal | undefined,
    credential: OriginCredential | undefined,
  ): Promise<string> {
    let token: string;
    try {
      token = await raceAbort((credential ?? this.options).getAccessToken(), signal);
    } catch (error) {
      if (signal?.aborted) throw this.cancelled(ids, 0);
      throw new PartnerCenterError({ kind: 'auth', ...ids, retryable: false, cause: error });
    }
    if (typeof token !== 'string' || token.trim() === '') {
      throw new PartnerCenterError({
        kind: 'auth',
        ...ids,
        retryable: false,
        detail: 'the access token is empty',
      });
    }
    return token;
  }

  private headers(spec: RequestSpec, ids: CallIds, token: string, hasBody: boolean): Headers {
    const headers = new Headers();
    // Link headers first, so that none of them can override ours.
    for (const { key, value } of spec.headers ?? []) {
      if (key.toLowerCase() !== 'authorization') headers.set(key, value);
    }
    headers.set('Authorization', `Bearer ${token}`);
    headers.set('Accept', spec.accept ?? 'application/json');
    headers.set('MS-RequestId', ids.requestId);
    headers.set('MS-CorrelationId', ids.correlationId);
    headers.set('MS-Contract-Version', 'v1');
    headers.set('X-Locale', this.options.locale);
    headers.set('MS-PartnerCenter-Application', this.options.appName);
    if (hasBody) headers.set('Content-Type', 'application/json');
    return headers;
  }

  /** Builds the URL; refuses absolute links to another origin, which would leak the bearer token. */
  private resolveUrl(spec: RequestSpec, ids: CallIds): URL {
    let url: URL;
    if (/^[a-z][a-z0-9+.-]*:/i.test(spec.path)) {
      url = new URL(spec.path);
      const allowed = spec.credential ? new URL(spec.credential.origin).origin : this.base.origin;
      if (url.origin !== allowed) {
        throw new PartnerCenterError({
          kind: 'invalid-request',
          ...ids,
          retryable: false,
          description: `refusing to send credentials to ${url.origin}`,
        });
      }
    } else {
      const relative = fixQueryString(spec.path.startsWith('/') ? spec.path : `/${spec.path}`);
      const versioned = /^\/v1(?:[/?#]|$)/i.test(relative) ? relative : `/v1${relative}`;
      url = new URL(`${this.basePath}${versioned}`, this.base.origin);
    }
    for (const [key, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  }

  private async httpFailure(
    response: Response,
    ids: CallIds,
    attempts: number,
    token: string,
  ): Promise<PartnerCenterError> {
    let text = '';
    try {
      text = await response.text();
    } catch {
      // The status alone is enough to report the failure.
    }
    const fault = parseFault(text);
    const status = response.status;
    const retryAfterMs =
      parseRetryAfter(response.headers.get('retry-after'), this.clock.now()) ?? fault.retryAfterMs;
    const kind: PartnerCenterErrorKind = status === 429 ? 'throttled' : 'http';
    return new PartnerCenterError({
      kind,
      ...ids,
      correlationId: response.headers.get('ms-correlationid') ?? ids.correlationId,
      status,
      code: fault.code,
      // Only Partner Center's own words: a bare reason phrase ("Bad Request") says less than the status.
      description: fault.description === undefined ? undefined : redactSecrets(fault.description, token),
      data: fault.data.map((item) => redactSecrets(item, token)),
      retryable: isRetryableStatus(status),
      retryAfterMs,
      attempts,
    });
  }

  private networkFailure(error: unknown, ids: CallIds, attempts: number): PartnerCenterError {
    const code = errorCode(error);
    const kind: PartnerCenterErrorKind = code !== undefined && offlineCodes.has(code) ? 'offline' : 'network';
    return new PartnerCenterError({
      kind,
      ...ids,
      retryable: true,
      attempts,
      cause: error,
      detail: `Partner Center ${ids.operation}: ${kind === 'offline' ? 'unreachable' : 'network error'}${code === undefined ? '' : ` (${code})`}`,
    });
  }

  private cancelled(ids: CallIds, attempts: number): PartnerCenterError {
    return new PartnerCenterError({ kind: 'cancelled', ...ids, retryable: false, attempts });
  }
}

/**
 * Aborts an attempt that shows no sign of life for `ms`: armed when the request goes out, re-armed
 * by the response's headers and by every chunk of its body, stopped when the attempt ends (a stream
 * handed to the caller is then the caller's to time). Without `ms` it never fires.
 */
class StallWatch {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastSign = 0;
  private stopped = false;

  constructor(private readonly ms: number | undefined) {
    this.arm();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The response with its body watched chunk by chunk (headers have arrived: that counts too). */
  watchBody(response: Response): Response {
    // A body-less status cannot be rebuilt with a body, and there is nothing to watch.
    if (this.ms === undefined || response.body === null || [204, 205, 304].includes(response.status)) {
      return response;
    }
    this.arm();
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform: (chunk, controller) => {
          this.arm();
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(body, { status: response.status, headers: response.headers });
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    if (this.ms === undefined || this.stopped) return;
    this.lastSign = performance.now();
    // One timer per attempt, not one per chunk: when it fires, it checks how long it has been.
    this.timer ??= setTimeout(() => this.check(), this.ms);
  }

  private check(): void {
    this.timer = undefined;
    if (this.ms === undefined || this.stopped) return;
    const quiet = performance.now() - this.lastSign;
    if (quiet >= this.ms) this.controller.abort(new Error('no answer in time'));
    else this.timer = setTimeout(() => this.check(), this.ms - quiet);
  }
}

/** The error for a response whose body cannot be used (it is not retried: the same call gets the same body). */
export function malformedResponseError(
  operation: string,
  info: ResponseInfo,
  reason: string,
): PartnerCenterError {
  return new PartnerCenterError({
    kind: 'malformed-response',
    operation,
    status: info.status,
    requestId: info.requestId,
    correlationId: info.correlationId,
    retryable: false,
    attempts: info.attempts,
    description: reason,
  });
}

/** Whether an HTTP status is worth retrying: 408, 429 and 5xx; never 400/401/403/404/409/417. */
export function isRetryableStatus(status: number): boolean {
  if (nonRetryableStatuses.has(status)) return false;
  return status === 408 || status === 429 || status >= 500;
}

/** Reads `Retry-After` (delta seconds or an HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** The parts of an error body we use, from either shape Partner Center sends. */
interface Fault {
  readonly code: string | undefined;
  readonly description: string | undefined;
  readonly data: ReadonlyArray<string>;
  readonly retryAfterMs: number | undefined;
}

/**
 * Reads an error body: the ApiFault `{code, description, data, source}` (code a number or a string),
 * the gateway's 429 `{statusCode, message}`, an `{error: {code, message}}` envelope, or plain text.
 */
export function parseFault(text: string): Fault {
  const parsed = parseJsonText(text);
  const empty: Fault = { code: undefined, description: undefined, data: [], retryAfterMs: undefined };
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) {
    const plain = text.trim();
    // A short plain-text body is a useful description; an HTML error page is not.
    return plain !== '' && plain.length <= 300 && !plain.startsWith('<')
      ? { ...empty, description: plain }
      : empty;
  }
  const body = parsed.value as Record<string, unknown>;
  const inner =
    typeof body.error === 'object' && body.error !== null ? (body.error as Record<string, unknown>) : body;
  const rawCode = inner.code ?? inner.errorCode;
  const code =
    typeof rawCode === 'number' || (typeof rawCode === 'string' && rawCode.trim() !== '')
      ? String(rawCode).trim()
      : undefined;
  const rawDescription = inner.description ?? inner.message ?? inner.errorDescription;
  const description = typeof rawDescription === 'string' ? cleanDescription(rawDescription) : undefined;
  const data = Array.isArray(inner.data)
    ? inner.data.filter((item): item is string => typeof item === 'string').map(cleanDescription)
    : [];
  const seconds =
    description === undefined ? undefined : /try again in (\d+) seconds?/i.exec(description)?.[1];
  return {
    code,
    description,
    data,
    retryAfterMs: seconds === undefined ? undefined : Number(seconds) * 1000,
  };
}

/** Percent-decoded file name from a `Content-Disposition` header. */
function fileNameFrom(header: string | null): string | undefined {
  if (header === null) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header)?.[1];
  if (extended !== undefined) {
    try {
      return decodeURIComponent(extended.trim().replace(/^"|"$/g, ''));
    } catch {
      return undefined;
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(header)?.[1]?.trim();
}

/** Partner Center docs show next links like `...&size=2?seekOperation=Next`; make that one query string. */
function fixQueryString(path: string): string {
  const first = path.indexOf('?');
  if (first < 0) return path;
  return path.slice(0, first + 1) + path.slice(first + 1).replace(/\?/g, '&');
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    if ('code' in current && typeof current.code === 'string') return current.code;
    current = 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}
