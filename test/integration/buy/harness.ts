/**
 * The Buy service against a real sandbox over HTTP, with a real SQLite file: what every Buy
 * integration test and the checkout benchmark start from.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AuthMode } from '../../../preload/contract';
import { createBuyService, type BuyService } from '../../../main/buy/buy-service';
import type { CheckoutTransport } from '../../../main/buy/context';
import type { CachedSkuLookup } from '../../../main/buy/drafts';
import { BuyStore } from '../../../main/buy/store';
import { createCustomerService } from '../../../main/customers/customer-service';
import { openDatabase, openDurableConnection, type AppDatabase } from '../../../main/database';
import {
  RequestBudget,
  type PartnerCenterClient,
  type PartnerCenterClientOptions,
} from '../../../main/partner-center';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../main/sandbox';
import { DEMO_SUBSCRIPTIONS } from '../../../main/sandbox/data';
import { testClient } from '../partner-center/support/client';

export const PROFILE = 'buy-test-profile';

export interface BuyHarness {
  readonly sandbox: RunningSandbox;
  readonly client: PartnerCenterClient;
  readonly service: BuyService;
  readonly store: BuyStore;
  readonly dataDir: string;
  readonly sandboxDir: string;
  /** Opens another service on the same database file (a restart). */
  reopen(): { service: BuyService; store: BuyStore; close(): void };
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly sandbox?: SandboxOptions;
  readonly authMode?: AuthMode;
  readonly checkout?: CheckoutTransport;
  readonly client?: Partial<PartnerCenterClientOptions>;
  /** Use this data folder (a child process reopening a parent's). */
  readonly dataDir?: string;
  /** Use a running sandbox instead of starting one. */
  readonly baseUrl?: string;
  readonly token?: string;
  /** SKU facts as the offline catalog would hold them (skips a Partner Center read per line). */
  readonly cachedSku?: CachedSkuLookup;
  /**
   * The price sheet's token (§16), from the harness's sandbox; by default one of the partner API
   * audience, for a user (or the app, on an App-only profile).
   */
  readonly priceSheetToken?: (sandbox: RunningSandbox) => Promise<string>;
}

/** Audience of price sheet tokens (§16). */
export const PARTNER_API_AUDIENCE = 'https://api.partner.microsoft.com';

/** The shared test client with this sandbox's token and room for a whole checkout's requests. */
export function clientFor(
  baseUrl: string,
  token: string,
  overrides: Partial<PartnerCenterClientOptions> = {},
) {
  return testClient(baseUrl, {
    getAccessToken: () => Promise.resolve(token),
    budget: new RequestBudget({ maxConcurrency: 16, requestsPerMinute: 100_000 }),
    retry: { baseDelayMs: 20, maxDelayMs: 200 },
    ...overrides,
  });
}

export function buildService(
  db: AppDatabase,
  journalDb: AppDatabase,
  client: PartnerCenterClient,
  baseUrl: string,
  options: HarnessOptions,
  priceToken?: () => Promise<string>,
): { service: BuyService; store: BuyStore } {
  const store = new BuyStore(db, journalDb);
  const customers = createCustomerService(() => Promise.resolve(client));
  const service = createBuyService({
    store,
    clientFor: () => Promise.resolve(client),
    customers,
    authModeOf: () => options.authMode ?? 'app-user',
    priceSheet: () =>
      Promise.resolve({
        origin: baseUrl,
        getAccessToken: priceToken ?? (() => Promise.reject(new Error('no price sheet token'))),
      }),
    ...(options.checkout ? { checkout: options.checkout } : {}),
    ...(options.cachedSku ? { cachedSku: options.cachedSku } : {}),
  });
  return { service, store };
}

