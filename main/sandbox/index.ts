/**
 * The Partner Center sandbox: a local simulator of every Partner Center API the reservation journey
 * uses, plus enough Azure AD for MSAL to sign in against it. Runs in-process (demo profile, tests,
 * benchmarks) or standalone through `cli.ts`. Listens on 127.0.0.1 only.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PartnerCloud } from '../../preload/contract';
import { CLOUDS } from '../partner-center/clouds';
import type { World } from './data/model';
import { sandboxMsalAuthOptions, type SandboxMsalAuthOptions } from './msal-config';
import { billingRoutes } from './server/billing';
import { cartRoutes, changeAvailability } from './server/carts';
import { catalogRoutes, type InventoryRoutes } from './server/catalog';
import { customerRoutes } from './server/customers';
import { entitlementRoutes } from './server/entitlements';
import { FaultInjector, parseFaultSpec } from './server/faults';
import { createHttpCore } from './server/http-server';
import { IdentityProvider, type TokenRequest } from './server/identity';
import { orderRoutes } from './server/orders';
import { priceSheetRoutes } from './server/price-sheet';
import {
  BLOB_PREFIX,
  GRAPH_PREFIX,
  reconciliationRoutes,
  type ReconciliationControl,
  type ReconciliationSettings,
} from './server/reconciliation';
import { RateLimiter } from './server/rate-limit';
import { indexCatalog, type Services } from './server/services';
import { StateStore } from './server/state';
import { savingsPlanRoutes } from './server/savings-plans';
import { loadWorld } from './server/world';

export { sandboxMsalAuthOptions, type SandboxMsalAuthOptions } from './msal-config';
export { parseFaultSpec, type FaultKind } from './server/faults';
export type { TokenRequest } from './server/identity';
export type { InventoryRoutes } from './server/catalog';
export type { ReconciliationControl, ReconciliationSettings } from './server/reconciliation';

/** Options of `startSandbox` (the CLI maps its flags onto these). */
export interface SandboxOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  readonly port?: number;
  /** Same seed, same data and same fault sequence. Default 1. */
  readonly seed?: number;
  /** Extra delay before every API (`/v1`) answer. Default 0. */
  readonly latencyMs?: number;
  /** Requests per minute per partner tenant on §3's throttled operations; 0/undefined = unlimited. */
  readonly rateLimitPerMinute?: number;
  /** Fault spec, e.g. `429:0.05,503:0.02,timeout:0.01,drop-after-commit:0.05,malformed:0.01`. */
  readonly faults?: string;
  /** How long a `timeout` fault holds its answer back. Default 120 s (longer than clients wait). */
  readonly faultTimeoutMs?: number;
  /** `small` (a few hundred SKUs, fast) or `full` (30,000+ SKUs). Default `full`. */
  readonly catalog?: 'small' | 'full';
  /** Line items on the largest invoice (v1 pages and v2 export alike). Default 5,000. */
  readonly lineItems?: number;
  /** Customers, the six demo customers included; more give the expiry radar and benchmarks work. Default 66. */
  readonly customers?: number;
  /** An administrator consented to Graph's `PartnerBilling.Read.All` (§14.2). Default true. */
  readonly graphConsent?: boolean;
  /** How reconciliation v2 exports behave (tests change them later through `reconciliation`). */
  readonly reconciliation?: Partial<ReconciliationSettings>;
  /** Persist mutable state (carts, orders, registrations, idempotency, refresh tokens) here; default in memory. */
  readonly dataDir?: string;
  /** Device codes and browser sign-ins approve themselves (tests). Default false. */
  readonly autoApprove?: boolean;
  /** Registering → Registered after this long. Default 5 s. */
  readonly registrationDelayMs?: number;
  /** Orders go pending → completed after this long. Default 5 s. */
  readonly orderCompletionMs?: number;
  /** Access-token lifetime. Default 3600 s. */
  readonly tokenLifetimeSeconds?: number;
  /** The sandbox's "now" when it starts (history is dated relative to it); default the wall clock. */
  readonly now?: Date;
  /** Inventory-check routes served (§4.9): `both` (default), `by-resource-type` or `legacy`. */
  readonly inventoryRoutes?: InventoryRoutes;
  /**
   * The cloud the sandbox pretends to be (`--cloud usgov|china`): its identity routes move under that
   * cloud's authority path, and the services the cloud lacks (main/partner-center/clouds.ts: Graph
   * reconciliation, the price sheet) are absent (404). Default `global`.
   */
  readonly cloud?: PartnerCloud;
  /** Sees every request as it arrives (method and path, no query, headers or body): tests count them. */
  readonly onRequest?: (request: SandboxRequest) => void;
}

/** A request the sandbox received, as `onRequest` sees it. */
export interface SandboxRequest {
  readonly method: string;
  /** The path without its query string, e.g. `/{tenant}/oauth2/v2.0/token`. */
  readonly path: string;
}

