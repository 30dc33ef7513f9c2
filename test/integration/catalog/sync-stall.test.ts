/**
 * A request that stalls (a dead connection: headers and half a body, then nothing) is dropped after
 * the client's stall timeout and retried, long before the whole-attempt timeout: a first sync whose
 * product list stalls, and one of whose SKU pages never answers at all, still completes.
 */
import { describe, expect, it } from 'vitest';
import type { CatalogKey } from '../../../main/catalog/index';
import type { SandboxRequest } from '../../../main/sandbox/index';
import { expectedProductCount, expectedSkuCount, sandboxPerFile } from './helpers';

const us: CatalogKey = { profileId: 'demo', country: 'US', scope: 'AzurePlan' };
/** Far beyond the test's own time limit: only the stall timeout can get the sync through in time. */
const WHOLE_ATTEMPT_TIMEOUT_MS = 120_000;

const seen: SandboxRequest[] = [];
let productListsAsked = 0;
let skuPagesAsked = 0;
const world = sandboxPerFile({
  faultTimeoutMs: 10 * WHOLE_ATTEMPT_TIMEOUT_MS,
  onRequest: (request) => seen.push(request),
  chooseFault: ({ method, path }) => {
    if (method !== 'GET') return null;
    if (/^\/v1\/products$/i.test(path) && ++productListsAsked === 1) return 'stall';
    if (/^\/v1\/products\/[^/]+\/skus$/i.test(path) && ++skuPagesAsked === 3) return 'timeout';
    return null;
  },
});

describe('a stalled request during a sync', () => {
  it('is retried after the stall timeout, and the first sync completes', { timeout: 30_000 }, async () => {
    const t = world.open();
    const result = await t.engine.sync({
      catalog: us,
      client: world.client({
        timeoutMs: WHOLE_ATTEMPT_TIMEOUT_MS,
        stallTimeoutMs: 500,
      }),
    });

    expect(result.outcome).toBe('completed');
    expect(result.skuCount).toBe(expectedSkuCount(world.sandbox(), 'AzurePlan'));
    const productLists = seen.filter((r) => /^\/v1\/products$/i.test(r.path));
    const skuPages = seen.filter((r) => /^\/v1\/products\/[^/]+\/skus$/i.test(r.path));
    // The stalled product list and the silent SKU page were each asked once more.
    expect(productLists).toHaveLength(2);
    expect(skuPages).toHaveLength(expectedProductCount(world.sandbox(), 'AzurePlan') + 1);
    expect(t.store.freshness(us).lastRun?.outcome).toBe('completed');
  });
});
