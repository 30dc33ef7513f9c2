/**
 * The catalog store on its own: staged writes that replace instead of duplicating, the atomic swap,
 * resume checkpoints and their age limit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CatalogSearch,
  CatalogStore,
  normalizeSku,
  skuRows,
  type CatalogProduct,
  type NormalizedSku,
} from '../../../main/catalog/index';
import { openDatabase, type AppDatabase } from '../../../main/database/index';
import { CatalogSearchInput } from '../../../preload/contract';

const key = { profileId: 'p', country: 'us', scope: 'AzurePlan' as const };
let dir: string;
let db: AppDatabase;
let store: CatalogStore;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'catalog-store-'));
  db = openDatabase({ dataDir: dir });
  store = new CatalogStore(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const product = (id: string): CatalogProduct => ({
  productId: id,
  title: `Product ${id}`,
  description: '',
  productType: 'Azure',
  subType: undefined,
});
const skus = (productId: string, ids: ReadonlyArray<string>, region = 'eastus'): NormalizedSku[] =>
  ids.map((id) =>
    normalizeSku(
      { id, title: `SKU ${id}`, dynamicAttributes: { armRegionName: region, duration: '1Year' } },
      productId,
    )!,
  );

/** Stores a product's SKUs as the writer thread does: rows built by `skuRows`, then one transaction. */
const storeSkus = (generationId: number, p: CatalogProduct, items: ReadonlyArray<NormalizedSku>) =>
  store.storeSkuRows(generationId, p, skuRows(p, items));

function count(generationId: number): number {
  return (
    db.prepare('SELECT count(*) AS n FROM catalog_skus WHERE generation_id = ?').get(generationId) as {
      n: number;
    }
  ).n;
}

describe('CatalogStore', () => {
  it('normalizes catalog keys (country case, default segment)', () => {
    const id = store.ensureCatalog(key);
    expect(store.ensureCatalog({ ...key, country: 'US', segment: 'commercial' })).toBe(id);
    expect(store.findCatalog({ ...key, segment: 'education' })).toBeUndefined();
  });

  it('replaces a product’s rows when its page is stored again (retries never duplicate)', () => {
    const catalogId = store.ensureCatalog(key);
    const { generation } = store.beginStaging(catalogId, 0, 1000);
    store.storeProducts(generation.id, [product('A'), product('B')]);
    storeSkus(generation.id, product('A'), skus('A', ['1', '2', '2', '3']));
    expect(count(generation.id)).toBe(3);
    storeSkus(generation.id, product('A'), skus('A', ['1', '2']));
    expect(count(generation.id)).toBe(2);
    const info = store.generation(generation.id)!;
    expect(info).toMatchObject({ productsTotal: 2, productsDone: 1, skuCount: 2 });
    expect(store.pendingProducts(catalogId, generation.id).map((p) => p.productId)).toEqual(['B']);
  });

  it('promotes only a complete generation, in one swap, and purges the old one', () => {
    const catalogId = store.ensureCatalog(key);
    const first = store.beginStaging(catalogId, 0, 1000).generation;
    store.storeProducts(first.id, [product('A')]);
    expect(() => store.promote(catalogId, first.id, 10)).toThrow(/incomplete/);
    storeSkus(first.id, product('A'), skus('A', ['1', '2']));
    store.promote(catalogId, first.id, 10);
    const search = new CatalogSearch(store);
    expect(search.search(CatalogSearchInput.parse({ catalog: key })).total).toBe(2);

    const second = store.beginStaging(catalogId, 20, 1000).generation;
    store.storeProducts(second.id, [product('A'), product('B')]);
    storeSkus(second.id, product('A'), skus('A', ['1']));
    // Half-written: readers still see the first generation, whole.
    expect(search.search(CatalogSearchInput.parse({ catalog: key })).generationId).toBe(first.id);
    expect(search.search(CatalogSearchInput.parse({ catalog: key })).total).toBe(2);
    storeSkus(second.id, product('B'), skus('B', ['7', '8', '9'], 'westeurope'));
    store.promote(catalogId, second.id, 30);
    expect(search.search(CatalogSearchInput.parse({ catalog: key })).generationId).toBe(second.id);
    expect(search.search(CatalogSearchInput.parse({ catalog: key })).total).toBe(4);
    expect(store.purgeRetired()).toBe(1);
    expect(count(first.id)).toBe(0);
    expect(store.generation(first.id)).toBeUndefined();
    expect(search.search(CatalogSearchInput.parse({ catalog: key, text: 'sku 7' })).total).toBe(1);
    expect(store.freshness(key, 1030)).toMatchObject({
      syncedAt: 30,
      ageMs: 1000,
      productCount: 2,
      skuCount: 4,
    });
  });

  it('resumes a recent staging generation and discards an old one', () => {
    const catalogId = store.ensureCatalog(key);
    const staged = store.beginStaging(catalogId, 0, 1000).generation;
    store.storeProducts(staged.id, [product('A')]);
    expect(store.beginStaging(catalogId, 500, 1000)).toMatchObject({
      generation: { id: staged.id },
      resumed: true,
    });
    const fresh = store.beginStaging(catalogId, 5000, 1000);
    expect(fresh.resumed).toBe(false);
    // The old staged rows are gone; the new generation starts empty.
    expect(fresh.generation).toMatchObject({ createdAt: 5000, productsTotal: undefined, productsDone: 0 });
    expect((db.prepare('SELECT count(*) AS n FROM catalog_products').get() as { n: number }).n).toBe(0);
  });

  it('keeps the first offline time until Partner Center answers again', () => {
    const catalogId = store.ensureCatalog(key);
    store.markOffline(catalogId, 100, 'down');
    store.markOffline(catalogId, 200, 'still down');
    expect(store.freshness(key)).toMatchObject({ offlineSince: 100, lastError: 'still down' });
    store.markOnline(catalogId);
    expect(store.freshness(key).offlineSince).toBeUndefined();
  });

  it('answers facets before the generation is maintained, the same as after, without writing', () => {
    const catalogId = store.ensureCatalog(key);
    const { generation } = store.beginStaging(catalogId, 0, 1000);
    store.storeProducts(generation.id, [product('A'), product('B')]);
    storeSkus(generation.id, product('A'), skus('A', ['1', '2', '3'], 'eastus'));
    storeSkus(generation.id, product('B'), skus('B', ['1'], 'westeurope'));
    store.promote(catalogId, generation.id, 10);
    const changes = () => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const before = changes();
    const facetsOf = () =>
      new CatalogSearch(store).search(
        CatalogSearchInput.parse({ catalog: key, limit: 1, includeFacets: true }),
      ).facets;
    const onTheFly = facetsOf();
    // Read-only: main never waits for the writer thread's lock to show facets.
    expect(changes()).toBe(before);
    expect(onTheFly?.regions).toEqual([
      { value: 'eastus', label: 'eastus', count: 3 },
      { value: 'westeurope', label: 'westeurope', count: 1 },
    ]);
    store.maintain();
    const stored = db
      .prepare('SELECT count(*) AS n FROM catalog_facets WHERE generation_id = ?')
      .get(generation.id);
    expect((stored as { n: number }).n).toBeGreaterThan(0);
    expect(facetsOf()).toEqual(onTheFly);
  });
});
