/**
 * The Catalog screen's state: which catalog, which filters, the rows loaded so far (a page at a time,
 * as the table scrolls), and the sync this screen follows. Pure changes, tested without React or a bridge.
 */
import type {
  CatalogFacets,
  CatalogScope,
  CatalogSearchInput,
  CatalogSearchResult,
  CatalogSku,
  CatalogSortColumn,
  CatalogStatus,
  DeskError,
  DeskResult,
} from '../../../preload/contract';
import type { ManualMarket } from './catalog-market';
import { pagesMissing, rowOfPages } from './paged-rows';
import { idle, loading, settle, type Load } from './load';

/**
 * Rows per request: a screenful or two. Every keystroke reads the first page, and its cost (rows
 * read, checked, sent and parsed) grows with it; scrolling asks the next pages as they come into view.
 */
export const PAGE_SIZE = 50;

export interface Range {
  readonly min?: number;
  readonly max?: number;
}

export interface CatalogFilters {
  readonly text: string;
  readonly regions: ReadonlyArray<string>;
  readonly productIds: ReadonlyArray<string>;
  readonly series: ReadonlyArray<string>;
  readonly categories: ReadonlyArray<string>;
  readonly terms: ReadonlyArray<string>;
  readonly diskTypes: ReadonlyArray<string>;
  readonly cores: Range;
  readonly ramGb: Range;
  readonly needsInventoryCheck: boolean | undefined;
}

export const noFilters: CatalogFilters = {
  text: '',
  regions: [],
  productIds: [],
  series: [],
  categories: [],
  terms: [],
  diskTypes: [],
  cores: {},
  ramGb: {},
  needsInventoryCheck: undefined,
};

export interface CatalogSelection {
  readonly profileId: string;
  readonly country: string;
  readonly scope: CatalogScope;
}

export interface CatalogState {
  readonly selection: CatalogSelection | null;
  readonly filters: CatalogFilters;
  readonly sort: { readonly by: CatalogSortColumn; readonly direction: 'asc' | 'desc' };
  /** Bumped on every change of query, so late answers to an old query are ignored. */
  readonly version: number;
  /** How many SKUs the current query matches: loading while it is asked, or why it failed. */
  readonly total: Load<number>;
  readonly pages: Readonly<Record<number, ReadonlyArray<CatalogSku>>>;
  /**
   * The same query asked again because a first sync stored more rows: the rows on screen stay until
   * the new first page replaces them all (no flash of an empty table).
   */
  readonly replacing: boolean;
  readonly facets: CatalogFacets | null;
  readonly market: CatalogSearchResult['market'] | null;
  readonly cached: boolean;
  /** The catalog's status (age, sync, market), from `catalog.open`/`catalog.status`. */
  readonly status: Load<CatalogStatus>;
  readonly selectedKey: string | null;
  /** A market picked by hand in the toolbar (see `catalogMarket`); kept when the catalog changes. */
  readonly manualMarket: ManualMarket | null;
}

export const initialCatalogState: CatalogState = {
  selection: null,
  filters: noFilters,
  sort: { by: 'productTitle', direction: 'asc' },
  version: 0,
  total: idle,
  pages: {},
  replacing: false,
  facets: null,
  market: null,
  cached: false,
  status: idle,
  selectedKey: null,
  manualMarket: null,
};

/** A stable key for a SKU row. */
export function skuKey(sku: Pick<CatalogSku, 'productId' | 'skuId'>): string {
  return `${sku.productId}/${sku.skuId}`;
}

function requery(state: CatalogState, change: Partial<CatalogState>): CatalogState {
  return {
    ...state,
    ...change,
    version: state.version + 1,
    total: { status: 'loading' },
    pages: {},
    replacing: false,
  };
}

/** The number of matches once the current query has answered; null while asking (or after a failure). */
export function matchCount(state: Pick<CatalogState, 'total'>): number | null {
  return state.total.status === 'ready' ? state.total.value : null;
}

/**
 * A first sync stored more rows, or a sync swapped in a new catalog: ask the same query again,
 * keeping what is on screen until the answer replaces it. Facets are asked again only when
 * `withFacets` (after a swap): counting them over a catalog still growing would cost the sync
 * itself time on every re-read.
 */
export function rowsArrived(state: CatalogState, withFacets: boolean): CatalogState {
  if (!state.selection) return state;
  return {
    ...state,
    version: state.version + 1,
    facets: withFacets ? null : state.facets,
    replacing: true,
  };
}

/** Another catalog (profile, market or scope): filters that named its regions or products no longer apply. */
export function selectCatalog(state: CatalogState, selection: CatalogSelection): CatalogState {
  const same =
    state.selection?.profileId === selection.profileId &&
    state.selection.country === selection.country.toUpperCase() &&
    state.selection.scope === selection.scope;
  if (same) return state;
  return requery(state, {
    selection: { ...selection, country: selection.country.toUpperCase() },
    filters: { ...noFilters, text: state.filters.text },
    facets: null,
    market: null,
    status: idle,
    selectedKey: null,
  });
}

/** The user picked a market by hand: it wins until the customer changes (the screen opens it). */
export function marketPicked(state: CatalogState, manual: ManualMarket): CatalogState {
  return { ...state, manualMarket: { ...manual, country: manual.country.toUpperCase() } };
}

