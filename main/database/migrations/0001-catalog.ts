/**
 * Migration 1: the offline reservation catalog.
 *
 * Frozen once shipped: later changes go in new migrations, never here. The SQL is inline (not
 * imported from `main/catalog`) so that this step means the same thing forever.
 */
import type { Migration } from '../migrate';

const sql = `
-- One cached catalog per (profile, country, reservation scope, segment): what the Catalog screen shows.
CREATE TABLE catalog_scopes (
  id INTEGER PRIMARY KEY,
  profile_id TEXT NOT NULL,
  country TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('AzurePlan', 'MS-AZR-0145P')),
  segment TEXT NOT NULL,
  -- The generation readers see; switched in one statement when a sync completes.
  live_generation_id INTEGER REFERENCES catalog_generations(id) ON DELETE SET NULL,
  synced_at INTEGER,
  -- Set when Partner Center could not be reached; cleared by the next successful call.
  offline_since INTEGER,
  last_error TEXT,
  UNIQUE (profile_id, country, scope, segment)
) STRICT;

-- A full copy of one catalog. Syncs write a 'staging' generation and promote it to 'live' at the end,
-- so a reader never sees a half-written catalog; a 'retired' one is deleted right after the swap.
CREATE TABLE catalog_generations (
  id INTEGER PRIMARY KEY,
  catalog_id INTEGER NOT NULL REFERENCES catalog_scopes(id) ON DELETE CASCADE,
  state TEXT NOT NULL CHECK (state IN ('staging', 'live', 'retired')),
  created_at INTEGER NOT NULL,
  completed_at INTEGER,
  -- NULL until the product list is stored; the resume checkpoint starts there.
  products_total INTEGER,
  products_done INTEGER NOT NULL DEFAULT 0,
  sku_count INTEGER NOT NULL DEFAULT 0,
  -- 1 once catalog_facets holds this generation's facets and its full-text index is optimized:
  -- derived data, built right after the swap (or on first use), off the sync's critical path.
  maintained INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX catalog_generations_by_catalog ON catalog_generations (catalog_id, state);

CREATE TABLE catalog_products (
  generation_id INTEGER NOT NULL REFERENCES catalog_generations(id) ON DELETE CASCADE,
  product_id TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  product_type TEXT,
  sub_type TEXT,
  -- Resume checkpoint: 1 once all of this product's SKUs are stored (same transaction as the SKUs).
  skus_done INTEGER NOT NULL DEFAULT 0,
  sku_count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (generation_id, product_id)
) STRICT, WITHOUT ROWID;

-- SKUs with the dynamicAttributes people filter on as real columns; the rest stays in attributes (JSON).
CREATE TABLE catalog_skus (
  id INTEGER PRIMARY KEY,
  generation_id INTEGER NOT NULL REFERENCES catalog_generations(id) ON DELETE CASCADE,
  product_id TEXT NOT NULL,
  sku_id TEXT NOT NULL,
  product_title TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  arm_sku_name TEXT COLLATE NOCASE,
  sku_display_name TEXT,
  region TEXT,
  arm_region_name TEXT COLLATE NOCASE,
  cores REAL,
  ram_gb REAL,
  -- ISO 8601 term (P1Y, P3Y) normalized from dynamicAttributes.duration; duration keeps the raw value.
  term TEXT COLLATE NOCASE,
  duration TEXT,
  category TEXT COLLATE NOCASE,
  disk_type TEXT COLLATE NOCASE,
  vm_series TEXT COLLATE NOCASE,
  reservation_type TEXT,
  needs_inventory_check INTEGER NOT NULL,
  prerequisites TEXT NOT NULL,
  inventory_variables TEXT NOT NULL,
  provisioning_variables TEXT NOT NULL,
  billing_cycles TEXT NOT NULL,
  minimum_quantity INTEGER,
  maximum_quantity INTEGER,
  attributes TEXT NOT NULL,
  UNIQUE (generation_id, product_id, sku_id)
) STRICT;
-- Every index leads with generation_id: a query only ever reads one generation. Only the region
-- filter, the cores/RAM ranges and the default sort are indexed: each index adds measurable sync time
-- per 50,000 SKUs, while low-cardinality filters (category, term, disk type) and other sorts scan or
-- top-N sort one generation in a few milliseconds.
CREATE INDEX catalog_skus_region ON catalog_skus (generation_id, arm_region_name);
CREATE INDEX catalog_skus_cores ON catalog_skus (generation_id, cores);
CREATE INDEX catalog_skus_ram ON catalog_skus (generation_id, ram_gb);
CREATE INDEX catalog_skus_title ON catalog_skus (generation_id, title);

-- Free text over titles, descriptions, ARM names and regions. Contentless (the text lives in
-- catalog_skus), rowid = catalog_skus.id, filled per product as SKUs are stored and optimized into one
-- segment when the generation goes live. detail=none:
-- queries are ANDed prefix terms only, so positions are never needed and the index stays small;
-- prefix indexes make as-you-type queries of one to three characters cheap.
CREATE VIRTUAL TABLE catalog_sku_fts USING fts5(
  body,
  content = '',
  contentless_delete = 1,
  detail = none,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);

-- Filter-picker values per generation, computed once when the generation goes live.
CREATE TABLE catalog_facets (
  generation_id INTEGER NOT NULL REFERENCES catalog_generations(id) ON DELETE CASCADE,
  facet TEXT NOT NULL,
  value TEXT NOT NULL,
  label TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (generation_id, facet, value)
) STRICT, WITHOUT ROWID;

-- Availabilities, fetched on demand per SKU; they outlive generations (a catalogItemId can change,
-- so they are re-fetched right before a cart uses them).
CREATE TABLE catalog_availability_fetches (
  catalog_id INTEGER NOT NULL REFERENCES catalog_scopes(id) ON DELETE CASCADE,
  product_id TEXT NOT NULL,
  sku_id TEXT NOT NULL,
  fetched_at INTEGER NOT NULL,
  PRIMARY KEY (catalog_id, product_id, sku_id)
) STRICT, WITHOUT ROWID;
CREATE TABLE catalog_availabilities (
  catalog_id INTEGER NOT NULL,
  product_id TEXT NOT NULL,
  sku_id TEXT NOT NULL,
  availability_id TEXT NOT NULL,
  catalog_item_id TEXT NOT NULL,
  segment TEXT,
  currency_code TEXT,
  is_purchasable INTEGER,
  is_renewable INTEGER,
  terms TEXT NOT NULL,
  fetched_at INTEGER NOT NULL,
  PRIMARY KEY (catalog_id, product_id, sku_id, availability_id),
  FOREIGN KEY (catalog_id, product_id, sku_id)
    REFERENCES catalog_availability_fetches (catalog_id, product_id, sku_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- One row per sync attempt, for freshness, diagnostics and resume.
CREATE TABLE catalog_sync_runs (
  id INTEGER PRIMARY KEY,
  catalog_id INTEGER NOT NULL REFERENCES catalog_scopes(id) ON DELETE CASCADE,
  generation_id INTEGER,
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  outcome TEXT NOT NULL CHECK (outcome IN
    ('running', 'completed', 'cancelled', 'failed', 'offline', 'unavailable', 'interrupted')),
  resumed INTEGER NOT NULL DEFAULT 0,
  requests INTEGER NOT NULL DEFAULT 0,
  products_done INTEGER NOT NULL DEFAULT 0,
  products_total INTEGER,
  sku_count INTEGER NOT NULL DEFAULT 0,
  error TEXT
) STRICT;
CREATE INDEX catalog_sync_runs_by_catalog ON catalog_sync_runs (catalog_id, started_at);
`;

/** Creates the catalog tables, indexes and full-text index. */
export const catalogMigration: Migration = {
  version: 1,
  name: 'catalog',
  up(db) {
    db.exec(sql);
  },
};
