/**
 * What each part of the Catalog screen reads from the catalog store: narrow slices, compared shallowly
 * (`useShallow`), so that a sync's progress events re-render only the toolbar's progress bar, never the
 * SKU table, the filters or the screen around them.
 */
import type { CatalogState } from './catalog';

/** The screen: which catalog, its rows (to find the selected SKU), and what the banners need. */
export function catalogScreenView(state: CatalogState) {
  return {
    selection: state.selection,
    manualMarket: state.manualMarket,
    selectedKey: state.selectedKey,
    pages: state.pages,
    total: state.total,
    status: state.status,
    market: state.market,
    cached: state.cached,
    replacing: state.replacing,
  };
}

/** The SKU table: its rows, order and selection. */
export function catalogTableView(state: CatalogState) {
  return {
    total: state.total,
    sort: state.sort,
    selectedKey: state.selectedKey,
    version: state.version,
    pages: state.pages,
  };
}

/** The filter panel. */
export function catalogFiltersView(state: CatalogState) {
  return { facets: state.facets, filters: state.filters };
}
