/** The catalog's automatic refresh as the preference decides it: when it is due, or that it is off. */
import type { AutoRefresh, CatalogStatus } from '../../preload/contract';

/**
 * The age the catalog service compares with: "never" is an infinite age, so a cached catalog never
 * turns stale, while a catalog never downloaded is still fetched once (there is nothing to show yet).
 */
export function staleAfterMinutes(maxAgeMinutes: number | null): number {
  return maxAgeMinutes ?? Number.POSITIVE_INFINITY;
}

/** When a catalog synced at `syncedAt` turns stale under `maxAgeMinutes`. */
export function autoRefreshOf(
  status: Pick<CatalogStatus, 'syncedAt' | 'market'>,
  maxAgeMinutes: number | null,
): AutoRefresh {
  const due =
    maxAgeMinutes === null || status.syncedAt === null || !status.market.reservationsSold
      ? null
      : new Date(Date.parse(status.syncedAt) + maxAgeMinutes * 60_000).toISOString();
  return { maxAgeMinutes, dueAt: due };
}

/** A catalog status with its automatic refresh filled in. */
export function withAutoRefresh(status: CatalogStatus, maxAgeMinutes: number | null): CatalogStatus {
  return { ...status, autoRefresh: autoRefreshOf(status, maxAgeMinutes) };
}
