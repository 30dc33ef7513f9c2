import { describe, expect, it } from 'vitest';
import type { CatalogFacets, CatalogSearchResult } from '../../../preload/contract';
import { changeFilters, initialCatalogState, selectCatalog } from '../../../renderer/src/state/catalog';
import { facetsInput, facetsLoaded } from '../../../renderer/src/state/catalog-facets';

const us = selectCatalog(initialCatalogState, { profileId: 'demo', country: 'US', scope: 'AzurePlan' });
const facets = (regions: CatalogFacets['regions']): CatalogFacets => ({
  regions,
  products: [],
  series: [],
  categories: [],
  terms: [{ value: 'P1Y', label: '1Year', count: 5 }],
  diskTypes: [],
  needsInventoryCheck: [],
  cores: null,
  ramGb: null,
});
const result = (f: CatalogFacets): CatalogSearchResult => ({
  market: { code: 'US', name: 'United States', reservationsSold: true },
  total: 1,
  offset: 0,
  rows: [],
  facets: f,
  cached: true,
});

describe('facet counts in the catalog state', () => {
  it('asks for the current query’s facets with a single row', () => {
    const state = changeFilters(us, { regions: ['eastus'] });
    expect(facetsInput(state)).toMatchObject({
      regions: ['eastus'],
      includeFacets: true,
      limit: 1,
      offset: 0,
    });
    expect(facetsInput(initialCatalogState)).toBeNull();
  });

  it('takes the facets of the current query and ignores a late answer to an older one', () => {
    const state = changeFilters(us, { text: 'd4s' });
    const fresh = facetsLoaded(state, state.version, result(facets([])));
    expect(fresh.facets?.terms[0]?.count).toBe(5);
    expect(facetsLoaded(state, state.version - 1, result(facets([])))).toBe(state);
  });

  it('keeps a chosen value listed, with 0 and its label, when the other filters leave none of it', () => {
    const before = facetsLoaded(
      us,
      us.version,
      result(facets([{ value: 'eastus', label: 'US East', count: 9 }])),
    );
    const chosen = changeFilters(before, { regions: ['eastus'], text: 'nothing-there' });
    const after = facetsLoaded(chosen, chosen.version, result(facets([])));
    expect(after.facets?.regions).toEqual([{ value: 'eastus', label: 'US East', count: 0 }]);
  });
});
