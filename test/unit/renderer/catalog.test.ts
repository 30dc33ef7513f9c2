import { describe, expect, it } from 'vitest';
import type { CatalogSearchResult, CatalogSku } from '../../../preload/contract';
import {
  changeFilters,
  formatEta,
  hasFilters,
  initialCatalogState,
  missingPages,
  PAGE_SIZE,
  pageLoaded,
  rowAt,
  searchInput,
  selectCatalog,
  sortBy,
} from '../../../renderer/src/state/catalog';

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
    const loaded = pageLoaded(newer, newer.version, 0, page([sku(1)], 1));
    expect(loaded.total).toBe(1);
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