/** A running sandbox. */
export interface RunningSandbox {
  /** The cloud it pretends to be. */
  readonly cloud: PartnerCloud;
  /** `http://127.0.0.1:PORT`; the API is under `{baseUrl}/v1`. */
  readonly baseUrl: string;
  /** The Graph-like routes (§14): the client's Graph base URL. */
  readonly graphBaseUrl: string;
  /** The blob-like store: the only host and path prefix the client may fetch blobs from. */
  readonly blobBaseUrl: string;
  /** Settings and counted faults of the reconciliation exports. */
  readonly reconciliation: ReconciliationControl;
  /** `{baseUrl}/{tenantId}`: where the OpenID configuration and OAuth endpoints live. */
  readonly authority: string;
  /** The partner's tenant id. */
  readonly tenantId: string;
  /** The app registration MSAL uses (confidential with `clientSecret`, or public without). */
  readonly clientId: string;
  readonly clientSecret: string;
  /** UPN of the demo user every user sign-in signs in as. */
  readonly user: string;
  /** MSAL Node `auth` options that keep MSAL offline (https alias authority + metadata). */
  readonly msal: SandboxMsalAuthOptions;
  /** The generated world (read-only), for tests and tools that need ids. */
  readonly world: World;
  /** Approves a pending device code by its user code, like the user would in a browser. */
  approveDeviceCode(userCode: string): boolean;
  /** Mints an access token directly (e.g. expired, wrong audience or app-only) for tests. */
  issueToken(request?: TokenRequest): Promise<string>;
  /**
   * Changes the availability behind a catalog item ID, as Partner Center does over time: open carts
   * holding it fail checkout with 404/400019 until updated. Returns how many carts it affected.
   */
  changeAvailability(catalogItemId: string): number;
  /** Stops listening, drops connections and cancels pending delays. */
  close(): Promise<void>;
}

/** A deterministic GUID from the seed and a label. */
function seededGuid(seed: number, label: string): string {
  const hex = createHash('sha256').update(`${seed}|${label}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Starts the sandbox and resolves once it is listening. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const seed = options.seed ?? 1;
  const catalog = options.catalog ?? 'full';
  const lineItems = options.lineItems ?? 5_000;
  const startedWall = Date.now();
  const startNow = options.now ? options.now.getTime() : startedWall;
  const clock = (): number => startNow + (Date.now() - startedWall);
  const faultSpec = parseFaultSpec(options.faults);

  const customers = options.customers;
  const loaded = loadWorld({
    seed,
    catalog,
    lineItems,
    now: new Date(startNow),
    ...(customers !== undefined ? { customers } : {}),
  });
  const world = loaded.world;
  // State from a different world would point at customers and SKUs that do not exist.
  const store = StateStore.open(
    options.dataDir,
    `seed=${seed};catalog=${catalog};lineItems=${lineItems}${customers !== undefined ? `;customers=${customers}` : ''}`,
  );
  const tenantId = world.partner.tenantId;
  const cloud = CLOUDS[options.cloud ?? 'global'];
  const clientId = seededGuid(seed, 'client');
  const clientSecret = `sbx~${createHash('sha256').update(`${seed}|secret`).digest('base64url').slice(0, 34)}`;
  const user = `demo.user@${world.partner.domain}`;
  const identity = await IdentityProvider.create(
    {
      tenantId,
      clientId,
      clientSecret,
      user,
      userObjectId: seededGuid(seed, 'user'),
      userDisplayName: 'Demo User',
      autoApprove: options.autoApprove ?? false,
      accessTokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
      graphConsent: options.graphConsent ?? true,
      authorityPath: cloud.cloud === 'global' ? '' : `/${cloud.authorityHost}`,
      partnerCenterResource: cloud.partnerCenterResource,
    },
    store.data.identity,
    () => store.save(),
  );

  const services: Services = {
    world,
    store,
    clock,
    timing: {
      registrationDelayMs: options.registrationDelayMs ?? 5_000,
      orderCompletionMs: options.orderCompletionMs ?? 5_000,
    },
    catalogIndex: indexCatalog(world),
  };
  const reconciliation = reconciliationRoutes(services, loaded, identity, options.reconciliation);
  const core = createHttpCore({
    routes: [
      ...identity.routes(),
      ...catalogRoutes(services, options.inventoryRoutes),
      ...customerRoutes(services),
      ...cartRoutes(services),
      ...orderRoutes(services),
      ...entitlementRoutes(services),
      ...billingRoutes(services, loaded),
      ...savingsPlanRoutes(services),
      ...(cloud.services.priceSheet ? priceSheetRoutes(services, identity) : []),
      ...(cloud.services.graphReconciliation ? reconciliation.routes : []),
    ],
    identity,
    store,
    faults: new FaultInjector(faultSpec, seed),
    rateLimiter: new RateLimiter(options.rateLimitPerMinute ?? 0),
    latencyMs: options.latencyMs ?? 0,
    faultTimeoutMs: options.faultTimeoutMs ?? 120_000,
  });

  const { onRequest } = options;
  if (onRequest) {
    core.server.on('request', (req: IncomingMessage) => {
      onRequest({ method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0] ?? '/' });
    });
  }
  await new Promise<void>((resolve, reject) => {
    core.server.once('error', reject);
    core.server.listen(options.port ?? 0, '127.0.0.1', () => {
      core.server.off('error', reject);
      resolve();
    });
  });
  const port = (core.server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  identity.setBaseUrl(baseUrl);

  return {
    cloud: cloud.cloud,
    baseUrl,
    graphBaseUrl: `${baseUrl}${GRAPH_PREFIX}`,
    blobBaseUrl: `${baseUrl}${BLOB_PREFIX}`,
    reconciliation: reconciliation.control,
    authority: identity.authority,
    tenantId,
    clientId,
    clientSecret,
    user,
    msal: sandboxMsalAuthOptions(identity.authorityBase, tenantId),
    world,
    approveDeviceCode: (userCode) => identity.approveDeviceCode(userCode),
    issueToken: (request) => identity.issueToken(request),
    changeAvailability: (catalogItemId) => {
      const marked = changeAvailability(store.data.carts, catalogItemId);
      store.save();
      return marked;
    },
    close: () => core.close(),
  };
}
