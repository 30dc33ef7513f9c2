/** The Catalog screen's store: the pure changes in `catalog.ts`, bound to zustand and the bridge. */
import { create } from 'zustand';
import type { CatalogScope, CatalogSortColumn } from '../../../preload/contract';
import { getDesk } from '../bridge';
import {
  changeFilters,
  clearFilters,
  initialCatalogState,
  marketPicked,
  missingPages,
  pageLoaded,
  rowsArrived,
  searchFailed,
  searchInput,
  selectCatalog,
  selectSku,
  sortBy,
  statusLoaded,
  statusLoading,
  statusSettled,
  type CatalogFilters,
  type CatalogState,
} from './catalog';
import { useCustomers } from './customers-store';
import { useMarkets } from './markets-store';
import { retryWithBackoff } from './reconnect';
import { useRememberedMarket } from './remembered-market-store';
import { FACETS_DELAY_MS, facetsInput, facetsLoaded } from './catalog-facets';
import { latestOnly } from './latest-only';
import { valueOf } from './load';
import { onTaskFinished, useTasks } from './tasks-store';

/**
 * A first sync's new rows are re-read at most this often (the first ones at once): each re-read is
 * a query in main, which also drives the sync.
 */
const ROWS_REFRESH_MS = 1_000;

interface CatalogStore extends CatalogState {
  readonly lastSync: { outcome: string; message: string } | null;
  /** The sync this screen started or found running, so its end can be recognised. */
  readonly syncTaskId: string | null;
  readonly open: (profileId: string, country: string, scope?: CatalogScope) => Promise<void>;
  /** Picks a market by hand under the current customer choice; the screen then opens it. */
  readonly pickMarket: (country: string, customerChoice: number) => void;
  readonly setScope: (scope: CatalogScope) => Promise<void>;
  readonly setFilters: (patch: Partial<CatalogFilters>) => void;
  readonly clearFilters: () => void;
  readonly sortBy: (column: CatalogSortColumn) => void;
  readonly ensureRows: (firstIndex: number, lastIndex: number) => void;
  readonly select: (key: string | null) => void;
  readonly sync: () => Promise<void>;
  readonly cancelSync: () => Promise<void>;
}

