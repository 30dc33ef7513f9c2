/**
 * A request that stalls (a dead connection: headers and half a body, then nothing) is dropped after
 * the client's stall timeout and retried, long before the whole-attempt timeout: a first sync whose
 * product list stalls, and one of whose SKU pages never answers at all, still completes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogKey } from '../../../main/catalog/index';
import { startSandbox, type RunningSandbox, type SandboxRequest } from '../../../main/sandbox/index';
import {
  appOnlyToken,
  expectedProductCount,
  expectedSkuCount,
  openTestCatalog,
  sandboxClient,
  type TestCatalog,
} from './helpers';

const us: CatalogKey = { profileId: 'demo', country: 'US', scope: 'AzurePlan' };
/** Far beyond the test's own time limit: only the stall timeout can get the sync through in time. */
const WHOLE_ATTEMPT_TIMEOUT_MS = 120_000;

let sandbox: RunningSandbox;
let token: string;
const seen: SandboxRequest[] = [];
const catalogs: TestCatalog[] = [];

beforeAll(async () => {
  let productListsAsked = 0;
  let skuPagesAsked = 0;
  sandbox = await startSandbox({
    catalog: 'small',
    lineItems: 100,
    faultTimeoutMs: 10 * WHOLE_ATTEMPT_TIMEOUT_MS,
    onRequest: (request) => seen.push(request),
    chooseFault: ({ method, path }) => {
      if (method !== 'GET') return null;
      if (/^\/v1\/products$/i.test(path) && ++productListsAsked === 1) return 'stall';
      if (/^\/v1\/products\/[^/]+\/skus$/i.test(path) && ++skuPagesAsked === 3) return 'timeout';
      return null;
    },
  });
  token = await appOnlyToken(sandbox);
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(() => {
  for (const catalog of catalogs.splice(0)) catalog.dispose();
});

describe('a stalled request during a sync', () => {
  it('is retried after the stall timeout, and the first sync completes', { timeout: 30_000 }, async () => {
    const t = openTestCatalog();
    catalogs.push(t);
    const result = await t.engine.sync({
      catalog: us,
      client: sandboxClient(sandbox.baseUrl, token, {
        timeoutMs: WHOLE_ATTEMPT_TIMEOUT_MS,
        stallTimeoutMs: 500,
      }),
    });

    expect(result.outcome).toBe('completed');
    expect(result.skuCount).toBe(expectedSkuCount(sandbox, 'AzurePlan'));
    const productLists = seen.filter((r) => /^\/v1\/products$/i.test(r.path));
    const skuPages = seen.filter((r) => /^\/v1\/products\/[^/]+\/skus$/i.test(r.path));
    // The stalled product list and the silent SKU page were each asked once more.
    expect(productLists).toHaveLength(2);
    expect(skuPages).toHaveLength(expectedProductCount(sandbox, 'AzurePlan') + 1);
    expect(t.store.freshness(us).lastRun?.outcome).toBe('completed');
  });
});
