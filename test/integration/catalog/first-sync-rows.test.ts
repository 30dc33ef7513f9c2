/**
 * A catalog's first sync shows its rows as they arrive: searches see the products stored so far
 * (marked as not cached yet), a cancelled first sync leaves nothing on show, and a refresh of a
 * catalog that is already there keeps showing that one until the swap.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogKey, CatalogSyncProgress } from '../../../main/catalog/index';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { appOnlyToken, expectedSkuCount, openTestCatalog, sandboxClient, type TestCatalog } from './helpers';

const us: CatalogKey = { profileId: 'demo', country: 'US', scope: 'AzurePlan' };

let sandbox: RunningSandbox;
let token: string;
const catalogs: TestCatalog[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ catalog: 'small', lineItems: 100, latencyMs: 20 });
  token = await appOnlyToken(sandbox);
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(() => {
  for (const catalog of catalogs.splice(0)) catalog.dispose();
});

function newCatalog(): TestCatalog {
  const catalog = openTestCatalog();
  catalogs.push(catalog);
  return catalog;
}

/** What a search of the whole catalog shows: its count and whether it is the live catalog. */
function shown(t: TestCatalog): { total: number; live: boolean } {
  const result = t.search.search({ catalog: us, limit: 50 });
  return {
    total: result.total,
    live: result.generationId !== undefined && t.store.isLive(result.generationId),
  };
}

describe('a first sync', () => {
  it('shows the SKUs stored so far while it runs, then the whole catalog', async () => {
    const t = newCatalog();
    const seen: Array<{ total: number; live: boolean; available: number | undefined }> = [];
    const result = await t.engine.sync({
      catalog: us,
      client: sandboxClient(sandbox.baseUrl, token, {
        budget: { maxConcurrency: 2, requestsPerMinute: 100_000 },
      }),
      onProgress: (p: CatalogSyncProgress) => {
        if (p.phase === 'skus') seen.push({ ...shown(t), available: p.rowsAvailable });
      },
    });
    expect(result.outcome).toBe('completed');
    const partial = seen.filter((s) => s.total > 0 && s.total < result.skuCount);
    expect(partial.length).toBeGreaterThan(0);
    // What the progress says is available is exactly what a search finds, and it is not live yet.
    for (const s of seen) expect(s).toEqual({ total: s.available, live: false, available: s.available });
    expect(shown(t)).toEqual({ total: expectedSkuCount(sandbox, 'AzurePlan'), live: true });
  });

  it('cancelled half-way, leaves nothing on show (the next sync resumes it)', async () => {
    const t = newCatalog();
    const stop = new AbortController();
    let during = 0;
    const result = await t.engine.sync({
      catalog: us,
      client: sandboxClient(sandbox.baseUrl, token, {
        budget: { maxConcurrency: 1, requestsPerMinute: 100_000 },
      }),
      signal: stop.signal,
      onProgress: (p) => {
        if (p.done >= 3 && !stop.signal.aborted) {
          during = shown(t).total;
          stop.abort();
        }
      },
    });
    expect(result.outcome).toBe('cancelled');
    expect(during).toBeGreaterThan(0);
    expect(shown(t)).toEqual({ total: 0, live: false });
    expect(t.store.freshness(us).resumable?.productsDone).toBeGreaterThanOrEqual(3);
  });
});

describe('a refresh of a catalog already there', () => {
  it('keeps showing the previous catalog until the swap, and says no rows are provisional', async () => {
    const t = newCatalog();
    const client = sandboxClient(sandbox.baseUrl, token);
    const first = await t.engine.sync({ catalog: us, client });
    const during: Array<{ total: number; live: boolean }> = [];
    const available: Array<number | undefined> = [];
    await t.engine.sync({
      catalog: us,
      client,
      maxResumeAgeMs: 0,
      onProgress: (p) => {
        during.push(shown(t));
        available.push(p.rowsAvailable);
      },
    });
    expect(new Set(during.map((s) => JSON.stringify(s)))).toEqual(
      new Set([JSON.stringify({ total: first.skuCount, live: true })]),
    );
    expect(available.every((a) => a === undefined)).toBe(true);
  });
});