export const useCatalog = create<CatalogStore>((set, get) => {
  const apply = (change: (state: CatalogState) => CatalogState) => set((state) => change(state));
  const desk = () => getDesk();
  const inFlight = new Set<string>();
  let facetsTimer: ReturnType<typeof setTimeout> | undefined;

  // Facet counts and the first page each go one at a time, and only for the latest query (see
  // `latestOnly`): a burst of typing never queues answers nobody will see.
  const loadFacets = latestOnly(
    () => get().version,
    async (version) => {
      const input = facetsInput(get());
      if (!input) return;
      const result = await desk().catalog.search(input);
      if (result.ok) apply((s) => facetsLoaded(s, version, result.value));
    },
  );
  /** Facet counts follow the query once it rests for a moment (see `FACETS_DELAY_MS`). */
  const scheduleFacets = () => {
    clearTimeout(facetsTimer);
    facetsTimer = setTimeout(loadFacets, FACETS_DELAY_MS);
  };

  /** Reads one page of the current query; a page already on its way is not asked twice. */
  const readPage = async (version: number, pageIndex: number): Promise<void> => {
    const flightKey = `${version}:${pageIndex}`;
    const input = searchInput(get(), pageIndex, false);
    if (inFlight.has(flightKey) || !input) return;
    inFlight.add(flightKey);
    try {
      const result = await desk().catalog.search(input);
      if (result.ok) apply((s) => pageLoaded(s, version, pageIndex, result.value));
      else apply((s) => searchFailed(s, version, result.error));
    } finally {
      inFlight.delete(flightKey);
    }
  };
  // The first page answers every change of query (each keystroke).
  const loadFirstPage = latestOnly(
    () => get().version,
    (version) => readPage(version, 0),
  );
  const loadPage = (pageIndex: number): void => {
    if (pageIndex === 0) loadFirstPage();
    else void readPage(get().version, pageIndex);
  };

  const refreshStatus = async () => {
    const selection = get().selection;
    if (!selection) return;
    const status = await desk().catalog.status(selection);
    if (status.ok && get().selection === selection) {
      apply((s) => statusSettled(s, status));
      if (status.value.syncTaskId) followSync(status.value.syncTaskId);
      probeWhenOffline();
    }
  };

  // While the catalog is marked offline, ask main now and then whether Partner Center is back; when
  // it is, open the catalog again (which refreshes it if it is stale) and the banner goes by itself.
  let probing: CatalogState['selection'] = null;
  const probeUntilOnline = async () => {
    const selection = get().selection;
    if (!selection || probing === selection) return;
    probing = selection;
    try {
      const online = await retryWithBackoff(
        () => get().selection === selection && Boolean(valueOf(get().status)?.offlineSince),
        async () => {
          const status = await desk().catalog.probe(selection);
          return status.ok && !status.value.offlineSince ? status.value : undefined;
        },
      );
      if (online) {
        apply((s) => statusLoaded(s, online));
        void openSelection();
      }
    } finally {
      if (probing === selection) probing = null;
    }
  };
  const probeWhenOffline = () => {
    if (valueOf(get().status)?.offlineSince) void probeUntilOnline();
  };

  const openSelection = async () => {
    const selection = get().selection;
    if (!selection) return;
    set({ lastSync: null });
    apply(statusLoading);
    loadPage(0);
    scheduleFacets();
    // No age here: main applies the user's preference (Settings), and reports it in `autoRefresh`.
    const status = await desk().catalog.open({ catalog: selection });
    if (get().selection !== selection) return;
    apply((s) => statusSettled(s, status));
    if (!status.ok) return;
    followSync(status.value.syncTaskId);
    probeWhenOffline();
  };

  /** Re-reads the rows on screen: a first sync stored more, or a sync swapped in a new catalog. */
  const showNewRows = (withFacets: boolean) => {
    apply((s) => rowsArrived(s, withFacets));
    loadPage(0);
  };

  // A first sync's rows, shown as they arrive: re-read when its progress says more are available.
  let availableShown = 0;
  let rowsRefreshedAt = Number.NEGATIVE_INFINITY;
  let rowsTimer: ReturnType<typeof setTimeout> | undefined;
  const onProgress = () => {
    const taskId = get().syncTaskId;
    const available = taskId === null ? undefined : useTasks.getState().running[taskId]?.available;
    if (available === undefined || available <= availableShown || get().cached) return;
    availableShown = available;
    if (rowsTimer !== undefined) return;
    const wait = rowsRefreshedAt + ROWS_REFRESH_MS - Date.now();
    rowsTimer = setTimeout(
      () => {
        rowsTimer = undefined;
        // The sync may have ended meanwhile: its end shows the rows once, and a second re-read would
        // throw away where the keyboard is in the table.
        if (get().syncTaskId === null || get().cached) return;
        rowsRefreshedAt = Date.now();
        showNewRows(false);
      },
      Math.max(0, wait),
    );
  };

  /**
   * Follows a sync from now on. Its progress may have come before its id did (main answers the
   * call that started it after the sync's first events): what it made available counts at once.
   */
  const followSync = (taskId: string | null) => {
    if (taskId === get().syncTaskId) return;
    availableShown = 0;
    set({ syncTaskId: taskId });
    onProgress();
  };

  let listening = false;
  const listen = () => {
    if (listening) return;
    listening = true;
    // Progress lives in the tasks store (the toolbar reads it there); this store only watches how
    // many rows a first sync has made available.
    useTasks.subscribe(onProgress);
    onTaskFinished('catalog.sync', (finished) => {
      if (get().syncTaskId !== finished.taskId) return;
      set({ lastSync: { outcome: finished.outcome, message: finished.message }, syncTaskId: null });
      availableShown = 0;
      clearTimeout(rowsTimer);
      rowsTimer = undefined;
      void refreshStatus();
      // A completed sync swapped in a new catalog: show it; a first sync that did not complete
      // leaves nothing on show.
      if (finished.outcome === 'completed' || !get().cached) showNewRows(true);
      if (finished.outcome === 'completed') scheduleFacets();
    });
  };

  return {
    ...initialCatalogState,
    lastSync: null,
    syncTaskId: null,

    async open(profileId, country, scope) {
      listen();
      await useMarkets.getState().load();
      apply((s) =>
        selectCatalog(s, { profileId, country, scope: scope ?? s.selection?.scope ?? 'AzurePlan' }),
      );
      await openSelection();
    },
    pickMarket(country, customerChoice) {
      const selection = get().selection;
      if (!selection) return;
      useMarkets.getState().used(country);
      const customerId = useCustomers.getState().current?.id ?? null;
      useRememberedMarket.getState().remember({ profileId: selection.profileId, customerId, country });
      apply((s) => marketPicked(s, { profileId: selection.profileId, choice: customerChoice, country }));
    },
    async setScope(scope) {
      const selection = get().selection;
      if (!selection) return;
      apply((s) => selectCatalog(s, { ...selection, scope }));
      await openSelection();
    },
    setFilters(patch) {
      apply((s) => changeFilters(s, patch));
      loadPage(0);
      scheduleFacets();
    },
    clearFilters() {
      apply(clearFilters);
      loadPage(0);
      scheduleFacets();
    },
    sortBy(column) {
      apply((s) => sortBy(s, column));
      loadPage(0);
    },
    ensureRows(firstIndex, lastIndex) {
      for (const page of missingPages(get(), firstIndex, lastIndex)) loadPage(page);
    },
    select(key) {
      apply((s) => selectSku(s, key));
    },
    async sync() {
      const selection = get().selection;
      if (!selection) return;
      set({ lastSync: null });
      const started = await desk().catalog.sync(selection);
      if (!started.ok) return apply((s) => statusSettled(s, started));
      followSync(started.value.taskId);
      await refreshStatus();
    },
    async cancelSync() {
      const taskId = get().syncTaskId;
      if (taskId) await useTasks.getState().cancel(taskId);
    },
  };
});
