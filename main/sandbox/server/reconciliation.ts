/**
 * Reconciliation v2 (§14): Graph-like export routes under `/graph/v1.0/reports/partners/billing/…`
 * and a blob-like store under `/blob/…`, on the same loopback server as Partner Center. An export is
 * an operation that stays `running` for a while, then succeeds with a manifest (inline or linked) that
 * lists gzip JSON-lines blobs readable with a SAS only. Faults (410, a failed operation, an expired
 * SAS) are counted switches a test arms through `ReconciliationControl`.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { InvoiceLineItem } from '../data/model';
import { lookupInvoice, oneTimeLines } from './billing';
import type { IdentityProvider } from './identity';
import type { Reply, Route, RouteContext } from './router';
import type { Services } from './services';
import type { Sliceable } from './wire';
import type { LoadedWorld } from './world';

/** Path prefix of the Graph-like routes; the client's Graph base URL is `{origin}{GRAPH_PREFIX}`. */
export const GRAPH_PREFIX = '/graph/v1.0';
/** Path prefix of the blob-like store; the client's allowed blob base URL is `{origin}{BLOB_PREFIX}`. */
export const BLOB_PREFIX = '/blob';

const BILLING = `${GRAPH_PREFIX}/reports/partners/billing`;

/** How exports behave; tests change these between exports. */
export interface ReconciliationSettings {
  /** How long an operation stays `running`. */
  runningMs: number;
  /** `Retry-After` (seconds) on a running operation. */
  retryAfterSeconds: number;
  /** The success word: the examples say `succeeded`, the resource page `completed` (§14.4). */
  statusWord: 'succeeded' | 'completed';
  /** Manifest behind a navigation link, or inline in `resourceLocation` (§14.5). */
  manifestForm: 'link' | 'inline';
  dataFormat: 'compressedJSONLines' | 'compressedJSON';
  /** Records per blob: the export is split into `ceil(lines / linesPerBlob)` blobs. */
  linesPerBlob: number;
  /** `camel` as v1, or `pascal` with the older names of §14.8 (`Total`, `Tier2MpnId`). */
  keyCasing: 'camel' | 'pascal';
  /** How long an operation and its manifest live before answering 410. */
  operationLifetimeMs: number;
  /** How long a SAS handed out with a manifest stays valid. */
  sasLifetimeMs: number;
}

/** Counted faults: each armed fault hits the next matching request, then disarms. */
export interface ReconciliationFaults {
  /** Polls (or manifest reads) answered 410 Gone. */
  gone: number;
  /** Exports that end `failed` with code "5000" "No data available". */
  failed: number;
  /** Blob reads answered 403 as if the SAS had expired. */
  expiredSas: number;
}

/** The test handle on the reconciliation simulator. */
export interface ReconciliationControl {
  readonly settings: ReconciliationSettings;
  readonly faults: ReconciliationFaults;
  /** Exports started so far (POSTs that answered 202). */
  exportsStarted(): number;
  /** Blob reads that returned data. */
  blobsServed(): number;
}

export const defaultReconciliationSettings: ReconciliationSettings = {
  runningMs: 2_000,
  retryAfterSeconds: 1,
  statusWord: 'succeeded',
  manifestForm: 'link',
  dataFormat: 'compressedJSONLines',
  linesPerBlob: 50_000,
  keyCasing: 'camel',
  operationLifetimeMs: 3_600_000,
  sasLifetimeMs: 3_600_000,
};

interface Operation {
  readonly id: string;
  readonly manifestId: string;
  readonly label: string;
  readonly createdMs: number;
  readonly readyAtMs: number;
  readonly failed: boolean;
  readonly lines: Sliceable;
  /** Settings captured when the export started, so a test's later changes do not alter it. */
  readonly settings: ReconciliationSettings;
}

/** Upper-cases the first letter, with the older names the reconciliation files used (§14.8). */
const PASCAL_RENAMES: Readonly<Record<string, string>> = {
  totalForCustomer: 'Total',
  resellerMpnId: 'Tier2MpnId',
  unitOfMeasure: 'Unit',
};

function record(item: InvoiceLineItem, casing: 'camel' | 'pascal'): Record<string, unknown> {
  const { attributes: _attributes, ...fields } = item;
  if (casing === 'camel') return fields;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[PASCAL_RENAMES[key] ?? key.charAt(0).toUpperCase() + key.slice(1)] = value;
  }
  return out;
}

function graphError(status: number, code: string, message: string): Reply {
  return {
    status,
    json: {
      error: { code, message, innerError: { 'request-id': randomUUID(), date: new Date().toISOString() } },
    },
  };
}

function originOf(ctx: RouteContext): string {
  return `http://${ctx.header('host') ?? '127.0.0.1'}`;
}

function stringField(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  for (const [key, value] of Object.entries(body)) {
    if (key.toLowerCase() === name.toLowerCase() && typeof value === 'string' && value.trim() !== '') {
      return value.trim();
    }
  }
  return undefined;
}

