/**
 * Removing a profile removes everything the app keeps for it. Two profiles of the sandbox sign in
 * (secrets and token caches in the real keychain), sync a catalog and read availabilities; one is
 * removed. Then no table holds a row of it (every table with a profile id is scanned, and every row
 * hanging off its catalogs), no keychain entry names it, and the other profile keeps all of its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFileName } from '../../main/database';
import type { CallContext } from '../../main/ipc/dispatcher';
import { createAppCore, type AppCore } from '../../main/services';
import { createKeyringSecretStore } from '../../main/vault';
import type { CatalogSearchResult, CatalogStatus, EventPayload } from '../../preload/contract';

const secrets = createKeyringSecretStore({ service: 'reservation-desk-test-profile-removal' });
let core: AppCore;
let dataDir: string;
const finished = new Map<string, EventPayload<'task.finished'>>();

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const context: CallContext = { transport: 'websocket', events: core.events };
  const result = await core.dispatcher.dispatch(channel, input, context);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** A profile that has synced the US catalog and read one SKU's availabilities. */
async function profileWithCatalog(name: string): Promise<{ id: string; status: CatalogStatus }> {
  const sandbox = await core.sandbox.ensure();
  const { id } = await call<{ id: string }>('profiles.create', {
    name,
    tenantId: sandbox.tenantId,
    appId: sandbox.clientId,
    authMode: 'app-only',
    cloud: 'sandbox',
    appSecret: sandbox.clientSecret,
  });
  await call('auth.signIn', { profileId: id });
  const catalog = { profileId: id, country: 'US', scope: 'AzurePlan' };
  const { taskId } = await call<{ taskId: string }>('catalog.sync', catalog);
  await expect.poll(() => finished.get(taskId)?.outcome, { timeout: 60_000 }).toBe('completed');
  const page = await call<CatalogSearchResult>('catalog.search', { catalog, limit: 1 });
  const sku = page.rows[0]!;
  await call('catalog.availabilities', { catalog, productId: sku.productId, skuId: sku.skuId });
  return { id, status: await call<CatalogStatus>('catalog.status', catalog) };
}

/** Rows of the database that belong to a profile: by its id, or by one of its catalogs. */
function rowsOf(profileId: string, catalogIds: ReadonlyArray<number>): Record<string, number> {
  const db = new Database(path.join(dataDir, databaseFileName), { readonly: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .pluck()
      .all() as string[];
    const counts: Record<string, number> = {};
    const ids = JSON.stringify(catalogIds);
    for (const table of tables) {
      const columns = (
        db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]
      ).sort();
      const where = [
        ...(columns.includes('profile_id') ? ['profile_id = @profileId'] : []),
        ...(columns.includes('catalog_id') ? ['catalog_id IN (SELECT value FROM json_each(@ids))'] : []),
        ...(columns.includes('generation_id')
          ? [
              `generation_id NOT IN (SELECT id FROM catalog_generations WHERE catalog_id NOT IN
                 (SELECT value FROM json_each(@ids)))`,
            ]
          : []),
      ];
      if (where.length === 0) continue;
      counts[table] = db
        .prepare(`SELECT count(*) FROM "${table}" WHERE ${where.join(' OR ')}`)
        .pluck()
        .get({ profileId, ids }) as number;
    }
    // The full-text index has no columns to scan by: every row of it must belong to a SKU still there.
    counts.catalog_sku_fts = db
      .prepare('SELECT count(*) FROM catalog_sku_fts WHERE rowid NOT IN (SELECT id FROM catalog_skus)')
      .pluck()
      .get() as number;
    return counts;
  } finally {
    db.close();
  }
}

function catalogIdsOf(profileId: string): number[] {
  const db = new Database(path.join(dataDir, databaseFileName), { readonly: true });
  try {
    return db
      .prepare('SELECT id FROM catalog_scopes WHERE profile_id = ?')
      .pluck()
      .all(profileId) as number[];
  } finally {
    db.close();
  }
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(process.env.KEYRING_TEST_HOME ?? os.tmpdir(), 'app-data-'));
  core = createAppCore({
    facts: { name: 'Reservation Desk', version: 'test', dataDir, startedAt: new Date() },
    secrets,
    sandbox: { catalog: 'small' },
  });
  core.events.subscribe((event) => {
    if (event.event === 'task.finished') {
      const payload = event.payload as EventPayload<'task.finished'>;
      finished.set(payload.taskId, payload);
    }
  });
});

afterAll(async () => {
  for (const key of await secrets.list()) await secrets.delete(key);
  await core?.close();
});

describe('removing a profile', () => {
  it('leaves no database row and no keychain entry of it, and keeps the other profile whole', async () => {
    const removed = await profileWithCatalog('Partner to remove');
    const kept = await profileWithCatalog('Partner to keep');
    expect(removed.status.skuCount).toBeGreaterThan(0);
    const removedCatalogs = catalogIdsOf(removed.id);
    expect(removedCatalogs).toHaveLength(1);
    const before = rowsOf(removed.id, removedCatalogs);
    for (const table of ['catalog_scopes', 'catalog_generations', 'catalog_skus', 'catalog_availabilities']) {
      expect(before[table], `${table} has rows of the profile before`).toBeGreaterThan(0);
    }
    expect((await secrets.list()).filter((key) => key.includes(removed.id)).length).toBeGreaterThan(0);

    await call('profiles.remove', { profileId: removed.id });

    const after = rowsOf(removed.id, removedCatalogs);
    expect(Object.entries(after).filter(([, count]) => count > 0)).toEqual([]);
    expect((await secrets.list()).filter((key) => key.includes(removed.id))).toEqual([]);
    const profiles = await call<{ profiles: Array<{ id: string }> }>('profiles.list');
    expect(profiles.profiles.map((p) => p.id)).toEqual([kept.id]);

    // The other profile's catalog, keychain entries and sign-in are untouched.
    const catalog = { profileId: kept.id, country: 'US', scope: 'AzurePlan' };
    expect(await call<CatalogStatus>('catalog.status', catalog)).toMatchObject({
      skuCount: kept.status.skuCount,
    });
    expect((await call<CatalogSearchResult>('catalog.search', { catalog })).total).toBe(kept.status.skuCount);
    expect((await secrets.list()).filter((key) => key.includes(kept.id)).length).toBeGreaterThan(0);
    expect(await call('auth.status', { profileId: kept.id })).toMatchObject({ state: 'signed-in' });
  });
});
