/**
 * The filter panel's facet counts, asked apart from the rows (a moment after the query changes) so
 * that typing and scrolling never wait for them. Pure changes, tested without a bridge.
 */
import type {
  CatalogFacets,
  CatalogSearchInput,
  CatalogSearchResult,
  FacetValue,
} from '../../../preload/contract';
import { searchInput, type CatalogFilters, type CatalogState } from './catalog';

/**
 * How long the query must stay unchanged before its facet counts are asked for: longer than the
 * pauses within a word as people type, so counts (a pass over every match) are asked once typing
 * rests, not between two keystrokes, where their answer would compete with the next rows.
 */
export const FACETS_DELAY_MS = 300;

/** The request for the current query's facets: one row is enough, the counts come with it. */
export function facetsInput(state: CatalogState): CatalogSearchInput | null {
  const input = searchInput(state, 0, true);
  return input && { ...input, limit: 1 };
}

type ListFacet = 'regions' | 'products' | 'series' | 'categories' | 'diskTypes' | 'terms';
const selectedOf: Readonly<Record<ListFacet, (filters: CatalogFilters) => ReadonlyArray<string>>> = {
  regions: (f) => f.regions,
  products: (f) => f.productIds,
  series: (f) => f.series,
  categories: (f) => f.categories,
  diskTypes: (f) => f.diskTypes,
  terms: (f) => f.terms,
};

/**
 * Facets for the query they answer (a late answer to an older query is ignored). A value the user
 * chose stays listed, with 0, when the other filters leave none of it: it can still be unticked.
 */
export function facetsLoaded(
  state: CatalogState,
  version: number,
  result: CatalogSearchResult,
): CatalogState {
  if (version !== state.version || result.facets === null) return state;
  const facets: { -readonly [K in keyof CatalogFacets]: CatalogFacets[K] } = { ...result.facets };
  for (const name of Object.keys(selectedOf) as ListFacet[]) {
    facets[name] = keepSelected(facets[name], state.facets?.[name] ?? [], selectedOf[name](state.filters));
  }
  return { ...state, facets };
}

function keepSelected(
  values: ReadonlyArray<FacetValue>,
  before: ReadonlyArray<FacetValue>,
  selected: ReadonlyArray<string>,
): ReadonlyArray<FacetValue> {
  const missing = selected.filter((value) => !values.some((facet) => facet.value === value));
  if (missing.length === 0) return values;
  return [
    ...values,
    ...missing.map((value) => ({
      value,
      label: before.find((facet) => facet.value === value)?.label ?? value,
      count: 0,
    })),
  ];
}