/** The Graph-like and blob-like route tables, and the control tests use. */
export function reconciliationRoutes(
  services: Services,
  loaded: LoadedWorld,
  identity: IdentityProvider,
  initial: Partial<ReconciliationSettings> = {},
): { routes: Route[]; control: ReconciliationControl } {
  const settings: ReconciliationSettings = { ...defaultReconciliationSettings, ...initial };
  const faults: ReconciliationFaults = { gone: 0, failed: 0, expiredSas: 0 };
  const operations = new Map<string, Operation>();
  const byManifest = new Map<string, Operation>();
  const sasKey = randomBytes(32);
  let started = 0;
  let served = 0;
  const now = (): number => services.clock();

  const sign = (manifestId: string, expiry: string): string =>
    createHmac('sha256', sasKey).update(`${manifestId}|${expiry}`).digest('base64url');

  const authorize = async (ctx: RouteContext): Promise<Reply | null> => {
    const checked = await identity.checkGraph(ctx.header('authorization'));
    if (checked.ok) return null;
    if (checked.reason === 'permission') {
      return graphError(
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges: PartnerBilling.Read.All is required.',
      );
    }
    return graphError(
      401,
      'InvalidAuthenticationToken',
      'Access token validation failure. Invalid audience.',
    );
  };

  const startExport = (ctx: RouteContext, label: string, lines: Sliceable): Reply => {
    started++;
    const id = randomUUID();
    const failed = faults.failed > 0;
    if (failed) faults.failed--;
    const operation: Operation = {
      id,
      manifestId: randomUUID(),
      label,
      createdMs: now(),
      readyAtMs: now() + settings.runningMs,
      failed,
      lines,
      settings: { ...settings },
    };
    operations.set(id, operation);
    byManifest.set(operation.manifestId, operation);
    return {
      status: 202,
      body: '',
      headers: {
        Location: `${originOf(ctx)}${BILLING}/operations/${id}`,
        'Retry-After': String(settings.retryAfterSeconds),
      },
    };
  };

  const isGone = (operation: Operation): boolean => {
    if (faults.gone > 0) {
      faults.gone--;
      return true;
    }
    return now() - operation.createdMs > operation.settings.operationLifetimeMs;
  };

  const manifest = (ctx: RouteContext, operation: Operation): Record<string, unknown> => {
    const expiry = new Date(now() + operation.settings.sasLifetimeMs).toISOString();
    const per = Math.max(1, operation.settings.linesPerBlob);
    const count = Math.max(1, Math.ceil(operation.lines.length / per));
    const blobs = Array.from({ length: count }, (_, i) => ({
      name: `part-${String(i).padStart(5, '0')}-${operation.manifestId}.c000.json.gz`,
      partitionValue: 'default',
    }));
    const sas = new URLSearchParams({
      sv: '2021-08-06',
      se: expiry,
      sr: 'd',
      sp: 'rl',
      sig: sign(operation.manifestId, expiry),
    });
    return {
      id: operation.manifestId,
      schemaVersion: '1',
      dataFormat: operation.settings.dataFormat,
      createdDateTime: new Date(operation.readyAtMs).toISOString(),
      eTag: operation.manifestId.slice(0, 17),
      partnerTenantId: services.world.partner.tenantId,
      rootDirectory: `${originOf(ctx)}${BLOB_PREFIX}/reconciliation/${operation.manifestId}`,
      sasToken: sas.toString(),
      partitionType: 'Default',
      blobCount: count,
      blobs,
    };
  };

  const poll = (ctx: RouteContext): Reply => {
    const operation = operations.get(ctx.params.operationId ?? '');
    if (!operation) return graphError(404, 'ResourceNotFound', 'The operation was not found.');
    if (isGone(operation)) return graphError(410, 'Gone', 'The operation has expired. Start a new export.');
    const base = {
      id: operation.id,
      createdDateTime: new Date(operation.createdMs).toISOString(),
      lastActionDateTime: new Date(Math.min(now(), operation.readyAtMs)).toISOString(),
    };
    if (now() < operation.readyAtMs) {
      return {
        status: 200,
        json: {
          '@odata.type': '#microsoft.graph.partners.billing.runningOperation',
          ...base,
          status: 'running',
        },
        headers: { 'Retry-After': String(operation.settings.retryAfterSeconds) },
      };
    }
    if (operation.failed) {
      return {
        status: 200,
        json: {
          '@odata.type': '#microsoft.graph.partners.billing.failedOperation',
          ...base,
          status: 'failed',
          error: { code: '5000', message: 'No data available' },
        },
      };
    }
    const success = {
      '@odata.type': '#microsoft.graph.partners.billing.exportSuccessOperation',
      ...base,
      status: operation.settings.statusWord,
    };
    return {
      status: 200,
      json:
        operation.settings.manifestForm === 'inline'
          ? { ...success, resourceLocation: manifest(ctx, operation) }
          : {
              ...success,
              'resourceLocation@odata.navigationLink': `${originOf(ctx)}${BILLING}/manifests/${operation.manifestId}`,
            },
    };
  };

  const blob = (ctx: RouteContext): Reply => {
    const storageError = (code: string, message: string): Reply => ({
      status: 403,
      body: `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
      headers: { 'Content-Type': 'application/xml' },
    });
    // Storage must never see a bearer token (§14.6): refuse it, so the client's rule is tested.
    if (ctx.header('authorization'))
      return storageError('AuthenticationFailed', 'Authorization header is not allowed with a SAS.');
    const operation = byManifest.get(ctx.params.manifestId ?? '');
    const sig = ctx.query.get('sig');
    const expiry = ctx.query.get('se') ?? '';
    if (!operation || !sig || sig !== sign(operation.manifestId, expiry)) {
      return storageError('AuthenticationFailed', 'Signature did not match.');
    }
    if (faults.expiredSas > 0 || Date.parse(expiry) <= now()) {
      if (faults.expiredSas > 0) faults.expiredSas--;
      return storageError('AuthenticationFailed', 'Signed expiry time has passed.');
    }
    const match = /^part-(\d{5})-/.exec(ctx.params.name ?? '');
    const per = Math.max(1, operation.settings.linesPerBlob);
    const index = match ? Number(match[1]) : -1;
    if (index < 0 || index * per >= Math.max(1, operation.lines.length)) {
      return { status: 404, body: 'BlobNotFound', headers: { 'Content-Type': 'text/plain' } };
    }
    served++;
    const casing = operation.settings.keyCasing;
    const lines = operation.lines;
    const end = Math.min(lines.length, (index + 1) * per);
    function* jsonLines(): Generator<string> {
      for (let start = index * per; start < end; start += 1000) {
        const chunk = lines.slice(start, Math.min(end, start + 1000)) as InvoiceLineItem[];
        yield chunk.map((item) => `${JSON.stringify(record(item, casing))}\n`).join('');
      }
    }
    return {
      status: 200,
      stream: Readable.from(jsonLines()).pipe(createGzip()),
      headers: { 'Content-Type': 'application/octet-stream', 'x-ms-blob-type': 'BlockBlob' },
    };
  };

  const guarded =
    (handler: (ctx: RouteContext) => Reply): ((ctx: RouteContext) => Promise<Reply>) =>
    async (ctx) =>
      (await authorize(ctx)) ?? handler(ctx);

  const routes: Route[] = [
    {
      auth: 'none',
      method: 'POST',
      path: `${BILLING}/reconciliation/billed/export`,
      handler: guarded((ctx) => {
        const invoiceId = stringField(ctx.body, 'invoiceId');
        if (!invoiceId) return graphError(400, 'BadRequest', 'invoiceId is required.');
        const found = lookupInvoice(services, invoiceId);
        if (!found) return graphError(404, 'ResourceNotFound', `Invoice ${invoiceId} was not found.`);
        return startExport(ctx, `billed:${found.invoice.id}`, oneTimeLines(found, loaded));
      }),
    },
    {
      auth: 'none',
      method: 'POST',
      path: `${BILLING}/reconciliation/unbilled/export`,
      handler: guarded((ctx) => {
        const currencyCode = stringField(ctx.body, 'currencyCode')?.toUpperCase();
        const period = stringField(ctx.body, 'billingPeriod')?.toLowerCase();
        if (!currencyCode) return graphError(400, 'BadRequest', 'currencyCode is required.');
        if (period !== 'current' && period !== 'last') {
          return graphError(400, 'BadRequest', "billingPeriod must be 'current' or 'last'.");
        }
        // Estimates: the sandbox reuses the newest (current) or second newest (last) OneTime
        // invoice of the currency, without an invoice number.
        const oneTime = services.world.invoices.filter(
          (i) => i.invoiceType === 'OneTime' && i.currencyCode === currencyCode && i.amendsOf === undefined,
        );
        const source = oneTime[period === 'current' ? 0 : 1];
        const base = source ? oneTimeLines({ invoice: source }, loaded) : [];
        const lines: Sliceable = {
          length: base.length,
          slice: (start, end) =>
            (base.slice(start, end) as InvoiceLineItem[]).map((item) => ({ ...item, invoiceNumber: '' })),
        };
        return startExport(ctx, `unbilled:${currencyCode}:${period}`, lines);
      }),
    },
    { auth: 'none', method: 'GET', path: `${BILLING}/operations/:operationId`, handler: guarded(poll) },
    {
      auth: 'none',
      method: 'GET',
      path: `${BILLING}/manifests/:manifestId`,
      handler: guarded((ctx) => {
        const operation = byManifest.get(ctx.params.manifestId ?? '');
        if (!operation || now() < operation.readyAtMs || operation.failed) {
          return graphError(404, 'ResourceNotFound', 'The manifest was not found.');
        }
        if (isGone(operation))
          return graphError(410, 'Gone', 'The manifest has expired. Start a new export.');
        return { status: 200, json: manifest(ctx, operation) };
      }),
    },
    { auth: 'none', method: 'GET', path: `${BLOB_PREFIX}/reconciliation/:manifestId/:name`, handler: blob },
  ];
  return {
    routes,
    control: { settings, faults, exportsStarted: () => started, blobsServed: () => served },
  };
}
