/**
 * Database opening and migrations: a fresh file, re-opening (idempotent), the upgrade path from an
 * older schema, refusing a newer one, and a failing migration rolling back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  currentSchemaVersion,
  databaseFileName,
  migrations,
  openDatabase,
  type Migration,
} from '../../../main/database/index';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'db-test-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tables(db: ReturnType<typeof openDatabase>): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{
      name: string;
    }>
  ).map((row) => row.name);
}

describe('openDatabase', () => {
  it('creates the file with WAL, foreign keys, a busy timeout and the latest schema', () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const db = openDatabase({ dataDir: dir });
    try {
      expect(db.name).toBe(path.join(dir, databaseFileName));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(currentSchemaVersion(db)).toBe(migrations.length);
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(tables(db)).toEqual(
        expect.arrayContaining([
          'schema_migrations',
          'catalog_scopes',
          'catalog_generations',
          'catalog_products',
          'catalog_skus',
          'catalog_sku_fts',
          'catalog_facets',
          'catalog_availabilities',
          'catalog_availability_fetches',
          'catalog_sync_runs',
        ]),
      );
    } finally {
      db.close();
    }
  });

  it('re-opening applies nothing and keeps the data', () => {
    const dir = tempDir();
    const first = openDatabase({ dataDir: dir });
    first
      .prepare(
        "INSERT INTO catalog_scopes (profile_id, country, scope, segment) VALUES ('p', 'US', 'AzurePlan', 'commercial')",
      )
      .run();
    const applied = first.prepare('SELECT version, applied_at FROM schema_migrations').all();
    first.close();
    const again = openDatabase({ dataDir: dir });
    try {
      expect(again.prepare('SELECT version, applied_at FROM schema_migrations').all()).toEqual(applied);
      expect((again.prepare('SELECT count(*) AS n FROM catalog_scopes').get() as { n: number }).n).toBe(1);
    } finally {
      again.close();
    }
  });

  it('upgrades an older database by applying only the newer migrations, in order', () => {
    const dir = tempDir();
    const old = openDatabase({ dataDir: dir, migrations: migrations.slice(0, 1) });
    old
      .prepare(
        "INSERT INTO catalog_scopes (profile_id, country, scope, segment) VALUES ('p', 'US', 'AzurePlan', 'commercial')",
      )
      .run();
    old.close();
    const customers: Migration = {
      version: migrations.length + 1,
      name: 'customers',
      up: (db) =>
        db.exec(
          'CREATE TABLE customers (profile_id TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (profile_id, id)) STRICT',
        ),
    };
    const orders: Migration = {
      version: migrations.length + 2,
      name: 'orders',
      up: (db) => db.exec('CREATE TABLE orders (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL) STRICT'),
    };
    const upgraded = openDatabase({ dataDir: dir, migrations: [...migrations, customers, orders] });
    try {
      expect(currentSchemaVersion(upgraded)).toBe(migrations.length + 2);
      expect(tables(upgraded)).toEqual(expect.arrayContaining(['customers', 'orders', 'catalog_skus']));
      expect((upgraded.prepare('SELECT count(*) AS n FROM catalog_scopes').get() as { n: number }).n).toBe(1);
      expect(upgraded.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual([
        ...migrations.map(({ version, name }) => ({ version, name })),
        { version: migrations.length + 1, name: 'customers' },
        { version: migrations.length + 2, name: 'orders' },
      ]);
    } finally {
      upgraded.close();
    }
  });

  it('rolls back a failing migration entirely and reports it', () => {
    const dir = tempDir();
    openDatabase({ dataDir: dir }).close();
    const broken: Migration = {
      version: migrations.length + 1,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT');
        db.exec('THIS IS NOT SQL');
      },
    };
    expect(() => openDatabase({ dataDir: dir, migrations: [...migrations, broken] })).toThrow();
    const db = openDatabase({ dataDir: dir });
    try {
      expect(currentSchemaVersion(db)).toBe(migrations.length);
      expect(tables(db)).not.toContain('half_done');
    } finally {
      db.close();
    }
  });

  it('refuses a database written by a newer version of the app', () => {
    const dir = tempDir();
    const newer: Migration = { version: migrations.length + 1, name: 'future', up: () => undefined };
    openDatabase({ dataDir: dir, migrations: [...migrations, newer] }).close();
    expect(() => openDatabase({ dataDir: dir })).toThrow(/newer than this app/);
  });

  it('refuses migrations out of order or with gaps', () => {
    const skip: Migration = { version: migrations.length + 2, name: 'skip', up: () => undefined };
    expect(() => openDatabase({ dataDir: tempDir(), migrations: [...migrations, skip] })).toThrow(/expected/);
  });
});