export function changeFilters(state: CatalogState, patch: Partial<CatalogFilters>): CatalogState {
  return requery(state, { filters: { ...state.filters, ...patch } });
}

export function clearFilters(state: CatalogState): CatalogState {
  return requery(state, { filters: noFilters });
}

/** Sorting by the column already sorted on flips the direction. */
export function sortBy(state: CatalogState, column: CatalogSortColumn): CatalogState {
  const direction = state.sort.by === column && state.sort.direction === 'asc' ? 'desc' : 'asc';
  return requery(state, { sort: { by: column, direction } });
}

/** Whether any filter narrows the catalog. */
export function hasFilters(filters: CatalogFilters): boolean {
  return (
    filters.text.trim() !== '' ||
    filters.regions.length + filters.productIds.length + filters.series.length > 0 ||
    filters.categories.length + filters.terms.length + filters.diskTypes.length > 0 ||
    filters.cores.min !== undefined ||
    filters.cores.max !== undefined ||
    filters.ramGb.min !== undefined ||
    filters.ramGb.max !== undefined ||
    filters.needsInventoryCheck !== undefined
  );
}

const nonEmpty = <T>(values: ReadonlyArray<T>) => (values.length ? [...values] : undefined);
const range = (value: Range) =>
  value.min === undefined && value.max === undefined ? undefined : { ...value };

/** The bridge request for one page of the current query. */
export function searchInput(
  state: CatalogState,
  pageIndex: number,
  withFacets: boolean,
): CatalogSearchInput | null {
  if (!state.selection) return null;
  const { filters } = state;
  const input: CatalogSearchInput = {
    catalog: { ...state.selection },
    text: filters.text.trim() || undefined,
    regions: nonEmpty(filters.regions),
    productIds: nonEmpty(filters.productIds),
    series: nonEmpty(filters.series),
    categories: nonEmpty(filters.categories),
    terms: nonEmpty(filters.terms),
    diskTypes: nonEmpty(filters.diskTypes),
    cores: range(filters.cores),
    ramGb: range(filters.ramGb),
    needsInventoryCheck: filters.needsInventoryCheck,
    sort: { ...state.sort },
    offset: pageIndex * PAGE_SIZE,
    limit: PAGE_SIZE,
    includeFacets: withFacets,
  };
  // Drop the keys left undefined: the contract's objects are strict about unknown keys, not missing ones.
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as CatalogSearchInput;
}

/** A page arrived; it counts only if it answers the current query. */
export function pageLoaded(
  state: CatalogState,
  version: number,
  pageIndex: number,
  result: CatalogSearchResult,
): CatalogState {
  if (version !== state.version) return state;
  // Re-asked for a first sync's new rows: its first page replaces every page shown so far.
  const pages = state.replacing && pageIndex === 0 ? {} : state.pages;
  return {
    ...state,
    total: { status: 'ready', value: result.total },
    pages: { ...pages, [pageIndex]: result.rows },
    replacing: state.replacing && pageIndex !== 0,
    facets: result.facets ?? state.facets,
    market: result.market,
    cached: result.cached,
  };
}

/** The row at an index, if its page is loaded. */
export function rowAt(state: Pick<CatalogState, 'pages'>, index: number): CatalogSku | undefined {
  return rowOfPages(state.pages, PAGE_SIZE, index);
}

/** Pages the visible rows need that are not loaded yet. */
export function missingPages(state: CatalogState, firstIndex: number, lastIndex: number): number[] {
  return pagesMissing(state.pages, PAGE_SIZE, firstIndex, lastIndex);
}

/** A page of the current query could not be read: the count says why (and keeps the last one). */
export function searchFailed(state: CatalogState, version: number, error: DeskError): CatalogState {
  if (version !== state.version) return state;
  return { ...state, total: settle(state.total, { ok: false, error }), replacing: false };
}

export function statusLoaded(state: CatalogState, status: CatalogStatus): CatalogState {
  return { ...state, status: { status: 'ready', value: status } };
}

/** Asking for the status again (opening, after a sync): the last one stays on show meanwhile. */
export function statusLoading(state: CatalogState): CatalogState {
  return { ...state, status: loading(state.status) };
}

/** The answer about the status, or the failure of opening or syncing the catalog. */
export function statusSettled(state: CatalogState, result: DeskResult<CatalogStatus>): CatalogState {
  return { ...state, status: settle(state.status, result) };
}

export function selectSku(state: CatalogState, key: string | null): CatalogState {
  return { ...state, selectedKey: key };
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** "21 Nov, 14:05": when a cached catalog was synced, for the banner. */
export function formatSyncedAt(iso: string): string {
  return dateFormat.format(new Date(iso)).replace(' at ', ', ');
}

/** "about 30 s left", "about 2 min left" for the progress bar. */
export function formatEta(etaMs: number | undefined): string {
  if (etaMs === undefined) return '';
  const seconds = Math.max(1, Math.round(etaMs / 1000));
  return seconds < 90 ? `about ${seconds} s left` : `about ${Math.round(seconds / 60)} min left`;
}
