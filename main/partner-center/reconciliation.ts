/**
 * Reconciliation v2 (contract §14): the asynchronous Microsoft Graph export. Start an export, poll
 * its operation honouring `Retry-After`, read the manifest (inline or linked), then stream every blob
 * with its SAS only (never a bearer token), gunzip it and yield its JSON lines' records in batches.
 * Graph and blob base URLs are options so tests point them at the sandbox.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';

/** Why a v2 export did not produce data. */
export type ReconciliationErrorKind =
  /** The operation or manifest expired (410): start a new export. */
  | 'expired'
  /** Storage refused the SAS (403): read the manifest again. */
  | 'sas-rejected'
  /** The export failed with Graph's "5000 No data available": nothing to reconcile. */
  | 'no-data'
  /** The export failed for another reason (string `code` kept). */
  | 'failed'
  /** The Graph token was refused (401/403). */
  | 'unauthorized'
  /** The operation did not finish before the client's own deadline. */
  | 'deadline'
  /** Any other HTTP answer or a malformed body. */
  | 'http';

/** A v2 export failure; `message` is for people, `code` is Graph's string code when given. */
export class ReconciliationError extends Error {
  override readonly name = 'ReconciliationError';
  constructor(
    readonly kind: ReconciliationErrorKind,
    message: string,
    readonly status?: number,
    readonly code?: string,
    readonly requestId?: string,
  ) {
    super(message);
  }
}

/**
 * Whether a blob URL is under the allowed base: same scheme, host (a `*.` host allows any storage
 * account under that domain, as production's `https://*.blob.core.windows.net` must) and port, and
 * under its path.
 */
export function isUnderBlobBase(url: URL, base: URL): boolean {
  const wildcard = base.hostname.startsWith('*.') ? base.hostname.slice(1) : null;
  const hostAllowed = wildcard
    ? url.hostname.endsWith(wildcard) && url.hostname.length > wildcard.length
    : url.hostname === base.hostname;
  return (
    url.protocol === base.protocol &&
    url.port === base.port &&
    hostAllowed &&
    url.pathname.startsWith(base.pathname)
  );
}

/** A manifest (§14.5): where the blobs are and the SAS to read them. */
export interface ReconciliationManifest {
  readonly id: string;
  readonly eTag: string;
  readonly dataFormat: string;
  readonly rootDirectory: string;
  readonly sasToken: string;
  readonly blobs: ReadonlyArray<{ readonly name: string }>;
}

export interface ReconciliationClientOptions {
  /** e.g. `https://graph.microsoft.com/v1.0`. */
  readonly graphBaseUrl: string;
  /** Blobs may only come from under this URL (production: `https://*.blob.core.windows.net`, any account). */
  readonly blobBaseUrl: string;
  /** A Graph-audience token with `PartnerBilling.Read.All`. */
  readonly getGraphToken: () => Promise<string>;
  readonly fetch?: typeof fetch;
  /** Wait when a running operation sends no `Retry-After` (§14.4: 10 s). */
  readonly defaultRetryAfterMs?: number;
  /** Overall deadline of one export's polling (default 30 minutes). */
  readonly deadlineMs?: number;
  /** Timeout of each Graph call (default 3 minutes). */
  readonly timeoutMs?: number;
}

