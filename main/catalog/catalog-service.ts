/**
 * Serves the `catalog.*` calls: the offline catalog's status, search, background sync (a task of the
 * task engine: progress, cancel, one outcome), availabilities on demand and inventory checks.
 */
import type {
  AvailabilitiesResult,
  CatalogKey,
  CatalogSearchResult,
  CatalogSku,
  CatalogStatus,
  InventoryCheckResult,
  Market,
} from '../../preload/contract';
import { assertNever } from '../../preload/assert-never';
import { DEFAULT_CATALOG_MAX_AGE_MINUTES } from '../../preload/contract';
import { DeskFailure } from '../ipc/failure';
import { marketName, reservationsSoldIn, servedMarkets } from '../markets';
import type { PartnerCenterClient } from '../partner-center';
import type { TaskEngine, TaskSummary } from '../tasks';
import { getSkuAvailabilities, type AvailabilityRefresh } from './availability';
import { checkSkuInventory, type SkuInventoryRequest } from './inventory';
import { marketStatus, type MarketStatus } from './market';
import { CatalogSearch, nothingFound, type CatalogSearchQuery, type GenerationSearchResult } from './search';
import type { CatalogSearchThread } from './search-thread';
import type { CatalogStore } from './store';
import { inProcessSkuWriter, writerWhenReady, type SkuWriter } from './sku-writer';
import {
  CatalogSyncEngine,
  isCatalogStale,
  isOfflineError,
  type CatalogSyncResult,
  type SyncPhase,
} from './sync';
import { normalizeCatalogKey, type CatalogSkuRow } from './types';

/** A probe for the network waits this long for an answer: a reachable service answers far sooner. */
const PROBE_TIMEOUT_MS = 5_000;

/** Stale after this when nobody says otherwise (the bridge handlers pass the user's preference). */
const DEFAULT_MAX_AGE_MINUTES = DEFAULT_CATALOG_MAX_AGE_MINUTES;

export interface CatalogServiceOptions {
  readonly store: CatalogStore;
  /** Runs the syncs: one per catalog at a time, with progress, cancel and a finish event. */
  readonly tasks: TaskEngine;
  readonly clientFor: (profileId: string) => Promise<PartnerCenterClient>;
  /**
   * Starts the threads that read and store SKU pages (`startWorkerSkuWriter`), once, at the first
   * sync. Without it, or when they cannot start, syncs read and store on this thread.
   */
  readonly startWriter?: () => Promise<SkuWriter>;
  /** Told when the writer threads cannot start or fail; the syncs go on without them. */
  readonly onWriterFailure?: (error: unknown) => void;
  /**
   * Starts the thread that answers searches with facet counts (`startCatalogSearchThread`), once, at
   * the first such search. Without it, until it is ready, or when it fails, they run on this thread.
   */
  readonly startSearchThread?: () => Promise<CatalogSearchThread>;
  /** Told when the search thread cannot start or fails; searches go on without it. */
  readonly onSearchThreadFailure?: (error: unknown) => void;
}

function toMarket(status: MarketStatus): Market {
  return {
    code: status.country,
    name: status.name,
    reservationsSold: status.available,
    ...(status.reason ? { reason: status.reason } : {}),
  };
}

/** Every market Partner Center serves, and whether reservations are sold there. */
export function allMarkets(): Market[] {
  return servedMarkets()
    .map((code) => toMarket(marketStatus(code)))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

function toSku(row: CatalogSkuRow): CatalogSku {
  const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);
  return {
    productId: row.productId,
    skuId: row.skuId,
    productTitle: row.productTitle,
    title: row.title,
    description: row.description,
    armSkuName: orNull(row.armSkuName),
    skuDisplayName: orNull(row.skuDisplayName),
    region: orNull(row.region),
    armRegionName: orNull(row.armRegionName),
    cores: orNull(row.cores),
    ramGb: orNull(row.ramGb),
    term: orNull(row.term),
    duration: orNull(row.duration),
    category: orNull(row.category),
    diskType: orNull(row.diskType),
    vmSeries: orNull(row.vmSeries),
    needsInventoryCheck: row.needsInventoryCheck,
    prerequisites: row.prerequisites,
    minimumQuantity: orNull(row.minimumQuantity),
    maximumQuantity: orNull(row.maximumQuantity),
    billingCycles: row.billingCycles,
    attributes: row.attributes,
  };
}

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** The catalog that stays in place when a sync does not complete: the live one, if any. */
export interface CatalogInPlace {
  readonly skuCount: number;
  readonly syncedAt: number | undefined;
}

