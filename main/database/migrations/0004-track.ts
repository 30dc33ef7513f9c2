/**
 * Migration 5: the Track step's cache: orders and their lines, reservations (entitlements with the
 * details behind their artifact links), and the progress of a refresh across every customer, so a
 * stopped refresh resumes where it stopped (contract §4.14–4.19).
 *
 * Frozen once shipped: later changes go in new migrations. The SQL is inline on purpose.
 */
import type { Migration } from '../migrate';

const sql = `
-- One order of a customer. The lines and prices travel as JSON (the screen shows them whole); the
-- columns are what is filtered and sorted on. just_placed_at is set for an order placed from this
-- app until Partner Center's list has it (the list lags up to 15 minutes).
CREATE TABLE track_orders (
  profile_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  order_id TEXT NOT NULL,
  billing_cycle TEXT,
  status TEXT,
  created_at INTEGER,
  view TEXT NOT NULL,
  fetched_at INTEGER NOT NULL,
  just_placed_at INTEGER,
  PRIMARY KEY (profile_id, customer_id, order_id)
) STRICT, WITHOUT ROWID;

-- When a customer's order list was last read, per filter ('all' or 'one-time').
CREATE TABLE track_order_reads (
  profile_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  filter TEXT NOT NULL CHECK (filter IN ('all', 'one-time')),
  read_at INTEGER NOT NULL,
  PRIMARY KEY (profile_id, customer_id, filter)
) STRICT, WITHOUT ROWID;

-- One reservation of a customer; a customer's rows are replaced together with its read.
CREATE TABLE track_reservations (
  profile_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  reservation_key TEXT NOT NULL,
  reservation_type TEXT,
  region TEXT,
  expires_at INTEGER,
  view TEXT NOT NULL,
  PRIMARY KEY (profile_id, customer_id, reservation_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX track_reservations_by_expiry ON track_reservations (profile_id, expires_at);

-- When a customer's reservations were last read (a customer with none still has a row).
CREATE TABLE track_reservation_reads (
  profile_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  customer_name TEXT NOT NULL,
  read_at INTEGER NOT NULL,
  PRIMARY KEY (profile_id, customer_id)
) STRICT, WITHOUT ROWID;

-- A refresh of every customer's reservations: its customer list, and which are done. A run that is
-- not completed is resumed by the next refresh instead of starting over.
CREATE TABLE track_radar_runs (
  profile_id TEXT PRIMARY KEY,
  started_at INTEGER NOT NULL,
  completed_at INTEGER
) STRICT;
CREATE TABLE track_radar_run_customers (
  profile_id TEXT NOT NULL REFERENCES track_radar_runs(profile_id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  customer_id TEXT NOT NULL,
  customer_name TEXT NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (profile_id, customer_id)
) STRICT, WITHOUT ROWID;
`;

export const trackMigration: Migration = {
  version: 4,
  name: 'track',
  up: (db) => db.exec(sql),
};