/** What a poll saw, for progress. */
export interface PollEvent {
  readonly status: string;
  readonly waitMs: number;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(record: Json, name: string): unknown {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(record)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/** A string or number field as text; anything else reads as `fallback`. */
function text(record: Json, name: string, fallback = ''): string {
  const value = field(record, name);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Parses a manifest object (both `dataFormat` spellings are gzip JSON lines). */
export function parseManifest(value: unknown): ReconciliationManifest {
  if (!isObject(value))
    throw new ReconciliationError('http', 'The export answered with an unreadable manifest.');
  const rootDirectory = field(value, 'rootDirectory');
  const sasToken = field(value, 'sasToken');
  const blobs = field(value, 'blobs');
  if (typeof rootDirectory !== 'string' || typeof sasToken !== 'string' || !Array.isArray(blobs)) {
    throw new ReconciliationError('http', 'The export answered with an incomplete manifest.');
  }
  return {
    id: text(value, 'id', ''),
    eTag: text(value, 'eTag', ''),
    dataFormat: text(value, 'dataFormat', ''),
    rootDirectory: rootDirectory.replace(/\/+$/, ''),
    sasToken: sasToken.replace(/^\?/, ''),
    blobs: blobs.filter(isObject).map((blob) => ({ name: text(blob, 'name', '') })),
  };
}

/** §14.4's rule: success by `@odata.type` or `succeeded`/`completed`; failure by type or `failed`. */
export function operationState(body: Json): 'succeeded' | 'failed' | 'pending' {
  const type = text(body, '@odata.type', '').toLowerCase();
  const status = text(body, 'status', '').toLowerCase();
  if (type.endsWith('exportsuccessoperation') || status === 'succeeded' || status === 'completed') {
    return 'succeeded';
  }
  if (type.endsWith('failedoperation') || status === 'failed') return 'failed';
  return 'pending';
}

/** The reconciliation v2 client of one profile. */
export class ReconciliationClient {
  private readonly fetchFn: typeof fetch;
  private readonly blobBase: URL;

  constructor(private readonly options: ReconciliationClientOptions) {
    this.fetchFn = options.fetch ?? fetch;
    this.blobBase = new URL(options.blobBaseUrl.replace(/\/*$/, '/'));
  }

  /** Starts a billed invoice reconciliation export; resolves to the operation URL to poll. */
  startBilledExport(invoiceId: string, signal?: AbortSignal): Promise<string> {
    return this.start('reconciliation/billed/export', { invoiceId, attributeSet: 'full' }, signal);
  }

  /** Starts an unbilled (estimate) export for one currency and period. */
  startUnbilledExport(
    currencyCode: string,
    billingPeriod: 'current' | 'last',
    signal?: AbortSignal,
  ): Promise<string> {
    return this.start(
      'reconciliation/unbilled/export',
      { currencyCode, billingPeriod, attributeSet: 'full' },
      signal,
    );
  }

  /**
   * Polls an operation until it succeeds, honouring `Retry-After`, and returns its manifest (inline,
   * or read through the navigation link). Also re-reads the manifest of a finished operation (a fresh SAS).
   */
  async waitForManifest(
    operationUrl: string,
    signal?: AbortSignal,
    onPoll?: (event: PollEvent) => void,
  ): Promise<ReconciliationManifest> {
    const deadline = Date.now() + (this.options.deadlineMs ?? 30 * 60_000);
    for (;;) {
      const response = await this.graph('GET', operationUrl, undefined, signal);
      const body = await this.jsonBody(response);
      const state = operationState(body);
      if (state === 'succeeded') {
        const inline = field(body, 'resourceLocation');
        if (isObject(inline)) return parseManifest(inline);
        const link = field(body, 'resourceLocation@odata.navigationLink');
        if (typeof link !== 'string') {
          throw new ReconciliationError('http', 'The export finished without saying where its data is.');
        }
        return parseManifest(await this.jsonBody(await this.graph('GET', link, undefined, signal)));
      }
      if (state === 'failed') {
        const error = field(body, 'error');
        const code = isObject(error) ? text(error, 'code', '') : '';
        if (code === '5000') {
          throw new ReconciliationError(
            'no-data',
            'Microsoft has no reconciliation data for this invoice or period yet.',
            200,
            code,
          );
        }
        const message =
          isObject(error) && typeof field(error, 'message') === 'string'
            ? String(field(error, 'message'))
            : '';
        throw new ReconciliationError(
          'failed',
          `Microsoft could not prepare the export${message ? ` (${message})` : ''}. Try again later.`,
          200,
          code,
        );
      }
      const retryAfter = Number(response.headers.get('retry-after'));
      const waitMs =
        Number.isFinite(retryAfter) && retryAfter >= 0 && response.headers.has('retry-after')
          ? retryAfter * 1000
          : (this.options.defaultRetryAfterMs ?? 10_000);
      if (Date.now() + waitMs > deadline) {
        throw new ReconciliationError(
          'deadline',
          'Microsoft is still preparing the export. Try again in a few minutes; it continues where it stopped.',
        );
      }
      onPoll?.({ status: text(body, 'status', 'running'), waitMs });
      await sleep(waitMs, signal);
    }
  }

  /** The URL of one blob: `{rootDirectory}/{name}?{sas}`, only under the allowed blob base URL. */
  blobUrl(manifest: ReconciliationManifest, index: number): URL {
    const blob = manifest.blobs[index];
    if (!blob) throw new ReconciliationError('http', 'The export manifest lists fewer files than expected.');
    const url = new URL(
      `${manifest.rootDirectory}/${encodeURIComponent(blob.name).replace(/%2F/g, '/')}?${manifest.sasToken}`,
    );
    const allowed = isUnderBlobBase(url, this.blobBase);
    if (!allowed)
      throw new ReconciliationError(
        'http',
        'The export points at a storage location this app does not trust.',
      );
    return url;
  }

  /**
   * Streams one blob's records in batches (one per decompressed chunk): downloaded with the SAS only,
   * gunzipped (when it starts with the gzip magic bytes), split into JSON lines; memory stays at one
   * chunk plus the stream buffers. Each record comes with its line's text when the line held one object.
   */
  async *blobBatches(
    manifest: ReconciliationManifest,
    index: number,
    signal?: AbortSignal,
  ): AsyncGenerator<BlobRecord[]> {
    const url = this.blobUrl(manifest, index);
    // No Authorization header: storage gets the SAS in the query and nothing else (§14.6).
    const response = await this.fetchFn(url, {
      method: 'GET',
      redirect: 'error',
      ...(signal ? { signal } : {}),
    });
    if (response.status === 403 || response.status === 401) {
      await response.body?.cancel();
      throw new ReconciliationError(
        'sas-rejected',
        'The download link of the export has expired.',
        response.status,
      );
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new ReconciliationError(
        'http',
        `Downloading the export failed (HTTP ${response.status}). Try again.`,
        response.status,
      );
    }
    const raw = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    const text = await gunzipIfNeeded(raw);
    const decoder = new StringDecoder('utf8');
    let rest = '';
    try {
      for await (const chunk of text as AsyncIterable<Buffer>) {
        const lines = (rest + decoder.write(chunk)).split('\n');
        rest = lines.pop() ?? '';
        const batch = recordsOfLines(lines);
        if (batch.length > 0) yield batch;
      }
      const last = recordsOfLines([rest + decoder.end()]);
      if (last.length > 0) yield last;
    } finally {
      raw.destroy();
      text.destroy();
    }
  }

  private async start(route: string, body: Json, signal?: AbortSignal): Promise<string> {
    const url = `${this.options.graphBaseUrl.replace(/\/+$/, '')}/reports/partners/billing/${route}`;
    const response = await this.graph('POST', url, body, signal);
    if (response.status !== 202) return this.failFor(response);
    const location = response.headers.get('location');
    await response.body?.cancel();
    if (!location)
      throw new ReconciliationError(
        'http',
        'Microsoft accepted the export without saying where to follow it.',
      );
    return new URL(location, url).toString();
  }

  /** One Graph call with the Graph token and a `client-request-id`; 429 waits `Retry-After` (3 times). */
  private async graph(
    method: 'GET' | 'POST',
    url: string,
    body: Json | undefined,
    signal?: AbortSignal,
  ): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 180_000);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      const headers: Record<string, string> = {
        Authorization: `Bearer ${await this.options.getGraphToken()}`,
        Accept: 'application/json',
        'client-request-id': randomUUID(),
      };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const response = await this.fetchFn(url, {
        method,
        headers,
        signal: combined,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      if (response.status === 429 && attempt < 3) {
        const seconds = Number(response.headers.get('retry-after') ?? '1');
        await response.body?.cancel();
        await sleep((Number.isFinite(seconds) ? seconds : 1) * 1000, signal);
        continue;
      }
      if (method === 'GET' && response.status !== 200) await this.failFor(response);
      return response;
    }
  }

  private async jsonBody(response: Response): Promise<Json> {
    try {
      const parsed: unknown = await response.json();
      if (isObject(parsed)) return parsed;
    } catch {
      // fall through
    }
    throw new ReconciliationError(
      'http',
      'Microsoft Graph answered with something that is not valid data.',
      response.status,
    );
  }

  private async failFor(response: Response): Promise<never> {
    const requestId =
      response.headers.get('request-id') ?? response.headers.get('client-request-id') ?? undefined;
    let code: string | undefined;
    try {
      const body: unknown = await response.json();
      const error = isObject(body) ? field(body, 'error') : undefined;
      if (isObject(error) && typeof field(error, 'code') === 'string') code = String(field(error, 'code'));
    } catch {
      // no JSON body
    }
    const status = response.status;
    if (status === 410) {
      throw new ReconciliationError(
        'expired',
        'The export expired before it was read.',
        status,
        code,
        requestId,
      );
    }
    if (status === 401 || status === 403) {
      throw new ReconciliationError(
        'unauthorized',
        'Microsoft Graph refused the request: the signed-in account needs the PartnerBilling.Read.All permission granted by an administrator.',
        status,
        code,
        requestId,
      );
    }
    throw new ReconciliationError(
      'http',
      `Microsoft Graph answered HTTP ${status}. Try again later.`,
      status,
      code,
      requestId,
    );
  }
}

/** One record of a blob, with the text of its line when that line held just this object. */
export interface BlobRecord {
  readonly record: Json;
  readonly text?: string;
}

/** JSON lines to records; blank lines skipped, a line holding a JSON array gives its objects. */
function recordsOfLines(lines: ReadonlyArray<string>): BlobRecord[] {
  const out: BlobRecord[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new ReconciliationError('http', 'The export contained a line that is not valid data.');
    }
    // A community client also met JSON arrays: accept one per line.
    if (Array.isArray(parsed)) {
      for (const item of parsed) if (isObject(item)) out.push({ record: item });
    } else if (isObject(parsed)) {
      out.push({ record: parsed, text: trimmed });
    }
  }
  return out;
}

/** Gunzips a stream when it starts with `1f 8b`; passes it through otherwise (§14.6). */
async function gunzipIfNeeded(raw: Readable): Promise<Readable> {
  const iterator = raw[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await iterator.next();
  const head: Buffer = first.done ? Buffer.alloc(0) : first.value;
  async function* rest(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const joined = Readable.from(rest());
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b
    ? joined.pipe(createGunzip({ chunkSize: 64 * 1024 }))
    : joined;
}