/** How a sync ended, for the screen: the outcome, its words, and the SKUs the catalog now has. */
export function syncSummary(
  result: CatalogSyncResult,
  inPlace: CatalogInPlace,
): { outcome: CatalogSyncResult['outcome']; message: string; skuCount: number } {
  // A run that did not complete swapped nothing in: its partial count is not the catalog's.
  const skuCount = result.outcome === 'completed' ? result.skuCount : inPlace.skuCount;
  return { outcome: result.outcome, message: syncMessage(result, inPlace), skuCount };
}

/** Words for the end of a sync, for the screen; `result.reason` is already written for people. */
export function syncMessage(result: CatalogSyncResult, inPlace: CatalogInPlace): string {
  const kept =
    inPlace.syncedAt === undefined
      ? 'No catalog is saved for this market yet.'
      : `The previous catalog (${inPlace.skuCount.toLocaleString('en-US')} SKUs) is still here.`;
  switch (result.outcome) {
    case 'completed':
      return `Catalog updated: ${result.skuCount.toLocaleString('en-US')} SKUs.`;
    case 'cancelled':
      return `Sync cancelled. ${kept} The next sync continues where this one stopped.`;
    case 'offline':
      return `Partner Center cannot be reached. ${kept} Try again when you are online.`;
    case 'unavailable':
      return result.reason ?? 'Azure reservations are not sold in this market.';
    case 'failed':
      return `${result.reason ?? 'The catalog could not be refreshed.'} ${kept}`;
    default:
      return assertNever(result.outcome, 'sync outcome');
  }
}

/** The sync's step, in words for the progress line. */
const phaseWords: Readonly<Record<SyncPhase, string>> = {
  products: 'Reading the product list…',
  skus: 'Reading SKUs…',
  finalizing: 'Swapping in the new catalog…',
  done: 'Done.',
};

/** The task key of a catalog's sync: a second sync of the same catalog joins the running one. */
export function catalogTaskKey(key: CatalogKey): string {
  const k = normalizeCatalogKey(key);
  return JSON.stringify([k.profileId, k.country, k.scope, k.segment]);
}

/** The finish summary of a completed sync, for `task.finished`. */
function taskSummary(result: CatalogSyncResult): TaskSummary {
  return {
    skuCount: result.skuCount,
    productsDone: result.productsDone,
    productsTotal: result.productsTotal ?? null,
    resumed: result.resumed,
  };
}

