import { describe, expect, it } from 'vitest';
import { shallow } from 'zustand/shallow';
import type { CatalogSearchResult } from '../../../preload/contract';
import {
  changeFilters,
  initialCatalogState,
  pageLoaded,
  selectCatalog,
  selectSku,
  type CatalogState,
} from '../../../renderer/src/state/catalog';
import {
  catalogFiltersView,
  catalogScreenView,
  catalogTableView,
} from '../../../renderer/src/state/catalog-views';

const us = selectCatalog(initialCatalogState, { profileId: 'demo', country: 'US', scope: 'AzurePlan' });
const page: CatalogSearchResult = {
  total: 0,
  rows: [],
  market: { code: 'US', name: 'United States', reservationsSold: true, reason: null },
  cached: true,
} as unknown as CatalogSearchResult; // only the fields pageLoaded reads matter here
const loaded = pageLoaded(us, us.version, 0, page);

/** What a sync's progress event changes in the catalog state: the progress, nothing else. */
function withProgress(state: CatalogState, done: number): CatalogState {
  return { ...state, progress: { done, total: 100 } as unknown as CatalogState['progress'] };
}

const views = { catalogScreenView, catalogTableView, catalogFiltersView };

describe('catalog views', () => {
  it.each(Object.entries(views))('%s is unchanged by sync progress, so it does not re-render', (_, view) => {
    const before = withProgress(loaded, 1);
    expect(shallow(view(loaded), view(before))).toBe(true);
    expect(shallow(view(before), view(withProgress(before, 2)))).toBe(true);
  });

  it('the table view changes when what it shows changes', () => {
    expect(shallow(catalogTableView(us), catalogTableView(loaded))).toBe(false);
    expect(shallow(catalogTableView(loaded), catalogTableView(selectSku(loaded, 'P/1')))).toBe(false);
    const narrowed = changeFilters(loaded, { text: 'd4s' });
    expect(shallow(catalogTableView(loaded), catalogTableView(narrowed))).toBe(false);
    expect(shallow(catalogFiltersView(loaded), catalogFiltersView(narrowed))).toBe(false);
  });
});
