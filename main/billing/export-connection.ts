/**
 * The SQLite connection a line-item export writes and reads through. An export appends up to
 * hundreds of thousands of rows it will not read again soon; on the app's shared connection those
 * pages would sit in its 64 MB cache (kept for the catalog's search) at the cost of the export's
 * memory, and giving them back there (`shrink_memory`) would also empty what search relies on. So an
 * export gets its own connection to the same file with a small cache, closed when it ends.
 */
import Database from 'better-sqlite3';
import { configureConnection, type AppDatabase } from '../database';

/** Page cache of an export's connection, in KiB (SQLite's negative `cache_size`). */
const EXPORT_CACHE_KIB = 2_048;

/**
 * Runs `work` with a connection of its own to `db`'s file (migrations already applied by `db`),
 * closed afterwards. An in-memory database has no file to share, so `db` itself is used.
 */
export async function withExportConnection<T>(
  db: AppDatabase,
  work: (connection: AppDatabase) => Promise<T>,
): Promise<T> {
  if (db.memory || db.name === '') return work(db);
  const connection = new Database(db.name, { timeout: 5_000 });
  try {
    configureConnection(connection);
    connection.pragma(`cache_size = -${EXPORT_CACHE_KIB}`);
    return await work(connection);
  } finally {
    connection.close();
  }
}