export function createCatalogService(options: CatalogServiceOptions) {
  const { store, tasks, clientFor } = options;
  const search = new CatalogSearch(store);
  const engine = new CatalogSyncEngine(store);
  let writer: Promise<SkuWriter | undefined> | undefined;
  /** The writer threads, started at the first sync; undefined means "on this thread". */
  const writerForSync = (): Promise<SkuWriter | undefined> => {
    writer ??= (options.startWriter?.() ?? Promise.resolve(undefined)).then(
      (started) => {
        // A previous run may have quit before tidying its last sync's catalog: do it now, off this thread.
        void started
          ?.maintain()
          .then(() => store.afterMaintenance())
          .catch(() => undefined);
        return started;
      },
      (error: unknown) => {
        options.onWriterFailure?.(error);
        return undefined;
      },
    );
    return writer;
  };
  // The search thread: started at the first search with facets, used once it is ready.
  let searchThreadStart: Promise<CatalogSearchThread | undefined> | undefined;
  let searchThread: CatalogSearchThread | undefined;
  let closing = false;
  const searchThreadIfReady = (): CatalogSearchThread | undefined => {
    searchThreadStart ??= options.startSearchThread?.().then(
      (started) => (searchThread = started),
      (error: unknown) => void options.onSearchThreadFailure?.(error),
    );
    return searchThread;
  };
  /** A search of one generation: facet counts on the search thread when it is there, the rest here. */
  const searchGeneration = async (
    generationId: number,
    query: CatalogSearchQuery,
  ): Promise<GenerationSearchResult> => {
    const thread = query.includeFacets ? searchThreadIfReady() : undefined;
    if (thread === undefined) return search.searchGeneration(generationId, query);
    try {
      return await thread.searchGeneration(generationId, query);
    } catch (error) {
      // The app is closing and closed the thread under this search: nobody waits for its answer.
      if (closing) throw error;
      // A thread that failed stays out of the way for the rest of the run.
      if (searchThread === thread) {
        searchThread = undefined;
        options.onSearchThreadFailure?.(error);
        void thread.close();
      }
      return search.searchGeneration(generationId, query);
    }
  };
  const taskFor = (key: CatalogKey) => tasks.find('catalog.sync', catalogTaskKey(key)) ?? null;

  const status = (key: CatalogKey, maxAgeMinutes = DEFAULT_MAX_AGE_MINUTES): CatalogStatus => {
    const freshness = store.freshness(key);
    return {
      market: toMarket(freshness.market),
      syncedAt: iso(freshness.syncedAt),
      stale: isCatalogStale(freshness, maxAgeMinutes * 60_000),
      productCount: freshness.productCount,
      skuCount: freshness.skuCount,
      offlineSince: iso(freshness.offlineSince),
      lastError: freshness.lastError ?? null,
      syncTaskId: taskFor(key),
      resumable: freshness.resumable
        ? {
            productsDone: freshness.resumable.productsDone,
            productsTotal: freshness.resumable.productsTotal ?? null,
          }
        : null,
    };
  };

  const startSync = async (key: CatalogKey): Promise<{ taskId: string; joined: boolean }> => {
    const existing = taskFor(key);
    if (existing) return { taskId: existing, joined: true };
    if (!reservationsSoldIn(key.country)) {
      throw new DeskFailure('CONFLICT', `Azure reservations are not sold in ${marketName(key.country)}.`);
    }
    const client = await clientFor(key.profileId);
    // Not awaited: the threads start while the sync reads the product list, which needs none.
    const writerReady = writerForSync();
    // The last result, for the finish message: the engine words only the outcome.
    let ended: CatalogSyncResult | undefined;
    return tasks.start({
      kind: 'catalog.sync',
      key: catalogTaskKey(key),
      profileId: key.profileId,
      label: `Catalog for ${marketName(key.country)}`,
      run: async ({ signal, progress }) => {
        const result = await engine.sync({
          catalog: key,
          client,
          signal,
          writer: writerWhenReady(writerReady, inProcessSkuWriter(store)),
          onProgress: (p) =>
            progress({
              done: p.done,
              total: p.total ?? null,
              phase: phaseWords[p.phase],
              ...(p.rowsAvailable === undefined ? {} : { available: p.rowsAvailable }),
            }),
        });
        ended = result;
        const skuWriter = result.outcome === 'failed' ? await writerReady : undefined;
        if (skuWriter !== undefined) {
          // The threads may be what failed: the next sync starts new ones.
          writer = undefined;
          void skuWriter.close().catch(() => undefined);
        }
        if (result.outcome === 'completed') return taskSummary(result);
        const words = syncMessage(result, store.freshness(key));
        if (result.outcome === 'cancelled') throw new DeskFailure('CANCELLED', words);
        throw result.cause ?? new DeskFailure('INTERNAL', words);
      },
      // The catalog still in place is counted when the sync ends, not when it started.
      message: (end) =>
        ended !== undefined
          ? syncMessage(ended, store.freshness(key))
          : `${end.error?.message ?? 'The catalog could not be refreshed.'} The previous catalog is still here.`,
    });
  };

  return {
    markets: () => ({ markets: allMarkets() }),

    status: (key: CatalogKey, maxAgeMinutes?: number) => status(key, maxAgeMinutes),

    async open(key: CatalogKey, maxAgeMinutes?: number): Promise<CatalogStatus> {
      const current = status(key, maxAgeMinutes);
      // Stale-while-revalidate: the cache answers now, a refresh runs behind it.
      if (current.stale && current.market.reservationsSold && !current.syncTaskId) {
        await startSync(key);
        return status(key, maxAgeMinutes);
      }
      return current;
    },

    async search(query: CatalogSearchQuery): Promise<CatalogSearchResult> {
      const where = search.whereToSearch(query);
      const found =
        where.generationId === undefined ? nothingFound : await searchGeneration(where.generationId, query);
      const result = { ...where, ...found };
      return {
        market: toMarket(result.market),
        total: result.total,
        offset: result.offset,
        rows: result.rows.map(toSku),
        facets: result.facets ?? null,
        // A first sync's rows are shown as they arrive, but they are not a cached catalog yet.
        cached: result.generationId !== undefined && store.isLive(result.generationId),
      };
    },

    sync: startSync,

    /**
     * Whether Partner Center can be reached again, for a catalog marked offline: one cheap request
     * (the first customer), not retried, with a short timeout. Any answer of the service counts (even a
     * refusal): only a network failure keeps the catalog offline. Returns the catalog's status.
     */
    async probe(key: CatalogKey, maxAgeMinutes?: number): Promise<CatalogStatus> {
      const catalogId = store.ensureCatalog(normalizeCatalogKey(key));
      if (store.freshness(key).offlineSince === undefined) return status(key, maxAgeMinutes);
      try {
        const client = await clientFor(key.profileId);
        await client
          .listCustomers({ size: 1 }, { retry: { maxRetries: 0 }, timeoutMs: PROBE_TIMEOUT_MS })
          .pages()
          .next();
      } catch (error) {
        if (isOfflineError(error)) return status(key, maxAgeMinutes);
      }
      store.markOnline(catalogId);
      return status(key, maxAgeMinutes);
    },

    async availabilities(
      key: CatalogKey,
      productId: string,
      skuId: string,
      refresh: AvailabilityRefresh = 'if-stale',
    ): Promise<AvailabilitiesResult> {
      const client = await clientFor(key.profileId);
      const result = await getSkuAvailabilities(store, { catalog: key, productId, skuId, client, refresh });
      return {
        availabilities: result.items.map((item) => ({
          availabilityId: item.availabilityId,
          catalogItemId: item.catalogItemId,
          currencyCode: item.currencyCode ?? null,
          isPurchasable: item.isPurchasable ?? null,
          terms: item.terms.map((term) => ({
            duration: term.duration ?? null,
            description: term.description ?? null,
          })),
        })),
        fetchedAt: iso(result.fetchedAt),
        fromCache: result.offline,
      };
    },

    async checkInventory(request: SkuInventoryRequest): Promise<InventoryCheckResult> {
      return checkSkuInventory(await clientFor(request.catalog.profileId), search, request);
    },

    /** Removes every catalog of a profile (its removal): its syncs are stopped first. */
    async forgetProfile(profileId: string): Promise<void> {
      await tasks.cancelWhere((task) => task.kind === 'catalog.sync' && task.profileId === profileId);
      store.forgetProfile(profileId);
    },

    /**
     * App shutdown: stops every running sync (what they stored stays staged for the next run), then
     * the writer threads, once their pending writes are done.
     */
    async close(): Promise<void> {
      closing = true;
      await tasks.cancelWhere((task) => task.kind === 'catalog.sync');
      await (await writer)?.close();
      await (await searchThreadStart)?.close();
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
