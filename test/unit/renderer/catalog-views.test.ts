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

const views = { catalogScreenView, catalogTableView, catalogFiltersView };

describe('catalog views', () => {
  it.each(Object.entries(views))(
    '%s depends only on what it shows: sync progress and other changes do not re-render it',
    (_, view) => {
      const shown = view(loaded);
      for (const key of Object.keys(loaded) as Array<keyof CatalogState>) {
        if (key in shown) continue;
        const changed: CatalogState = { ...loaded, [key]: { changed: true } }; // any other value
        expect(shallow(shown, view(changed)), key).toBe(true);
      }
    },
  );

  it('the table view changes when what it shows changes', () => {
    expect(shallow(catalogTableView(us), catalogTableView(loaded))).toBe(false);
    expect(shallow(catalogTableView(loaded), catalogTableView(selectSku(loaded, 'P/1')))).toBe(false);
    const narrowed = changeFilters(loaded, { text: 'd4s' });
    expect(shallow(catalogTableView(loaded), catalogTableView(narrowed))).toBe(false);
    expect(shallow(catalogFiltersView(loaded), catalogFiltersView(narrowed))).toBe(false);
  });
});
