/** The Catalog screen's store: the pure changes in `catalog.ts`, bound to zustand and the bridge. */
import { create } from 'zustand';
import type { CatalogScope, CatalogSortColumn, DeskError } from '../../../preload/contract';
import { getDesk } from '../bridge';
import {
  changeFilters,
  clearFilters,
  initialCatalogState,
  marketPicked,
  missingPages,
  pageLoaded,
  searchInput,
  selectCatalog,
  selectSku,
  sortBy,
  statusLoaded,
  type CatalogFilters,
  type CatalogState,
} from './catalog';
import { useCustomers } from './customers-store';
import { useMarkets } from './markets-store';
import { reconnectDelayMs } from './reconnect';
import { useRememberedMarket } from './remembered-market-store';
import { FACETS_DELAY_MS, facetsInput, facetsLoaded } from './catalog-facets';
import { onTaskFinished, useTasks } from './tasks-store';

interface CatalogStore extends CatalogState {
  readonly error: DeskError | null;
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
  // Set when the last error came from a search, so the next search that works takes its bar away.
  let searchFailed = false;
  let facetsTimer: ReturnType<typeof setTimeout> | undefined;

  const loadFacets = async () => {
    const state = get();
    const input = facetsInput(state);
    if (!input) return;
    const result = await desk().catalog.search(input);
    if (result.ok) apply((s) => facetsLoaded(s, state.version, result.value));
  };
  /** Facet counts follow the query once it rests for a moment (see `FACETS_DELAY_MS`). */
  const scheduleFacets = () => {
    clearTimeout(facetsTimer);
    facetsTimer = setTimeout(() => void loadFacets(), FACETS_DELAY_MS);
  };

  const loadPage = async (pageIndex: number) => {
    const state = get();
    const { version } = state;
    const flightKey = `${version}:${pageIndex}`;
    if (inFlight.has(flightKey)) return;
    const input = searchInput(state, pageIndex, false);
    if (!input) return;
    inFlight.add(flightKey);
    const result = await desk().catalog.search(input);
    inFlight.delete(flightKey);
    if (result.ok) {
      apply((s) => pageLoaded(s, version, pageIndex, result.value));
      if (searchFailed) set({ error: null });
      searchFailed = false;
    } else if (get().version === version) {
      searchFailed = true;
      set({ error: result.error });
    }
  };

  const refreshStatus = async () => {
    const selection = get().selection;
    if (!selection) return;
    const status = await desk().catalog.status(selection);
    if (status.ok && get().selection === selection) {
      apply((s) => statusLoaded(s, status.value));
      if (status.value.syncTaskId) set({ syncTaskId: status.value.syncTaskId });
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
      for (let attempt = 0; ; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(attempt)));
        if (get().selection !== selection || !get().status?.offlineSince) return;
        const status = await desk().catalog.probe(selection);
        if (get().selection !== selection) return;
        if (status.ok && !status.value.offlineSince) {
          apply((s) => statusLoaded(s, status.value));
          return void openSelection();
        }
      }
    } finally {
      if (probing === selection) probing = null;
    }
  };
  const probeWhenOffline = () => {
    if (get().status?.offlineSince) void probeUntilOnline();
  };

  const openSelection = async () => {
    const selection = get().selection;
    if (!selection) return;
    set({ error: null, lastSync: null });
    void loadPage(0);
    scheduleFacets();
    // No age here: main applies the user's preference (Settings), and reports it in `autoRefresh`.
    const status = await desk().catalog.open({ catalog: selection });
    if (get().selection !== selection) return;
    if (!status.ok) return set({ error: status.error });
    apply((s) => statusLoaded(s, status.value));
    set({ syncTaskId: status.value.syncTaskId });
    probeWhenOffline();
  };

  let listening = false;
  const listen = () => {
    if (listening) return;
    listening = true;
    // Progress lives in the tasks store (the toolbar reads it there); the end of this screen's sync
    // is what makes it refresh.
    onTaskFinished('catalog.sync', (finished) => {
      if (get().syncTaskId !== finished.taskId) return;
      set({ lastSync: { outcome: finished.outcome, message: finished.message }, syncTaskId: null });
      void refreshStatus();
      // A completed sync swapped in a new catalog: show it.
      if (finished.outcome === 'completed') {
        apply((s) => changeFilters(s, {}));
        void loadPage(0);
        scheduleFacets();
      }
    });
  };

  return {
    ...initialCatalogState,
    error: null,
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
      void loadPage(0);
      scheduleFacets();
    },
    clearFilters() {
      apply(clearFilters);
      void loadPage(0);
      scheduleFacets();
    },
    sortBy(column) {
      apply((s) => sortBy(s, column));
      void loadPage(0);
    },
    ensureRows(firstIndex, lastIndex) {
      for (const page of missingPages(get(), firstIndex, lastIndex)) void loadPage(page);
    },
    select(key) {
      apply((s) => selectSku(s, key));
    },
    async sync() {
      const selection = get().selection;
      if (!selection) return;
      set({ lastSync: null, error: null });
      const started = await desk().catalog.sync(selection);
      if (!started.ok) return set({ error: started.error });
      set({ syncTaskId: started.value.taskId });
      await refreshStatus();
    },
    async cancelSync() {
      const taskId = get().syncTaskId;
      if (taskId) await useTasks.getState().cancel(taskId);
    },
  };
});
