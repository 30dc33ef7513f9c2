import { describe, expect, it } from 'vitest';
import { autoRefreshOf, staleAfterMinutes, withAutoRefresh } from '../../../main/preferences/auto-refresh';
import type { CatalogStatus } from '../../../preload/contract';

const status: CatalogStatus = {
  market: { code: 'DE', name: 'Germany', reservationsSold: true },
  syncedAt: '2026-11-23T10:00:00.000Z',
  stale: false,
  productCount: 3,
  skuCount: 30,
  offlineSince: null,
  lastError: null,
  syncTaskId: null,
  resumable: null,
};

describe('automatic refresh of the catalog', () => {
  it('is due the age limit after the last sync', () => {
    expect(autoRefreshOf(status, 360)).toEqual({ maxAgeMinutes: 360, dueAt: '2026-11-23T16:00:00.000Z' });
    expect(withAutoRefresh(status, 10080).autoRefresh?.dueAt).toBe('2026-11-30T10:00:00.000Z');
  });

  it('has no due time when off, before the first download, or where reservations are not sold', () => {
    expect(autoRefreshOf(status, null)).toEqual({ maxAgeMinutes: null, dueAt: null });
    expect(autoRefreshOf({ ...status, syncedAt: null }, 60).dueAt).toBeNull();
    expect(
      autoRefreshOf({ ...status, market: { code: 'BR', name: 'Brazil', reservationsSold: false } }, 60).dueAt,
    ).toBeNull();
  });

  it('treats "never" as an age no catalog reaches', () => {
    expect(staleAfterMinutes(null)).toBe(Number.POSITIVE_INFINITY);
    expect(staleAfterMinutes(720)).toBe(720);
  });
});
