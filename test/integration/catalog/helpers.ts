/**
 * Shared helpers for the catalog integration tests: a sandbox, an app-only token from its token
 * endpoint, a Partner Center client with a fast retry policy, and a fresh database per test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CatalogSearch, CatalogStore, CatalogSyncEngine, type CatalogKey } from '../../../main/catalog/index';
import { openDatabase, type AppDatabase } from '../../../main/database/index';
import {
  RequestBudget,
  type PartnerCenterClient,
  type RequestBudgetOptions,
} from '../../../main/partner-center/index';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../main/sandbox/index';
import { CatalogSearchInput } from '../../../preload/contract';
import { testClient } from '../partner-center/support/client';
import { appOnlyToken } from '../sandbox/sandbox-helpers';

/** Gets an app-only token the way a real app does: client credentials at the token endpoint. */
export { appOnlyToken };

/** Counts what goes over the wire, for assertions on requests. */
export interface WireCounter {
  requests: number;
  readonly statuses: Map<number, number>;
  readonly fetch: typeof fetch;
}

/** A fetch that counts requests and response statuses. */
export function countingFetch(): WireCounter {
  const counter: WireCounter = {
    requests: 0,
    statuses: new Map(),
    fetch: async (input, init) => {
      counter.requests += 1;
      const response = await fetch(input, init);
      counter.statuses.set(response.status, (counter.statuses.get(response.status) ?? 0) + 1);
      return response;
    },
  };
  return counter;
}

/** What a test may change about a sandbox client. */
export interface SandboxClientOptions {
  readonly budget?: RequestBudgetOptions;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  readonly stallTimeoutMs?: number;
}

/** A client for the sandbox with a fast retry policy (tests should not sleep for seconds). */
export function sandboxClient(
  baseUrl: string,
  token: string,
  options: SandboxClientOptions = {},
): PartnerCenterClient {
  return testClient(baseUrl, {
    getAccessToken: () => Promise.resolve(token),
    budget: new RequestBudget(options.budget ?? { maxConcurrency: 4, requestsPerMinute: 100_000 }),
    retry: { baseDelayMs: 5, maxDelayMs: 40, maxRetries: 6 },
    timeoutMs: options.timeoutMs ?? 10_000,
    ...(options.stallTimeoutMs === undefined ? {} : { stallTimeoutMs: options.stallTimeoutMs }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
}

/** A database in a fresh temporary folder, with the catalog objects on top. */
export interface TestCatalog {
  readonly dir: string;
  db: AppDatabase;
  store: CatalogStore;
  engine: CatalogSyncEngine;
  search: ContractSearch;
  /** Closes and re-opens the database, like an app restart. */
  reopen(): void;
  dispose(): void;
}

/** The catalog search as the app calls it: each query validated by the contract first, as the dispatcher does. */
export class ContractSearch extends CatalogSearch {
  override search(input: CatalogSearchInput): ReturnType<CatalogSearch['search']> {
    return super.search(CatalogSearchInput.parse(input));
  }
}

/** Opens a catalog database in a new temporary folder. */
export function openTestCatalog(
  dir: string = mkdtempSync(path.join(tmpdir(), 'catalog-test-')),
): TestCatalog {
  const open = (): Pick<TestCatalog, 'db' | 'store' | 'engine' | 'search'> => {
    const db = openDatabase({ dataDir: dir });
    const store = new CatalogStore(db);
    return { db, store, engine: new CatalogSyncEngine(store), search: new ContractSearch(store) };
  };
  const state: TestCatalog = {
    dir,
    ...open(),
    reopen() {
      state.db.close();
      Object.assign(state, open());
    },
    dispose() {
      if (state.db.open) state.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return state;
}

/** SKUs the sandbox sells in a scope, from its generated world. */
export function expectedSkuCount(sandbox: RunningSandbox, scope: CatalogKey['scope']): number {
  const world = sandbox.world.catalog;
  const key = scope === 'AzurePlan' ? 'AzurePlan' : 'Legacy';
  let count = 0;
  for (const product of world.products) {
    if (!product.scopes.includes(key)) continue;
    count += (world.skusByProduct.get(product.id) ?? []).filter(
      (sku) => sku.availabilityIds[key] !== undefined,
    ).length;
  }
  return count;
}

/** Products the sandbox sells in a scope. */
export function expectedProductCount(sandbox: RunningSandbox, scope: CatalogKey['scope']): number {
  const key = scope === 'AzurePlan' ? 'AzurePlan' : 'Legacy';
  return sandbox.world.catalog.products.filter((product) => product.scopes.includes(key)).length;
}

/** Rows of a generation, and how many distinct (product, SKU) pairs they hold. */
export function rowCounts(
  db: AppDatabase,
  generationId: number,
): { rows: number; distinct: number; fts: number } {
  const row = db
    .prepare(
      `SELECT count(*) AS rows, count(DISTINCT product_id || ':' || sku_id) AS distinct_rows FROM catalog_skus
       WHERE generation_id = ?`,
    )
    .get(generationId) as { rows: number; distinct_rows: number };
  const fts = db
    .prepare(
      `SELECT count(*) AS n FROM catalog_skus WHERE generation_id = ? AND id IN (SELECT rowid FROM catalog_sku_fts)`,
    )
    .get(generationId) as { n: number };
  return { rows: row.rows, distinct: row.distinct_rows, fts: fts.n };
}

/**
 * A small-catalog sandbox (with `options` on top) and an app-only token, started once for the tests of
 * one file (call at the top level of the file); every test database opened through `open` is removed
 * after its test.
 */
export function sandboxPerFile(options: SandboxOptions = {}): {
  readonly sandbox: () => RunningSandbox;
  readonly token: () => string;
  /** A client of the sandbox with its token (see `sandboxClient`). */
  readonly client: (clientOptions?: SandboxClientOptions) => PartnerCenterClient;
  readonly open: () => TestCatalog;
} {
  let sandbox: RunningSandbox | undefined;
  let token: string | undefined;
  const opened: TestCatalog[] = [];
  beforeAll(async () => {
    sandbox = await startSandbox({ catalog: 'small', lineItems: 100, ...options });
    token = await appOnlyToken(sandbox);
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  afterEach(() => {
    for (const catalog of opened.splice(0)) catalog.dispose();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the sandbox has not started yet');
    return value;
  };
  return {
    sandbox: () => started(sandbox),
    token: () => started(token),
    client: (clientOptions) => sandboxClient(started(sandbox).baseUrl, started(token), clientOptions),
    open: () => {
      const catalog = openTestCatalog();
      opened.push(catalog);
      return catalog;
    },
  };
}
