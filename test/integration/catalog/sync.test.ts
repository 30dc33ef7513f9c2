/**
 * Catalog sync against the sandbox (small catalog) over real HTTP into a real SQLite file: complete,
 * cancelled, killed and resumed, offline, faults, unavailable markets and availabilities. Joining a
 * running sync and stale-while-revalidate are the catalog service's (see catalog-service.test.ts).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  getSkuAvailabilities,
  startWorkerSkuWriter,
  isCatalogStale,
  type CatalogKey,
  type CatalogSyncProgress,
} from '../../../main/catalog/index';
import { syncSummary } from '../../../main/catalog/catalog-service';
import { startSandbox } from '../../../main/sandbox/index';
import { startFixtureProcess } from '../support/fixture-process';
import {
  appOnlyToken,
  countingFetch,
  expectedProductCount,
  expectedSkuCount,
  rowCounts,
  sandboxClient,
  sandboxPerFile,
} from './helpers';

const us: CatalogKey = { profileId: 'demo', country: 'US', scope: 'AzurePlan' };

const world = sandboxPerFile();

describe('catalog sync', () => {
  it('syncs every product and SKU of a scope, reporting progress to the end', async () => {
    const t = world.open();
    const progress: CatalogSyncProgress[] = [];
    const result = await t.engine.sync({
      catalog: us,
      client: world.client(),
      onProgress: (p) => progress.push(p),
    });
    expect(result.outcome).toBe('completed');
    expect(result.productsTotal).toBe(expectedProductCount(world.sandbox(), 'AzurePlan'));
    expect(result.skuCount).toBe(expectedSkuCount(world.sandbox(), 'AzurePlan'));
    expect(result.requests).toBe(1 + expectedProductCount(world.sandbox(), 'AzurePlan'));
    const counts = rowCounts(t.db, result.generationId!);
    expect(counts).toEqual({ rows: result.skuCount, distinct: result.skuCount, fts: result.skuCount });

    const last = progress.at(-1)!;
    expect(last.phase).toBe('done');
    expect(last.done).toBe(last.total);
    const dones = progress.map((p) => p.done);
    expect([...dones].sort((a, b) => a - b)).toEqual(dones);
    expect(progress.some((p) => p.phase === 'skus' && p.etaMs !== undefined && p.ratePerSecond > 0)).toBe(
      true,
    );

    const freshness = t.store.freshness(us);
    expect(freshness.syncedAt).toBeGreaterThan(0);
    expect(freshness.skuCount).toBe(result.skuCount);
    expect(freshness.lastRun?.outcome).toBe('completed');
    expect(freshness.resumable).toBeUndefined();
  });

  it('reads and stores SKU pages on two threads, retrying malformed pages, and tidies up off main', async () => {
    const t = world.open();
    const writer = await startWorkerSkuWriter({ file: t.db.name });
    try {
      // The first three SKU pages arrive cut in half: the reader thread refuses them, and the sync
      // fetches them again.
      let cut = 0;
      const cutting: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (!response.url.includes('/skus') || cut >= 3) return response;
        cut += 1;
        const text = await response.text();
        return new Response(text.slice(0, text.length / 2), { status: 200, headers: response.headers });
      };
      const client = world.client({ fetch: cutting });
      const result = await t.engine.sync({ catalog: us, client, writer });
      expect(result.outcome).toBe('completed');
      // Every product's page once, the three cut ones again, and the product list.
      expect(result.requests).toBe(expectedProductCount(world.sandbox(), 'AzurePlan') + 3 + 1);
      const expected = expectedSkuCount(world.sandbox(), 'AzurePlan');
      expect(rowCounts(t.db, result.generationId!)).toEqual({
        rows: expected,
        distinct: expected,
        fts: expected,
      });
      // The writer thread builds the facets and merges the full-text index after the swap.
      const maintained = () =>
        (
          t.db
            .prepare('SELECT maintained FROM catalog_generations WHERE id = ?')
            .get(result.generationId) as {
            maintained: number;
          }
        ).maintained;
      await expect.poll(maintained, { timeout: 30_000 }).toBe(1);
      expect(t.search.search({ catalog: us, text: 'standard', limit: 1 }).total).toBeGreaterThan(0);
      // A second sync through the same threads replaces the catalog like the in-process one.
      const again = await t.engine.sync({ catalog: us, client, writer });
      expect(again.outcome).toBe('completed');
      expect(rowCounts(t.db, again.generationId!).rows).toBe(expected);
    } finally {
      await writer.close();
    }
  });

  it('fails a sync whose pages cannot be stored, and says so, keeping the previous catalog', async () => {
    const t = world.open();
    const client = world.client();
    const first = await t.engine.sync({ catalog: us, client });
    expect(first.outcome).toBe('completed');
    const writer = await startWorkerSkuWriter({ file: t.db.name });
    // The writer's transactions now fail, as they would on a full disk.
    t.db.exec('DROP TABLE catalog_sku_fts');
    const result = await t.engine.sync({ catalog: us, client, writer });
    await writer.close();
    expect(result.outcome).toBe('failed');
    expect(result.reason).toBe('The catalog could not be refreshed.');
    expect(syncSummary(result, t.store.freshness(us))).toEqual({
      outcome: 'failed',
      message: `The catalog could not be refreshed. The previous catalog (${first.skuCount.toLocaleString('en-US')} SKUs) is still here.`,
      skuCount: first.skuCount,
    });
    expect(t.store.liveGenerationId(us)).toBe(first.generationId);
  });

  it('syncs the MS-AZR-0145P scope separately from the Azure plan scope', async () => {
    const t = world.open();
    const legacy: CatalogKey = { ...us, scope: 'MS-AZR-0145P' };
    const client = world.client();
    const [plan, old] = await Promise.all([
      t.engine.sync({ catalog: us, client }),
      t.engine.sync({ catalog: legacy, client }),
    ]);
    expect(plan.skuCount).toBe(expectedSkuCount(world.sandbox(), 'AzurePlan'));
    expect(old.skuCount).toBe(expectedSkuCount(world.sandbox(), 'MS-AZR-0145P'));
    expect(t.search.search({ catalog: legacy, limit: 1 }).total).toBe(old.skuCount);
    const row = t.search.search({ catalog: legacy, limit: 1 }).rows[0]!;
    expect(row.provisioningVariables).toContain('Duration');
  });

  it('replaces the previous generation atomically and leaves no retired rows behind', async () => {
    const t = world.open();
    const client = world.client();
    const first = await t.engine.sync({ catalog: us, client });
    const second = await t.engine.sync({ catalog: us, client });
    expect(second.outcome).toBe('completed');
    expect(second.generationId).not.toBe(first.generationId);
    const generations = t.db.prepare('SELECT id, state FROM catalog_generations').all();
    expect(generations).toEqual([{ id: second.generationId, state: 'live' }]);
    expect((t.db.prepare('SELECT count(*) AS n FROM catalog_skus').get() as { n: number }).n).toBe(
      second.skuCount,
    );
  });

  it.each(['main thread', 'reader and writer threads'] as const)(
    'a sync cancelled half-way leaves the previous catalog visible and whole, then resumes (%s)',
    async (where) => {
      const t = world.open();
      const writer = where === 'main thread' ? undefined : await startWorkerSkuWriter({ file: t.db.name });
      const on = writer === undefined ? {} : { writer };
      const fast = world.client();
      const before = await t.engine.sync({ catalog: us, client: fast, ...on });
      const shown = t.search.search({ catalog: us, limit: 1000 });

      const slowSandbox = await startSandbox({ catalog: 'small', lineItems: 100, latencyMs: 60 });
      try {
        const slowToken = await appOnlyToken(slowSandbox);
        const controller = new AbortController();
        const cancelled = await t.engine.sync({
          catalog: us,
          client: sandboxClient(slowSandbox.baseUrl, slowToken, {
            budget: { maxConcurrency: 2, requestsPerMinute: 100_000 },
          }),
          signal: controller.signal,
          ...on,
          onProgress: (p) => {
            if (p.phase === 'skus' && p.done >= 4) controller.abort();
          },
        });
        expect(cancelled.outcome).toBe('cancelled');
        expect(cancelled.productsDone).toBeGreaterThanOrEqual(4);
        expect(cancelled.productsDone).toBeLessThan(cancelled.productsTotal!);

        // What the screen shows has not changed at all.
        const still = t.search.search({ catalog: us, limit: 1000 });
        expect(still.generationId).toBe(before.generationId);
        expect(still.total).toBe(shown.total);
        expect(still.rows).toEqual(shown.rows);
        const freshness = t.store.freshness(us);
        expect(freshness.lastRun?.outcome).toBe('cancelled');
        expect(freshness.resumable?.productsDone).toBe(cancelled.productsDone);

        const counter = countingFetch();
        const resumed = await t.engine.sync({
          catalog: us,
          client: sandboxClient(slowSandbox.baseUrl, slowToken, { fetch: counter.fetch }),
          ...on,
        });
        expect(resumed.outcome).toBe('completed');
        expect(resumed.resumed).toBe(true);
        // Only the products not yet done are fetched again; the product list is not.
        expect(counter.requests).toBe(resumed.productsTotal! - cancelled.productsDone);
        expect(rowCounts(t.db, resumed.generationId!)).toEqual({
          rows: before.skuCount,
          distinct: before.skuCount,
          fts: before.skuCount,
        });
      } finally {
        await writer?.close();
        await slowSandbox.close();
      }
    },
  );

  it('a sync killed half-way (SIGKILL) resumes where it stopped, without duplicates', async () => {
    const t = world.open();
    const slowSandbox = await startSandbox({ catalog: 'small', lineItems: 100, latencyMs: 150 });
    try {
      const slowToken = await appOnlyToken(slowSandbox);
      t.db.close();
      const { child, stderr } = startFixtureProcess(
        path.join(import.meta.dirname, 'fixtures', 'sync-child.ts'),
        { CATALOG_DATA_DIR: t.dir, SANDBOX_URL: slowSandbox.baseUrl, SANDBOX_TOKEN: slowToken },
      );
      const killedAt = await new Promise<number>((resolve, reject) => {
        let buffer = '';
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          for (const line of buffer.split('\n').slice(0, -1)) {
            const event = JSON.parse(line) as { phase?: string; done?: number };
            if (event.phase === 'skus' && (event.done ?? 0) >= 3) {
              child.kill('SIGKILL');
              resolve(event.done ?? 0);
            }
          }
          buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
        });
        child.on('exit', () => reject(new Error(`child exited before it was killed: ${stderr()}`)));
      });
      await new Promise((resolve) => child.once('exit', resolve).once('close', resolve));
      expect(killedAt).toBeGreaterThanOrEqual(3);

      t.reopen();
      const staged = t.store.freshness(us);
      expect(staged.syncedAt).toBeUndefined();
      expect(staged.resumable?.productsDone).toBeGreaterThanOrEqual(3);
      expect(staged.lastRun?.outcome).toBe('running');

      const counter = countingFetch();
      const resumed = await t.engine.sync({
        catalog: us,
        client: sandboxClient(slowSandbox.baseUrl, slowToken, { fetch: counter.fetch }),
      });
      expect(resumed.outcome).toBe('completed');
      expect(resumed.resumed).toBe(true);
      expect(counter.requests).toBeLessThanOrEqual(resumed.productsTotal! - staged.resumable!.productsDone);
      const expected = expectedSkuCount(slowSandbox, 'AzurePlan');
      expect(rowCounts(t.db, resumed.generationId!)).toEqual({
        rows: expected,
        distinct: expected,
        fts: expected,
      });
      const outcomes = t.db.prepare('SELECT outcome FROM catalog_sync_runs ORDER BY id').all();
      expect(outcomes).toEqual([{ outcome: 'interrupted' }, { outcome: 'completed' }]);
    } finally {
      await slowSandbox.close();
    }
  });

  it('offline: keeps serving the cache and reports since when it is offline', async () => {
    const t = world.open();
    const own = await startSandbox({ catalog: 'small', lineItems: 100 });
    const ownToken = await appOnlyToken(own);
    const client = sandboxClient(own.baseUrl, ownToken);
    const synced = await t.engine.sync({ catalog: us, client });
    const sku = t.search.search({ catalog: us, limit: 1 }).rows[0]!;
    const fetched = await getSkuAvailabilities(t.store, {
      catalog: us,
      productId: sku.productId,
      skuId: sku.skuId,
      client,
    });
    expect(fetched.items.length).toBeGreaterThan(0);
    await own.close();

    const offline = await t.engine.sync({ catalog: us, client });
    expect(offline.outcome).toBe('offline');
    expect(offline.reason).toMatch(/connection|reach/i);
    const freshness = t.store.freshness(us);
    expect(freshness.offlineSince).toBeGreaterThan(0);
    expect(freshness.syncedAt).toBeDefined();
    const result = t.search.search({ catalog: us, limit: 5 });
    expect(result.total).toBe(synced.skuCount);
    expect(result.generationId).toBe(synced.generationId);

    const cached = await getSkuAvailabilities(t.store, {
      catalog: us,
      productId: sku.productId,
      skuId: sku.skuId,
      client,
      refresh: 'if-stale',
      maxAgeMs: 0,
    });
    expect(cached).toMatchObject({ offline: true, fromCache: true });
    expect(cached.items).toEqual(fetched.items);
    // Right before a purchase a cached catalogItemId is not good enough.
    await expect(
      getSkuAvailabilities(t.store, {
        catalog: us,
        productId: sku.productId,
        skuId: sku.skuId,
        client,
        refresh: 'always',
      }),
    ).rejects.toMatchObject({ kind: expect.stringMatching(/network|offline|timeout/) as unknown });
    // The offline time is kept from the first failure, not moved by later ones.
    expect(t.store.freshness(us).offlineSince).toBe(freshness.offlineSince);
  });

  it('completes with no duplicate rows when Partner Center throttles and fails (429:0.1,503:0.05)', async () => {
    const t = world.open();
    const faulty = await startSandbox({
      catalog: 'small',
      lineItems: 100,
      faults: '429:0.1,503:0.05',
      seed: 7,
    });
    try {
      const counter = countingFetch();
      const result = await t.engine.sync({
        catalog: us,
        client: sandboxClient(faulty.baseUrl, await appOnlyToken(faulty), { fetch: counter.fetch }),
      });
      expect(result.outcome).toBe('completed');
      expect((counter.statuses.get(429) ?? 0) + (counter.statuses.get(503) ?? 0)).toBeGreaterThan(0);
      const expected = expectedSkuCount(faulty, 'AzurePlan');
      expect(rowCounts(t.db, result.generationId!)).toEqual({
        rows: expected,
        distinct: expected,
        fts: expected,
      });
    } finally {
      await faulty.close();
    }
  });

  it('does not call Partner Center for markets where reservations are not sold', async () => {
    const t = world.open();
    const counter = countingFetch();
    const brazil: CatalogKey = { profileId: 'demo', country: 'br', scope: 'AzurePlan' };
    const result = await t.engine.sync({
      catalog: brazil,
      client: world.client({ fetch: counter.fetch }),
    });
    expect(result.outcome).toBe('unavailable');
    expect(result.reason).toMatch(/Brazil/);
    expect(counter.requests).toBe(0);
    const search = t.search.search({ catalog: brazil });
    expect(search.market).toMatchObject({ country: 'BR', available: false });
    expect(search.market.reason).toMatch(/not sold/);
    expect(search.total).toBe(0);
    expect(t.store.freshness(brazil).lastRun?.outcome).toBe('unavailable');
    expect(isCatalogStale(t.store.freshness(brazil), 0)).toBe(false);
  });

  it('caches availabilities and refreshes them when asked (before a cart uses them)', async () => {
    const t = world.open();
    const counter = countingFetch();
    const client = world.client({ fetch: counter.fetch });
    await t.engine.sync({ catalog: us, client });
    const sku = t.search.search({ catalog: us, limit: 1 }).rows[0]!;
    const before = counter.requests;
    let now = 1_000_000;
    const request = { catalog: us, productId: sku.productId, skuId: sku.skuId, client, now: () => now };
    const first = await getSkuAvailabilities(t.store, request);
    expect(first.fromCache).toBe(false);
    expect(first.items[0]!.catalogItemId).toMatch(new RegExp(`^${sku.productId}:${sku.skuId}:`));
    expect(first.fetchedAt).toBe(1_000_000);
    now += 1_000;
    const second = await getSkuAvailabilities(t.store, request);
    expect(second).toMatchObject({ fromCache: true, fetchedAt: 1_000_000 });
    const forced = await getSkuAvailabilities(t.store, { ...request, refresh: 'always' });
    expect(forced).toMatchObject({ fromCache: false, fetchedAt: 1_001_000 });
    expect(forced.items).toEqual(first.items.map((item) => ({ ...item, fetchedAt: 1_001_000 })));
    expect(counter.requests - before).toBe(2);
  });
});
