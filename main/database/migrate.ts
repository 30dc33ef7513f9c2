/**
 * Versioned schema migrations: ordered modules, each applied once, in its own transaction, and
 * recorded in `schema_migrations` (mirrored in `PRAGMA user_version` for quick inspection).
 */
import type Database from 'better-sqlite3';

/** One schema change. Never edit a migration that has shipped: add a new one. */
export interface Migration {
  /** 1, 2, 3…: strictly increasing, no gaps. */
  readonly version: number;
  /** Short kebab-case name, e.g. `catalog`. */
  readonly name: string;
  /** Applies the change; runs inside a transaction, so a throw leaves the schema as it was. */
  up(db: Database.Database): void;
}

/** What `applyMigrations` did. */
export interface MigrationReport {
  readonly from: number;
  readonly to: number;
  readonly applied: ReadonlyArray<string>;
}

/** The schema version recorded in the database (0 for a new file). */
export function currentSchemaVersion(db: Database.Database): number {
  ensureLedger(db);
  const row = db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as
    { version: number | null } | undefined;
  return row?.version ?? 0;
}

/**
 * Applies every migration newer than the database's version, in order. Idempotent: re-opening an
 * up-to-date database applies nothing. Refuses a database newer than the code, because an old app
 * writing into a newer schema could corrupt it.
 */
export function applyMigrations(
  db: Database.Database,
  migrations: ReadonlyArray<Migration>,
  now: () => number = Date.now,
): MigrationReport {
  checkOrder(migrations);
  const from = currentSchemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    throw new Error(
      `The database is at schema version ${from}, newer than this app knows (${latest}). Update the app.`,
    );
  }
  const applied: string[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      migration.up(db);
      record.run(migration.version, migration.name, now());
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
    applied.push(`${migration.version}-${migration.name}`);
  }
  return { from, to: Math.max(from, latest), applied };
}

function ensureLedger(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
}

function checkOrder(migrations: ReadonlyArray<Migration>): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration "${migration.name}" has version ${migration.version}; expected ${index + 1} (ordered, no gaps).`,
      );
    }
  });
}
