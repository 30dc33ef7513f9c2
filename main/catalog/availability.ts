/**
 * Availabilities on demand: fetched when a SKU is opened and cached with the time they were read.
 * A `catalogItemId` can change, so a cart refreshes them right before use (`refresh: 'always'`);
 * when Partner Center cannot be reached, the cached ones are returned with `offline: true`.
 */
import { userMessageOf } from '../failures';
import type { Availability } from '../partner-center/index';
import type { CachedAvailability, CatalogStore } from './store';
import { isOfflineError, type CatalogClient } from './sync';
import { normalizeCatalogKey, type CatalogKey } from './types';

/** When to call Partner Center. */
export type AvailabilityRefresh = 'always' | 'if-stale' | 'never';

/** What to fetch. */
export interface AvailabilityRequest {
  readonly catalog: CatalogKey;
  readonly productId: string;
  readonly skuId: string;
  readonly client: CatalogClient;
  /** `always` before a cart uses them; `if-stale` (default) for the detail panel; `never` offline. */
  readonly refresh?: AvailabilityRefresh;
  /** Age after which `if-stale` refreshes (default 1 h). */
  readonly maxAgeMs?: number;
  readonly signal?: AbortSignal;
  readonly now?: () => number;
}

/** A SKU's availabilities and where they came from. */
export interface AvailabilityResult {
  readonly items: ReadonlyArray<CachedAvailability>;
  readonly fetchedAt: number | undefined;
  /** True when served from the cache without asking Partner Center. */
  readonly fromCache: boolean;
  /** True when Partner Center could not be reached and the cache was served instead. */
  readonly offline: boolean;
}

/** Gets a SKU's availabilities, from Partner Center or the cache as `refresh` says. */
export async function getSkuAvailabilities(
  store: CatalogStore,
  request: AvailabilityRequest,
): Promise<AvailabilityResult> {
  const now = request.now ?? Date.now;
  const catalog = normalizeCatalogKey(request.catalog);
  const catalogId = store.ensureCatalog(catalog);
  const cached = store.cachedAvailabilities(catalogId, request.productId, request.skuId);
  const refresh = request.refresh ?? 'if-stale';
  const fresh = cached !== undefined && now() - cached.fetchedAt <= (request.maxAgeMs ?? 60 * 60 * 1000);
  if (refresh === 'never' || (refresh === 'if-stale' && fresh)) {
    return { items: cached?.items ?? [], fetchedAt: cached?.fetchedAt, fromCache: true, offline: false };
  }
  let availabilities: Availability[];
  try {
    availabilities = await request.client.getAvailabilities(
      request.productId,
      request.skuId,
      {
        country: catalog.country,
        targetSegment: catalog.segment,
        ...(catalog.scope === 'AzurePlan' ? { reservationScope: 'AzurePlan' as const } : {}),
      },
      { priority: 'interactive', ...(request.signal === undefined ? {} : { signal: request.signal }) },
    );
  } catch (error) {
    // Right before a purchase a stale catalogItemId is worse than no answer: only the detail panel
    // falls back to the cache.
    // The catalog's status shows this to the person: their words, not the log's.
    const offlineMessage = () => userMessageOf(error, 'Partner Center cannot be reached.');
    if (isOfflineError(error) && refresh !== 'always' && cached !== undefined) {
      store.markOffline(catalogId, now(), offlineMessage());
      return { items: cached.items, fetchedAt: cached.fetchedAt, fromCache: true, offline: true };
    }
    if (isOfflineError(error)) store.markOffline(catalogId, now(), offlineMessage());
    throw error;
  }
  const fetchedAt = now();
  store.replaceAvailabilities(
    catalogId,
    request.productId,
    request.skuId,
    availabilities.map((item) => ({
      productId: request.productId,
      skuId: request.skuId,
      availabilityId: item.id,
      catalogItemId: item.catalogItemId,
      segment: item.segment,
      currencyCode: item.defaultCurrency?.code,
      isPurchasable: item.isPurchasable,
      isRenewable: item.isRenewable,
      terms: item.terms.map((term) => ({
        ...(term.duration === undefined ? {} : { duration: term.duration }),
        ...(term.description === undefined ? {} : { description: term.description }),
      })),
    })),
    fetchedAt,
  );
  store.markOnline(catalogId);
  const stored = store.cachedAvailabilities(catalogId, request.productId, request.skuId);
  return { items: stored?.items ?? [], fetchedAt, fromCache: false, offline: false };
}
