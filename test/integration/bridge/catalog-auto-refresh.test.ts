/**
 * The catalog's age limit as a preference, over the real dispatcher: read and changed as data, bad
 * values refused with INVALID_INPUT, kept across a restart, and applied by `catalog.open` when the
 * caller gives no age: a catalog that a shorter limit makes stale is refreshed on the next open.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../main/database';
import type { CatalogStatus, Preferences } from '../../../preload/contract';
import { appPerFile } from './app-core';

const app = appPerFile('desk-auto-refresh-');
const key = { profileId: 'demo', country: 'US', scope: 'AzurePlan' };

/** Makes the cached catalog look `hours` older, as if the app had been closed that long. */
function ageCatalog(hours: number): void {
  const db = new Database(path.join(app.dataDir, databaseFileName));
  try {
    db.prepare('UPDATE catalog_scopes SET synced_at = synced_at - ? WHERE synced_at IS NOT NULL').run(
      hours * 3_600_000,
    );
  } finally {
    db.close();
  }
}

describe('preferences over the bridge', () => {
  it('start at a day', async () => {
    expect(await app.value<Preferences>('preferences.get')).toEqual({ catalogMaxAgeMinutes: 1440 });
  });

  it('refuse an age that is not offered, an unknown field and a wrong type, naming the field', async () => {
    for (const input of [
      { catalogMaxAgeMinutes: 61 },
      { catalogMaxAgeMinutes: '60' },
      { catalogMaxAgeMinutes: -1 },
      { maxAge: 60 },
    ]) {
      const result = await app.call('preferences.update', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const bad = await app.call('preferences.update', { catalogMaxAgeMinutes: 61 });
    if (!bad.ok) expect(bad.error.details).toMatchObject({ field: 'catalogMaxAgeMinutes' });
    expect(await app.value<Preferences>('preferences.get')).toEqual({ catalogMaxAgeMinutes: 1440 });
  });
});

describe('catalog.open under the preference', () => {
  it('downloads a catalog never downloaded, and says when it refreshes next', async () => {
    const opened = await app.value<CatalogStatus>('catalog.open', { catalog: key });
    expect(opened.syncTaskId).not.toBeNull();
    expect((await app.taskFinished(opened.syncTaskId!)).outcome).toBe('completed');
    const status = await app.value<CatalogStatus>('catalog.status', key);
    expect(status.syncedAt).not.toBeNull();
    expect(status.autoRefresh).toEqual({
      maxAgeMinutes: 1440,
      dueAt: new Date(Date.parse(status.syncedAt!) + 1440 * 60_000).toISOString(),
    });
  });

  it('leaves a catalog younger than the limit alone, and refreshes it once a shorter limit makes it stale', async () => {
    ageCatalog(3);
    const fresh = await app.value<CatalogStatus>('catalog.open', { catalog: key });
    expect(fresh).toMatchObject({ stale: false, syncTaskId: null });

    expect(await app.value<Preferences>('preferences.update', { catalogMaxAgeMinutes: 60 })).toEqual({
      catalogMaxAgeMinutes: 60,
    });
    const before = await app.value<CatalogStatus>('catalog.status', key);
    expect(before.stale).toBe(true);
    expect(Date.parse(before.autoRefresh!.dueAt!)).toBeLessThan(Date.now());

    const reopened = await app.value<CatalogStatus>('catalog.open', { catalog: key });
    expect(reopened.syncTaskId).not.toBeNull();
    expect((await app.taskFinished(reopened.syncTaskId!)).outcome).toBe('completed');
    const after = await app.value<CatalogStatus>('catalog.status', key);
    expect(after.stale).toBe(false);
    expect(Date.parse(after.syncedAt!)).toBeGreaterThan(Date.parse(before.syncedAt!));
  });

  it('with automatic refresh off, never refreshes a cached catalog however old', async () => {
    await app.value('preferences.update', { catalogMaxAgeMinutes: null });
    ageCatalog(24 * 365);
    const opened = await app.value<CatalogStatus>('catalog.open', { catalog: key });
    expect(opened).toMatchObject({
      stale: false,
      syncTaskId: null,
      autoRefresh: { maxAgeMinutes: null, dueAt: null },
    });
  });

  it('lets a caller’s own age win over the preference', async () => {
    const opened = await app.value<CatalogStatus>('catalog.open', { catalog: key, maxAgeMinutes: 60 });
    expect(opened.syncTaskId).not.toBeNull();
    expect(opened.autoRefresh?.maxAgeMinutes).toBe(60);
    await app.taskFinished(opened.syncTaskId!);
  });

  it('reports no due time where reservations are not sold', async () => {
    const status = await app.value<CatalogStatus>('catalog.open', { catalog: { ...key, country: 'BR' } });
    expect(status).toMatchObject({ market: { reservationsSold: false }, syncTaskId: null });
    expect(status.autoRefresh?.dueAt).toBeNull();
  });

  it('keeps the preference across a restart', async () => {
    await app.value('preferences.update', { catalogMaxAgeMinutes: 4320 });
    await app.restart();
    expect(await app.value<Preferences>('preferences.get')).toEqual({ catalogMaxAgeMinutes: 4320 });
    expect(app.unexpected).toEqual([]);
  });
});
