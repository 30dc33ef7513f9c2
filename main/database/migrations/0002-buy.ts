/**
 * Migration 2: cart drafts, the checkout journal and the cached partner price sheet.
 *
 * Drafts and the journal are the app's own state (never a cache): a refresh never deletes them, only
 * removing the profile does. Frozen once shipped.
 */
import type { Migration } from '../migrate';

const sql = `
-- A cart being built for one customer; one 'active' draft per profile and customer.
CREATE TABLE cart_drafts (
  id TEXT PRIMARY KEY,
  profile_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'checked-out')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  reviewed_at INTEGER,
  -- Set by a review, cleared by any change: a checkout must name the review it confirms.
  review_id TEXT,
  -- How many lines the review flagged as possible duplicates (they need a second confirmation).
  review_duplicates INTEGER NOT NULL DEFAULT 0,
  -- Partner Center's cart for the last review, and when it expires (7 days after creation).
  remote_cart_id TEXT,
  remote_expires_at INTEGER,
  -- The checkout whose failed order groups this draft holds, if any.
  from_checkout_id TEXT
) STRICT;
CREATE UNIQUE INDEX cart_drafts_active ON cart_drafts (profile_id, customer_id) WHERE status = 'active';

-- Lines in the order they were added. 'fields' holds what the person chose (kind-specific, JSON);
-- 'problems' and 'price' are what the last review found.
CREATE TABLE cart_draft_lines (
  draft_id TEXT NOT NULL REFERENCES cart_drafts(id) ON DELETE CASCADE,
  line_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('reservation', 'savings-plan')),
  fields TEXT NOT NULL,
  problems TEXT NOT NULL DEFAULT '[]',
  price TEXT,
  price_note TEXT,
  catalog_item_id TEXT,
  PRIMARY KEY (draft_id, line_id)
) STRICT;

-- One row per checkout. request_id is written before the first byte is sent, and every attempt
-- carries it. Written through the durable connection (synchronous = FULL).
CREATE TABLE checkout_journal (
  id TEXT PRIMARY KEY,
  profile_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  draft_id TEXT NOT NULL,
  review_id TEXT NOT NULL UNIQUE,
  cart_id TEXT NOT NULL,
  request_id TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL CHECK (state IN ('prepared', 'sending', 'in-doubt', 'ordered', 'partially-ordered', 'failed')),
  -- The draft lines as bought (JSON): what the duplicate guard and the result map compare with.
  lines TEXT NOT NULL,
  summary TEXT NOT NULL,
  message TEXT NOT NULL,
  result TEXT,
  error TEXT,
  new_draft_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX checkout_journal_customer ON checkout_journal (profile_id, customer_id, created_at);
CREATE INDEX checkout_journal_open ON checkout_journal (state) WHERE state IN ('prepared', 'sending', 'in-doubt');

-- Every transition, appended in the same transaction as the state change.
CREATE TABLE checkout_journal_events (
  checkout_id TEXT NOT NULL REFERENCES checkout_journal(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  event TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (checkout_id, seq)
) STRICT;

-- The partner price sheet (reservations), per profile and market, with the date it was fetched.
CREATE TABLE price_sheets (
  profile_id TEXT NOT NULL,
  market TEXT NOT NULL,
  fetched_at INTEGER NOT NULL,
  PRIMARY KEY (profile_id, market)
) STRICT;
CREATE TABLE price_sheet_rows (
  profile_id TEXT NOT NULL,
  market TEXT NOT NULL,
  product_id TEXT NOT NULL COLLATE NOCASE,
  sku_id TEXT NOT NULL COLLATE NOCASE,
  term TEXT NOT NULL COLLATE NOCASE,
  currency TEXT NOT NULL,
  unit_price REAL NOT NULL,
  effective_start TEXT,
  PRIMARY KEY (profile_id, market, product_id, sku_id, term),
  FOREIGN KEY (profile_id, market) REFERENCES price_sheets(profile_id, market) ON DELETE CASCADE
) STRICT;
`;

export const buyMigration: Migration = {
  version: 2,
  name: 'buy',
  up(db) {
    db.exec(sql);
  },
};
