import { describe, expect, it } from 'vitest';
import type { CatalogSearchResult, CatalogSku } from '../../../preload/contract';
import {
  changeFilters,
  formatEta,
  hasFilters,
  initialCatalogState,
  matchCount,
  missingPages,
  PAGE_SIZE,
  pageLoaded,
  rowAt,
  rowsArrived,
  searchFailed,
  searchInput,
  selectCatalog,
  sortBy,
  statusLoaded,
  statusLoading,
  statusSettled,
  type CatalogState,
} from '../../../renderer/src/state/catalog';
import type { CatalogStatus, DeskError } from '../../../preload/contract';

const us = selectCatalog(initialCatalogState, { profileId: 'demo', country: 'us', scope: 'AzurePlan' });

const sku = (i: number): CatalogSku => ({
  productId: 'P',
  skuId: String(i),
  productTitle: 'Dsv5',
  title: `SKU ${i}`,
  description: '',
  armSkuName: null,
  skuDisplayName: null,
  region: 'US East',
  armRegionName: 'eastus',
  cores: 4,
  ramGb: 16,
  term: 'P1Y',
  duration: '1Year',
  category: null,
  diskType: null,
  vmSeries: null,
  needsInventoryCheck: false,
  prerequisites: [],
  minimumQuantity: 1,
  maximumQuantity: 10,
  attributes: {},
});

const page = (rows: CatalogSku[], total: number): CatalogSearchResult => ({
  market: { code: 'US', name: 'United States', reservationsSold: true },
  total,
  offset: 0,
  rows,
  facets: null,
  cached: true,
});

describe('catalog state', () => {
  it('normalizes the market and starts a fresh query when the catalog changes', () => {
    expect(us.selection).toEqual({ profileId: 'demo', country: 'US', scope: 'AzurePlan' });
    expect(selectCatalog(us, { profileId: 'demo', country: 'US', scope: 'AzurePlan' })).toBe(us);
    const legacy = selectCatalog(changeFilters(us, { regions: ['eastus'], text: 'd4s' }), {
      profileId: 'demo',
      country: 'US',
      scope: 'MS-AZR-0145P',
    });
    // Region lists belong to a catalog; the words typed are kept.
    expect(legacy.filters.regions).toEqual([]);
    expect(legacy.filters.text).toBe('d4s');
  });

  it('ignores a page that answers an older query', () => {
    const v = us.version;
    const newer = changeFilters(us, { text: 'e4' });
    expect(pageLoaded(newer, v, 0, page([sku(1)], 1))).toBe(newer);
    expect(newer.total).toEqual({ status: 'loading' });
    expect(matchCount(newer)).toBeNull();
    const loaded = pageLoaded(newer, newer.version, 0, page([sku(1)], 1));
    expect(loaded.total).toEqual({ status: 'ready', value: 1 });
    expect(matchCount(loaded)).toBe(1);
  });

  it('a failed search says why, keeping the last count; a late failure of an old query is ignored', () => {
    const loaded = pageLoaded(us, us.version, 0, page([sku(1)], 7));
    const error: DeskError = { code: 'INTERNAL', message: 'The catalog could not be read.' };
    expect(searchFailed(loaded, loaded.version - 1, error)).toBe(loaded);
    const failed = searchFailed(loaded, loaded.version, error);
    expect(failed.total).toEqual({ status: 'error', error, previous: 7 });
    expect(matchCount(failed)).toBeNull();
  });

  it('re-asks the query for a first sync’s new rows, keeping the rows on screen until the answer', () => {
    const two = pageLoaded(
      pageLoaded(us, us.version, 0, page([sku(0)], 2 * PAGE_SIZE)),
      us.version,
      1,
      page([sku(PAGE_SIZE)], 2 * PAGE_SIZE),
    );
    const withFacets = { ...two, facets: { regions: [] } as unknown as CatalogState['facets'] };
    const asking = rowsArrived(withFacets, false);
    expect(asking.version).toBe(two.version + 1);
    expect(asking.pages).toBe(two.pages);
    expect(matchCount(asking)).toBe(2 * PAGE_SIZE);
    // While the catalog grows, its facets are not counted again; after the swap they are.
    expect(asking.facets).toBe(withFacets.facets);
    expect(rowsArrived(withFacets, true).facets).toBeNull();
    const answered = pageLoaded(asking, asking.version, 0, page([sku(0), sku(1)], 3 * PAGE_SIZE));
    expect(Object.keys(answered.pages)).toEqual(['0']);
    expect(answered.replacing).toBe(false);
    expect(matchCount(answered)).toBe(3 * PAGE_SIZE);
    expect(rowsArrived(initialCatalogState, true)).toBe(initialCatalogState);
  });

  it('keeps the catalog status as a load: the last one stays while asking, and a failure says why', () => {
    const status = { syncedAt: null, skuCount: 0 } as unknown as CatalogStatus; // only identity matters
    expect(us.status).toEqual({ status: 'idle' });
    const ready = statusLoaded(us, status);
    expect(ready.status).toEqual({ status: 'ready', value: status });
    expect(statusLoading(ready).status).toEqual({ status: 'loading', previous: status });
    const error: DeskError = { code: 'OFFLINE', message: 'Partner Center cannot be reached.' };
    expect(statusSettled(statusLoading(ready), { ok: false, error }).status).toEqual({
      status: 'error',
      error,
      previous: status,
    });
    // Another catalog starts from nothing.
    expect(selectCatalog(ready, { profileId: 'demo', country: 'DE', scope: 'AzurePlan' }).status).toEqual({
      status: 'idle',
    });
  });

  it('finds rows by index across pages and knows which pages are missing', () => {
    const first = pageLoaded(us, us.version, 0, page([sku(0), sku(1)], 5 * PAGE_SIZE));
    expect(rowAt(first, 1)?.skuId).toBe('1');
    expect(rowAt(first, PAGE_SIZE)).toBeUndefined();
    expect(missingPages(first, 0, PAGE_SIZE * 2 + 3)).toEqual([1, 2]);
  });

  it('builds a request with only the filters that are set, and flips the sort on a second click', () => {
    const filtered = changeFilters(us, { cores: { min: 4 }, terms: ['P3Y'] });
    const input = searchInput(sortBy(sortBy(filtered, 'cores'), 'cores'), 2, false)!;
    expect(input).toMatchObject({
      cores: { min: 4 },
      terms: ['P3Y'],
      sort: { by: 'cores', direction: 'desc' },
    });
    expect(input.offset).toBe(2 * PAGE_SIZE);
    expect(input).not.toHaveProperty('regions');
    expect(hasFilters(filtered.filters)).toBe(true);
    expect(hasFilters(us.filters)).toBe(false);
  });

  it('says how long is left in words', () => {
    expect(formatEta(undefined)).toBe('');
    expect(formatEta(12_400)).toBe('about 12 s left');
    expect(formatEta(240_000)).toBe('about 4 min left');
  });
});
