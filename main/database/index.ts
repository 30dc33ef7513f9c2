/**
 * The app's SQLite database: one file in the data folder, opened with the pragmas every connection
 * needs, and brought to the newest schema by ordered, transactional migrations.
 *
 * Plain Node (better-sqlite3), no Electron: the web build and the tests open it the same way.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations, type Migration } from './migrate';
import { migrations as appMigrations } from './migrations/index';

export { applyMigrations, currentSchemaVersion, type Migration, type MigrationReport } from './migrate';
export { migrations } from './migrations/index';

/** The database file's name inside the data folder. */
export const databaseFileName = 'reservation-desk.sqlite';

/** A better-sqlite3 connection. */
export type AppDatabase = Database.Database;

/** Where and how to open the database. */
export interface OpenDatabaseOptions {
  /** The app's data folder; created when missing. */
  readonly dataDir: string;
  /** Overrides `reservation-desk.sqlite` (tests). */
  readonly fileName?: string;
  /** Overrides the app's migration list (migration tests). */
  readonly migrations?: ReadonlyArray<Migration>;
  /** How long a statement waits for another connection's write lock (default 5 s). */
  readonly busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) the app database, sets its pragmas and applies pending migrations.
 * Throws when the file was written by a newer app version than this one.
 */
export function openDatabase(options: OpenDatabaseOptions): AppDatabase {
  mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, options.fileName ?? databaseFileName);
  const db = new Database(file, { timeout: options.busyTimeoutMs ?? 5_000 });
  try {
    configureConnection(db, options.busyTimeoutMs ?? 5_000);
    applyMigrations(db, options.migrations ?? appMigrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Pragmas every connection needs; they are per connection, so a second reader must call this too. */
export function configureConnection(db: AppDatabase, busyTimeoutMs = 5_000): void {
  // WAL: readers (the Catalog screen) never wait for the sync's writes, and a crash mid-write
  // leaves the last committed state intact.
  db.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last
  // transactions, which for a cache and a journal that is re-checked against Partner Center is fine.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  db.pragma('temp_store = MEMORY');
  // 64 MB of page cache: the full catalog's indexes stay in memory, which is what keeps search fast.
  db.pragma('cache_size = -65536');
}

/**
 * A second connection to the same file for writes that move money (the checkout journal): the same
 * pragmas, but `synchronous = FULL`, so a committed journal row survives an OS crash or power loss
 * too. With NORMAL in WAL mode the last commits can vanish on an OS crash after the request has gone
 * out, and a retry with a new request id could buy twice. Open it after `openDatabase` (which
 * applies the migrations).
 */
export function openDurableConnection(file: string, busyTimeoutMs = 5_000): AppDatabase {
  const db = new Database(file, { timeout: busyTimeoutMs });
  try {
    configureConnection(db, busyTimeoutMs);
    db.pragma('synchronous = FULL');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
