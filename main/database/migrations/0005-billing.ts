/**
 * Migration 5: billing (issue 13): cached balance, invoices, line items, export state and the statement library.
 *
 * Frozen once shipped: later changes go in new migrations, never here.
 */
import type { Migration } from '../migrate';

const sql = `
-- One line-item export of an invoice (or of an unbilled period) per profile: where it stands, so that
-- an export in progress survives a restart (v2: the operation URL and blobs done; v1: the next page).
CREATE TABLE billing_exports (
  id INTEGER PRIMARY KEY,
  profile_id TEXT NOT NULL,
  -- 'invoice:G000024130' or 'unbilled:USD:current'.
  subject TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('v1', 'v2')),
  state TEXT NOT NULL CHECK (state IN ('running', 'completed', 'failed')),
  operation_url TEXT,
  blobs_done INTEGER NOT NULL DEFAULT 0,
  -- JSON of the next v1 page request (path and headers), NULL before the first page and after the last.
  next_page TEXT,
  rows_done INTEGER NOT NULL DEFAULT 0,
  -- JSON array of every field name seen, in first-seen order: the CSV columns.
  columns TEXT NOT NULL DEFAULT '[]',
  restarts INTEGER NOT NULL DEFAULT 0,
  started_at INTEGER NOT NULL,
  completed_at INTEGER,
  UNIQUE (profile_id, subject)
) STRICT;

-- The rows: a few columns to filter and total on, and the whole record (unknown fields kept).
CREATE TABLE billing_line_items (
  export_id INTEGER NOT NULL REFERENCES billing_exports(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  -- Which blob (v2) or page (v1) the row came from: a partial blob is dropped on resume.
  part INTEGER NOT NULL,
  customer_id TEXT,
  customer_name TEXT,
  product_name TEXT,
  reservation_order_id TEXT,
  charge_type TEXT,
  currency TEXT,
  total REAL,
  record TEXT NOT NULL,
  -- A rowid table: rows carry a ~1.5 KB record, too large for WITHOUT ROWID to pay off.
  UNIQUE (export_id, seq)
) STRICT;
CREATE INDEX billing_line_items_by_customer ON billing_line_items (export_id, customer_id);

-- Invoices, summaries and balance as last read, per profile, with when: the screen opens from here.
CREATE TABLE billing_cache (
  profile_id TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  fetched_at INTEGER NOT NULL,
  PRIMARY KEY (profile_id, key)
) STRICT;

-- Every statement PDF downloaded: the library (a file moved away shows as missing).
CREATE TABLE billing_statements (
  profile_id TEXT NOT NULL,
  invoice_id TEXT NOT NULL,
  invoice_date TEXT,
  amount REAL,
  currency TEXT,
  file_path TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  downloaded_at INTEGER NOT NULL,
  PRIMARY KEY (profile_id, invoice_id)
) STRICT;
`;

/** Creates the billing tables. */
export const billingMigration: Migration = {
  version: 5,
  name: 'billing',
  up: (db) => db.exec(sql),
};