export async function startBuyHarness(options: HarnessOptions = {}): Promise<BuyHarness> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'desk-buy-'));
  const sandboxDir = mkdtempSync(path.join(tmpdir(), 'desk-buy-sandbox-'));
  const sandbox = await startSandbox({
    catalog: 'small',
    autoApprove: true,
    orderCompletionMs: 1_000,
    registrationDelayMs: 200,
    dataDir: sandboxDir,
    ...options.sandbox,
  });
  const token = options.token ?? (await sandbox.issueToken({ appOnly: options.authMode === 'app-only' }));
  const client = clientFor(sandbox.baseUrl, token, options.client);
  const db = openDatabase({ dataDir });
  const journalDb = openDurableConnection(db.name);
  const priceToken = () =>
    options.priceSheetToken
      ? options.priceSheetToken(sandbox)
      : sandbox.issueToken({ audience: PARTNER_API_AUDIENCE, appOnly: options.authMode === 'app-only' });
  const { service, store } = buildService(db, journalDb, client, sandbox.baseUrl, options, priceToken);
  const opened: Array<{ close(): void }> = [];
  return {
    sandbox,
    client,
    service,
    store,
    dataDir,
    sandboxDir,
    reopen() {
      const db2 = openDatabase({ dataDir });
      const journal2 = openDurableConnection(db2.name);
      const built = buildService(db2, journal2, client, sandbox.baseUrl, options, priceToken);
      const handle = {
        ...built,
        close: () => {
          journal2.close();
          db2.close();
        },
      };
      opened.push(handle);
      return handle;
    },
    async close() {
      for (const handle of opened) handle.close();
      journalDb.close();
      db.close();
      await sandbox.close();
      rmSync(sandboxDir, { recursive: true, force: true });
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A purchasable Azure plan reservation SKU of a market that needs no inventory check. */
export interface PickedSku {
  readonly productId: string;
  readonly skuId: string;
  readonly term: 'P1Y' | 'P3Y';
  readonly maximumQuantity: number;
  readonly title: string;
}

/**
 * A shared reservation line of a picked SKU, one unit on the demo Azure plan unless `on` says
 * otherwise: the line most tests put in Contoso's cart.
 */
export function azurePlanLine(
  sku: Pick<PickedSku, 'productId' | 'skuId' | 'term'>,
  on: { readonly subscriptionId?: string; readonly quantity?: number } = {},
) {
  return {
    catalogScope: 'AzurePlan' as const,
    productId: sku.productId,
    skuId: sku.skuId,
    termDuration: sku.term,
    quantity: on.quantity ?? 1,
    scope: 'shared' as const,
    subscriptionId: on.subscriptionId ?? DEMO_SUBSCRIPTIONS.azurePlan,
  };
}

/** A cached-catalog lookup that knows the SKUs a test picked (as a synced catalog would). */
export function pickedSkuLookup(picked: ReadonlyArray<PickedSku>): CachedSkuLookup {
  return (_profileId, _country, _scope, productId, skuId) => {
    const sku = picked.find((p) => p.productId === productId && p.skuId === skuId);
    return sku
      ? {
          title: sku.title,
          term: sku.term,
          minimumQuantity: 1,
          maximumQuantity: sku.maximumQuantity,
          armRegionName: null,
          billingPlans: ['one_time'],
        }
      : undefined;
  };
}

export async function pickReservationSku(
  client: PartnerCenterClient,
  country: string,
  skip = 0,
): Promise<PickedSku> {
  const scope = { country, reservationScope: 'AzurePlan' as const };
  const products = await client.getProducts({ ...scope, targetView: 'AzureReservations' });
  let seen = 0;
  for (const product of products) {
    for (const sku of await client.getSkus(product.id, scope)) {
      if (sku.purchasePrerequisites.map(String).includes('InventoryCheck')) continue;
      if (seen++ < skip) continue;
      const [availability] = await client.getAvailabilities(product.id, sku.id, scope);
      const term = availability?.terms[0]?.duration?.toUpperCase();
      if (term !== 'P1Y' && term !== 'P3Y') continue;
      return {
        productId: product.id,
        skuId: sku.id,
        term,
        maximumQuantity: sku.maximumQuantity ?? 1,
        title: sku.title ?? sku.id,
      };
    }
  }
  throw new Error(`no purchasable reservation SKU in ${country}`);
}

/** Orders the sandbox placed, by cart id, read from its state file. */
export function sandboxOrdersByCart(sandboxDir: string): Map<string, string[]> {
  const state = JSON.parse(readFileSync(path.join(sandboxDir, 'sandbox-state.json'), 'utf8')) as {
    orders: Record<string, { id: string; cartId: string }>;
  };
  const byCart = new Map<string, string[]>();
  for (const order of Object.values(state.orders)) {
    byCart.set(order.cartId, [...(byCart.get(order.cartId) ?? []), order.id]);
  }
  return byCart;
}
