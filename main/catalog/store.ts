/**
 * The catalog store: generations, staged writes with resume checkpoints, the atomic swap, freshness,
 * sync-run records and the availability cache, all on the app's SQLite database.
 *
 * Why generations: a sync writes a complete new copy (`staging`) next to the one readers use
 * (`live`) and promotes it with a single pointer update in one transaction. A failed, cancelled or
 * killed sync therefore never changes what the Catalog screen shows, and its staged rows stay behind
 * as the checkpoint a later sync resumes from.
 */
import type Database from 'better-sqlite3';
import type { CatalogFacets } from '../../preload/contract';
import {
  normalizeCatalogKey,
  type CatalogKey,
  type CatalogProduct,
  type CatalogScope,
  type NormalizedCatalogKey,
  type NormalizedSku,
} from './types';
import { marketStatus, type MarketStatus } from './market';

/** A stored copy of a catalog. */
export interface GenerationInfo {
  readonly id: number;
  readonly catalogId: number;
  readonly state: 'staging' | 'live' | 'retired';
  readonly createdAt: number;
  readonly completedAt: number | undefined;
  /** Undefined until the product list has been stored. */
  readonly productsTotal: number | undefined;
  readonly productsDone: number;
  readonly skuCount: number;
}

/** A product still waiting for its SKUs in a staging generation. */
export interface PendingProduct extends CatalogProduct {
  /** SKU count in the live generation (0 if unknown): big products are fetched first. */
  readonly previousSkuCount: number;
}

/** How a sync run ended. */
export type SyncOutcome =
  'running' | 'completed' | 'cancelled' | 'failed' | 'offline' | 'unavailable' | 'interrupted';

/** A recorded sync run. */
export interface SyncRunInfo {
  readonly id: number;
  readonly startedAt: number;
  readonly finishedAt: number | undefined;
  readonly outcome: SyncOutcome;
  readonly resumed: boolean;
  readonly requests: number;
  readonly productsDone: number;
  readonly productsTotal: number | undefined;
  readonly skuCount: number;
  readonly error: string | undefined;
}

/** How old a cached catalog is and whether it can be refreshed. */
export interface CatalogFreshness {
  readonly catalog: NormalizedCatalogKey;
  readonly market: MarketStatus;
  /** When the live catalog was completed (ms since epoch); undefined if never synced. */
  readonly syncedAt: number | undefined;
  /** `now - syncedAt`. */
  readonly ageMs: number | undefined;
  readonly productCount: number;
  readonly skuCount: number;
  /** Set while Partner Center is unreachable: when that was first noticed. */
  readonly offlineSince: number | undefined;
  readonly lastError: string | undefined;
  /** A staged sync that a new sync would resume, and how far it got. */
  readonly resumable:
    { readonly productsDone: number; readonly productsTotal: number | undefined } | undefined;
  readonly lastRun: SyncRunInfo | undefined;
}

/** An availability as cached. */
export interface CachedAvailability {
  readonly productId: string;
  readonly skuId: string;
  readonly availabilityId: string;
  /** `{productId}:{skuId}:{availabilityId}`: what a cart line needs. */
  readonly catalogItemId: string;
  readonly segment: string | undefined;
  readonly currencyCode: string | undefined;
  readonly isPurchasable: boolean | undefined;
  readonly isRenewable: boolean | undefined;
  readonly terms: ReadonlyArray<{ readonly duration?: string; readonly description?: string }>;
  readonly fetchedAt: number;
}

interface CatalogRow {
  id: number;
  profile_id: string;
  country: string;
  scope: CatalogScope;
  segment: string;
  live_generation_id: number | null;
  synced_at: number | null;
  offline_since: number | null;
  last_error: string | null;
}

interface GenerationRow {
  id: number;
  catalog_id: number;
  state: 'staging' | 'live' | 'retired';
  created_at: number;
  completed_at: number | null;
  products_total: number | null;
  products_done: number;
  sku_count: number;
}

interface RunRow {
  id: number;
  started_at: number;
  finished_at: number | null;
  outcome: SyncOutcome;
  resumed: number;
  requests: number;
  products_done: number;
  products_total: number | null;
  sku_count: number;
  error: string | null;
}

interface AvailabilityRow {
  product_id: string;
  sku_id: string;
  availability_id: string;
  catalog_item_id: string;
  segment: string | null;
  currency_code: string | null;
  is_purchasable: number | null;
  is_renewable: number | null;
  terms: string;
  fetched_at: number;
}

/**
 * The columns of a SKU in `catalog_skus` (besides `id` and `generation_id`), declared once: the insert
 * and the search's reads use this order, and `skuRows` builds its values in it (after `product_id`).
 */
export const skuColumns = [
  'product_id',
  'sku_id',
  'product_title',
  'title',
  'description',
  'arm_sku_name',
  'sku_display_name',
  'region',
  'arm_region_name',
  'cores',
  'ram_gb',
  'term',
  'duration',
  'category',
  'disk_type',
  'vm_series',
  'reservation_type',
  'needs_inventory_check',
  'prerequisites',
  'inventory_variables',
  'provisioning_variables',
  'billing_cycles',
  'minimum_quantity',
  'maximum_quantity',
  'attributes',
] as const;

/**
 * The text the full-text index holds for a SKU: names people type, in the forms they type them,
 * including `d4sv5` for `Standard_D4s_v5` (people often type sizes without separators).
 */
const searchTextSql = `product_title || ' ' || title
  || CASE WHEN description = title THEN '' ELSE ' ' || description END
  || ' ' || coalesce(arm_sku_name, '')
  || ' ' || replace(replace(lower(coalesce(arm_sku_name, '')), 'standard_', ''), '_', '')
  || ' ' || coalesce(sku_display_name, '') || ' ' || coalesce(region, '')
  || ' ' || coalesce(arm_region_name, '') || ' ' || coalesce(category, '')
  || ' ' || coalesce(vm_series, '')`;

/** How one facet dimension is computed and stored. */
export interface FacetDimension {
  /** Its name in `catalog_facets.facet` (stored: never rename one). */
  readonly stored: string;
  readonly value: string;
  readonly label: string;
  /** Which SKUs have a value. */
  readonly where: string;
  /** A number range (min, max, values) rather than a list of values with counts. */
  readonly numeric?: true;
}

/**
 * Every facet dimension, declared once, by the contract's name for it (`CatalogFacets`): the search
 * builds its answer from this table, and the facet query below is made from it.
 */
export const facetDimensions: Readonly<Record<keyof CatalogFacets, FacetDimension>> = {
  regions: {
    stored: 'region',
    value: 'arm_region_name',
    label: 'coalesce(region, arm_region_name)',
    where: 'arm_region_name IS NOT NULL',
  },
  products: { stored: 'product', value: 'product_id', label: 'product_title', where: '1' },
  series: { stored: 'series', value: 'vm_series', label: 'vm_series', where: 'vm_series IS NOT NULL' },
  categories: { stored: 'category', value: 'category', label: 'category', where: 'category IS NOT NULL' },
  terms: { stored: 'term', value: 'term', label: 'coalesce(duration, term)', where: 'term IS NOT NULL' },
  diskTypes: { stored: 'diskType', value: 'disk_type', label: 'disk_type', where: 'disk_type IS NOT NULL' },
  cores: {
    stored: 'cores',
    value: "printf('%g', cores)",
    label: "printf('%g', cores)",
    where: 'cores IS NOT NULL',
    numeric: true,
  },
  ramGb: {
    stored: 'ramGb',
    value: "printf('%g', ram_gb)",
    label: "printf('%g', ram_gb)",
    where: 'ram_gb IS NOT NULL',
    numeric: true,
  },
  needsInventoryCheck: {
    stored: 'needsInventoryCheck',
    value: "CASE needs_inventory_check WHEN 1 THEN 'true' ELSE 'false' END",
    label: "CASE needs_inventory_check WHEN 1 THEN 'Needs inventory check' ELSE 'No inventory check' END",
    where: '1',
  },
};

/** Every facet's values and counts in generation `@gen`. */
const facetQuery = Object.values(facetDimensions)
  .map(
    ({ stored, value, label, where }) =>
      `SELECT '${stored}' AS facet, ${value} AS value, max(${label}) AS label, count(*) AS count
       FROM catalog_skus WHERE generation_id = @gen AND ${where} GROUP BY ${value}`,
  )
  .join(' UNION ALL ');

/** One value of a facet, with how many SKUs have it. */
export interface FacetRow {
  readonly facet: string;
  readonly value: string;
  readonly label: string;
  readonly count: number;
}

/** The catalog tables of one database. Synchronous: better-sqlite3 calls are. */
export class CatalogStore {
  private readonly stmt;
  private bulkWriters = 0;
  /** Catalogs with no live generation, shown from the staging one their first sync fills. */
  private readonly firstSyncs = new Map<number, number>();

  constructor(readonly db: Database.Database) {
    this.stmt = {
      insertCatalog: db.prepare(
        `INSERT INTO catalog_scopes (profile_id, country, scope, segment) VALUES (?, ?, ?, ?)
         ON CONFLICT (profile_id, country, scope, segment) DO NOTHING`,
      ),
      findCatalog: db.prepare(
        'SELECT * FROM catalog_scopes WHERE profile_id = ? AND country = ? AND scope = ? AND segment = ?',
      ),
      catalogById: db.prepare('SELECT * FROM catalog_scopes WHERE id = ?'),
      generation: db.prepare('SELECT * FROM catalog_generations WHERE id = ?'),
      staging: db.prepare(
        `SELECT * FROM catalog_generations WHERE catalog_id = ? AND state = 'staging' ORDER BY id DESC LIMIT 1`,
      ),
      insertGeneration: db.prepare(
        `INSERT INTO catalog_generations (catalog_id, state, created_at) VALUES (?, 'staging', ?)`,
      ),
      insertProduct: db.prepare(
        `INSERT INTO catalog_products (generation_id, product_id, title, description, product_type, sub_type)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (generation_id, product_id) DO NOTHING`,
      ),
      setProductsTotal: db.prepare(
        `UPDATE catalog_generations
         SET products_total = (SELECT count(*) FROM catalog_products WHERE generation_id = @gen) WHERE id = @gen`,
      ),
      pendingProducts: db.prepare(
        `SELECT p.product_id, p.title, p.description, p.product_type, p.sub_type,
                coalesce(prev.sku_count, 0) AS previous_sku_count
         FROM catalog_products p
         LEFT JOIN catalog_scopes c ON c.id = @catalog
         LEFT JOIN catalog_products prev
           ON prev.generation_id = c.live_generation_id AND prev.product_id = p.product_id
         WHERE p.generation_id = @gen AND p.skus_done = 0
         ORDER BY previous_sku_count DESC, p.product_id`,
      ),
      productState: db.prepare(
        'SELECT skus_done, sku_count FROM catalog_products WHERE generation_id = ? AND product_id = ?',
      ),
      deleteProductSkus: db.prepare('DELETE FROM catalog_skus WHERE generation_id = ? AND product_id = ?'),
      insertSku: db.prepare(
        `INSERT INTO catalog_skus (generation_id, ${skuColumns.join(', ')})
         VALUES (?, ${skuColumns.map(() => '?').join(', ')})`,
      ),
      // One statement per product: the text is built and indexed inside SQLite, not row by row from JS.
      fillProductFts: db.prepare(
        `INSERT INTO catalog_sku_fts (rowid, body)
         SELECT id, ${searchTextSql} FROM catalog_skus WHERE generation_id = ? AND product_id = ?`,
      ),
      deleteProductFts: db.prepare(
        `DELETE FROM catalog_sku_fts WHERE rowid IN
           (SELECT id FROM catalog_skus WHERE generation_id = ? AND product_id = ?)`,
      ),
      markProductDone: db.prepare(
        'UPDATE catalog_products SET skus_done = 1, sku_count = ? WHERE generation_id = ? AND product_id = ?',
      ),
      bumpGeneration: db.prepare(
        'UPDATE catalog_generations SET products_done = products_done + ?, sku_count = sku_count + ? WHERE id = ?',
      ),
      maintained: db.prepare('SELECT maintained FROM catalog_generations WHERE id = ?'),
      storedFacets: db.prepare(
        'SELECT facet, value, label, count FROM catalog_facets WHERE generation_id = ?',
      ),
      computedFacets: db.prepare(facetQuery),
      retireLive: db.prepare(
        `UPDATE catalog_generations SET state = 'retired' WHERE catalog_id = ? AND state = 'live'`,
      ),
      makeLive: db.prepare(`UPDATE catalog_generations SET state = 'live', completed_at = ? WHERE id = ?`),
      pointLive: db.prepare(
        `UPDATE catalog_scopes SET live_generation_id = ?, synced_at = ?, offline_since = NULL, last_error = NULL
         WHERE id = ?`,
      ),
      retired: db.prepare(`SELECT id FROM catalog_generations WHERE state = 'retired'`),
      deleteGenerationFts: db.prepare(
        'DELETE FROM catalog_sku_fts WHERE rowid IN (SELECT id FROM catalog_skus WHERE generation_id = ?)',
      ),
      deleteGenerationSkus: db.prepare('DELETE FROM catalog_skus WHERE generation_id = ?'),
      deleteGenerationProducts: db.prepare('DELETE FROM catalog_products WHERE generation_id = ?'),
      deleteGenerationFacets: db.prepare('DELETE FROM catalog_facets WHERE generation_id = ?'),
      deleteGeneration: db.prepare('DELETE FROM catalog_generations WHERE id = ?'),
      insertRun: db.prepare(
        `INSERT INTO catalog_sync_runs (catalog_id, generation_id, started_at, outcome, resumed)
         VALUES (?, ?, ?, 'running', ?)`,
      ),
      finishRun: db.prepare(
        `UPDATE catalog_sync_runs SET finished_at = ?, outcome = ?, requests = ?, products_done = ?,
           products_total = ?, sku_count = ?, error = ? WHERE id = ?`,
      ),
      interruptRuns: db.prepare(
        `UPDATE catalog_sync_runs SET outcome = 'interrupted', finished_at = ?
         WHERE catalog_id = ? AND outcome = 'running'`,
      ),
      lastRun: db.prepare(
        'SELECT * FROM catalog_sync_runs WHERE catalog_id = ? ORDER BY started_at DESC, id DESC LIMIT 1',
      ),
      markOffline: db.prepare(
        'UPDATE catalog_scopes SET offline_since = coalesce(offline_since, ?), last_error = ? WHERE id = ?',
      ),
      markOnline: db.prepare('UPDATE catalog_scopes SET offline_since = NULL WHERE id = ?'),
      setError: db.prepare('UPDATE catalog_scopes SET last_error = ? WHERE id = ?'),
      upsertFetch: db.prepare(
        `INSERT INTO catalog_availability_fetches (catalog_id, product_id, sku_id, fetched_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (catalog_id, product_id, sku_id) DO UPDATE SET fetched_at = excluded.fetched_at`,
      ),
      fetchOf: db.prepare(
        'SELECT fetched_at FROM catalog_availability_fetches WHERE catalog_id = ? AND product_id = ? AND sku_id = ?',
      ),
      deleteAvailabilities: db.prepare(
        'DELETE FROM catalog_availabilities WHERE catalog_id = ? AND product_id = ? AND sku_id = ?',
      ),
      insertAvailability: db.prepare(
        `INSERT INTO catalog_availabilities (catalog_id, product_id, sku_id, availability_id, catalog_item_id,
           segment, currency_code, is_purchasable, is_renewable, terms, fetched_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (catalog_id, product_id, sku_id, availability_id) DO UPDATE SET
           catalog_item_id = excluded.catalog_item_id, segment = excluded.segment,
           currency_code = excluded.currency_code, is_purchasable = excluded.is_purchasable,
           is_renewable = excluded.is_renewable, terms = excluded.terms, fetched_at = excluded.fetched_at`,
      ),
      availabilities: db.prepare(
        `SELECT * FROM catalog_availabilities WHERE catalog_id = ? AND product_id = ? AND sku_id = ?
         ORDER BY availability_id`,
      ),
    };
  }

  /**
   * Marks the start of a bulk write (a sync). Automatic WAL checkpoints are paused until the last
   * bulk write ends: each one copies pages back and fsyncs in the middle of the sync's commits, which
   * roughly doubled the time spent writing the 50,000-SKU catalog. The checkpoint then runs once,
   * just after the sync, off its critical path.
   */
  beginBulkWrite(): void {
    if (this.bulkWriters === 0) this.db.pragma('wal_autocheckpoint = 0');
    this.bulkWriters += 1;
  }

  /** Ends a bulk write; true when it was the last one, and it is time for `maintain`. */
  endBulkWrite(): boolean {
    this.bulkWriters = Math.max(0, this.bulkWriters - 1);
    return this.bulkWriters === 0;
  }

  /**
   * After a sync: gives live generations their derived data (facets, merged full-text index) and
   * checkpoints the sync's WAL, on this store's connection (a writer thread's, in the app, so the
   * main process stays responsive). Until then, facets are computed on the fly. Then call
   * `afterMaintenance` on the store that reads.
   */
  maintain(): void {
    try {
      this.maintainLiveGenerations();
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy: a later sync maintains the generation, and a later commit checkpoints automatically.
    }
  }

  /**
   * After `maintain` ran (on this connection or another): reads the planner statistics it gathered,
   * which a connection otherwise only does when the schema changes, and turns automatic checkpoints
   * back on, unless another bulk write has begun.
   */
  afterMaintenance(): void {
    if (!this.db.open) return;
    this.db.exec('ANALYZE sqlite_master');
    if (this.bulkWriters === 0) this.db.pragma('wal_autocheckpoint = 1000');
  }

  /** The catalog's id, creating its row on first use. */
  ensureCatalog(key: CatalogKey): number {
    const k = normalizeCatalogKey(key);
    this.stmt.insertCatalog.run(k.profileId, k.country, k.scope, k.segment);
    return (this.stmt.findCatalog.get(k.profileId, k.country, k.scope, k.segment) as CatalogRow).id;
  }

  /** The catalog's id, or undefined if it was never used. */
  findCatalog(key: CatalogKey): number | undefined {
    const k = normalizeCatalogKey(key);
    const row = this.stmt.findCatalog.get(k.profileId, k.country, k.scope, k.segment) as
      CatalogRow | undefined;
    return row?.id;
  }

  /**
   * The generation readers should use: the live one, or, while a catalog's first sync runs, the
   * staging generation it fills (each product's SKUs are committed as they arrive, so people see
   * rows within a second instead of after the whole catalog); undefined when there is neither.
   */
  liveGenerationId(key: CatalogKey): number | undefined {
    const k = normalizeCatalogKey(key);
    const row = this.stmt.findCatalog.get(k.profileId, k.country, k.scope, k.segment) as
      CatalogRow | undefined;
    if (row === undefined) return undefined;
    return row.live_generation_id ?? this.firstSyncs.get(row.id);
  }

  /** Whether a generation is live (not a first sync's partial one that readers are shown). */
  isLive(generationId: number): boolean {
    return this.generation(generationId)?.state === 'live';
  }

  /**
   * While a catalog without a live generation syncs, readers see its staging generation; a sync
   * that ends without promoting it hides it again (a partial catalog is never kept on show).
   * Returns the function that ends the showing.
   */
  showFirstSync(catalogId: number, generationId: number): () => void {
    this.firstSyncs.set(catalogId, generationId);
    return () => {
      if (this.firstSyncs.get(catalogId) === generationId) this.firstSyncs.delete(catalogId);
    };
  }

  /** One generation's bookkeeping. */
  generation(id: number): GenerationInfo | undefined {
    const row = this.stmt.generation.get(id) as GenerationRow | undefined;
    return row === undefined ? undefined : toGeneration(row);
  }

  /** The staging generation a sync would resume, if any. */
  stagingGeneration(catalogId: number): GenerationInfo | undefined {
    const row = this.stmt.staging.get(catalogId) as GenerationRow | undefined;
    return row === undefined ? undefined : toGeneration(row);
  }

  /**
   * The staging generation to write into: the existing one (resume) unless it is older than
   * `maxResumeAgeMs`, in which case it is dropped and a new one started.
   */
  beginStaging(
    catalogId: number,
    now: number,
    maxResumeAgeMs: number,
  ): { readonly generation: GenerationInfo; readonly resumed: boolean } {
    const existing = this.stagingGeneration(catalogId);
    if (existing !== undefined && now - existing.createdAt <= maxResumeAgeMs) {
      return { generation: existing, resumed: existing.productsTotal !== undefined };
    }
    if (existing !== undefined) this.dropGeneration(existing.id);
    const id = Number(this.stmt.insertGeneration.run(catalogId, now).lastInsertRowid);
    return { generation: this.generation(id)!, resumed: false };
  }

  /** Stores the product list of a staging generation (the sync's first checkpoint). */
  storeProducts(generationId: number, products: ReadonlyArray<CatalogProduct>): void {
    this.db
      .transaction(() => {
        for (const p of products) {
          this.stmt.insertProduct.run(
            generationId,
            p.productId,
            p.title,
            p.description,
            p.productType ?? null,
            p.subType ?? null,
          );
        }
        this.stmt.setProductsTotal.run({ gen: generationId });
      })
      .immediate();
  }

  /** Products of a staging generation whose SKUs are not stored yet, biggest (last time) first. */
  pendingProducts(catalogId: number, generationId: number): PendingProduct[] {
    const rows = this.stmt.pendingProducts.all({ catalog: catalogId, gen: generationId }) as Array<{
      product_id: string;
      title: string;
      description: string;
      product_type: string | null;
      sub_type: string | null;
      previous_sku_count: number;
    }>;
    return rows.map((row) => ({
      productId: row.product_id,
      title: row.title,
      description: row.description,
      productType: row.product_type ?? undefined,
      subType: row.sub_type ?? undefined,
      previousSkuCount: row.previous_sku_count,
    }));
  }

  /**
   * Stores all SKUs of one product (rows built by `skuRows`, on a writer thread in the app) in a
   * staging generation and marks the product done, in one transaction: a retried page replaces the
   * product's rows instead of adding to them, and a crash leaves either all of them with the
   * checkpoint or none.
   */
  storeSkuRows(generationId: number, product: CatalogProduct, rows: ReadonlyArray<SkuRowValues>): number {
    const s = this.stmt;
    this.db
      .transaction(() => {
        const before = s.productState.get(generationId, product.productId) as
          { skus_done: number; sku_count: number } | undefined;
        if (before === undefined) {
          s.insertProduct.run(
            generationId,
            product.productId,
            product.title,
            product.description,
            product.productType ?? null,
            product.subType ?? null,
          );
        }
        if (before?.skus_done === 1) s.deleteProductFts.run(generationId, product.productId);
        s.deleteProductSkus.run(generationId, product.productId);
        for (const row of rows) s.insertSku.run(generationId, product.productId, ...row);
        s.fillProductFts.run(generationId, product.productId);
        s.markProductDone.run(rows.length, generationId, product.productId);
        const wasDone = before?.skus_done === 1;
        s.bumpGeneration.run(
          wasDone ? 0 : 1,
          rows.length - (wasDone ? (before?.sku_count ?? 0) : 0),
          generationId,
        );
      })
      .immediate();
    return rows.length;
  }

  /**
   * Makes a complete staging generation live, in one transaction: the old live
   * generation is retired and the catalog points at the new one. Readers see the old catalog up to
   * the commit and the new one after it, never a mix.
   */
  promote(catalogId: number, generationId: number, now: number): void {
    this.db
      .transaction(() => {
        const generation = this.generation(generationId);
        if (
          generation === undefined ||
          generation.state !== 'staging' ||
          generation.catalogId !== catalogId
        ) {
          throw new Error(`generation ${generationId} is not a staging generation of catalog ${catalogId}`);
        }
        if (generation.productsTotal === undefined || generation.productsDone < generation.productsTotal) {
          throw new Error(`generation ${generationId} is incomplete`);
        }
        this.stmt.retireLive.run(catalogId);
        this.stmt.makeLive.run(now, generationId);
        this.stmt.pointLive.run(generationId, now, catalogId);
      })
      .immediate();
  }

  /** Deletes retired generations (after a swap, and at start-up in case a crash left one). */
  purgeRetired(): number {
    const ids = (this.stmt.retired.all() as Array<{ id: number }>).map((row) => row.id);
    for (const id of ids) this.dropGeneration(id);
    return ids.length;
  }

  /** Records the start of a sync run. */
  startRun(catalogId: number, generationId: number | undefined, resumed: boolean, now: number): number {
    return Number(
      this.stmt.insertRun.run(catalogId, generationId ?? null, now, resumed ? 1 : 0).lastInsertRowid,
    );
  }

  /** Records how a sync run ended. */
  finishRun(
    runId: number,
    end: {
      readonly outcome: Exclude<SyncOutcome, 'running'>;
      readonly now: number;
      readonly requests: number;
      readonly productsDone: number;
      readonly productsTotal: number | undefined;
      readonly skuCount: number;
      readonly error?: string;
    },
  ): void {
    this.stmt.finishRun.run(
      end.now,
      end.outcome,
      end.requests,
      end.productsDone,
      end.productsTotal ?? null,
      end.skuCount,
      end.error ?? null,
      runId,
    );
  }

  /** Marks runs left `running` by a process that died as `interrupted`. */
  interruptStaleRuns(catalogId: number, now: number): void {
    this.stmt.interruptRuns.run(now, catalogId);
  }

  /** Notes that Partner Center could not be reached (keeps the first time it was noticed). */
  markOffline(catalogId: number, now: number, message: string): void {
    this.stmt.markOffline.run(now, message, catalogId);
  }

  /** Notes that Partner Center answered again. */
  markOnline(catalogId: number): void {
    this.stmt.markOnline.run(catalogId);
  }

  /** Notes a failure that is not about connectivity. */
  setLastError(catalogId: number, message: string | undefined): void {
    this.stmt.setError.run(message ?? null, catalogId);
  }

  /** How old the cached catalog is, whether it is offline, and what a sync would resume. */
  freshness(key: CatalogKey, now: number = Date.now()): CatalogFreshness {
    const k = normalizeCatalogKey(key);
    const market = marketStatus(k.country);
    const row = this.stmt.findCatalog.get(k.profileId, k.country, k.scope, k.segment) as
      CatalogRow | undefined;
    if (row === undefined) {
      return {
        catalog: k,
        market,
        syncedAt: undefined,
        ageMs: undefined,
        productCount: 0,
        skuCount: 0,
        offlineSince: undefined,
        lastError: undefined,
        resumable: undefined,
        lastRun: undefined,
      };
    }
    const live = row.live_generation_id === null ? undefined : this.generation(row.live_generation_id);
    const staging = this.stagingGeneration(row.id);
    const run = this.stmt.lastRun.get(row.id) as RunRow | undefined;
    return {
      catalog: k,
      market,
      syncedAt: row.synced_at ?? undefined,
      ageMs: row.synced_at === null ? undefined : Math.max(0, now - row.synced_at),
      productCount: live?.productsTotal ?? 0,
      skuCount: live?.skuCount ?? 0,
      offlineSince: row.offline_since ?? undefined,
      lastError: row.last_error ?? undefined,
      resumable:
        staging === undefined
          ? undefined
          : { productsDone: staging.productsDone, productsTotal: staging.productsTotal },
      lastRun: run === undefined ? undefined : toRun(run),
    };
  }

  /** Replaces the cached availabilities of one SKU. */
  replaceAvailabilities(
    catalogId: number,
    productId: string,
    skuId: string,
    items: ReadonlyArray<Omit<CachedAvailability, 'fetchedAt'>>,
    now: number,
  ): void {
    this.db
      .transaction(() => {
        this.stmt.upsertFetch.run(catalogId, productId, skuId, now);
        this.stmt.deleteAvailabilities.run(catalogId, productId, skuId);
        for (const item of items) {
          this.stmt.insertAvailability.run(
            catalogId,
            productId,
            skuId,
            item.availabilityId,
            item.catalogItemId,
            item.segment ?? null,
            item.currencyCode ?? null,
            booleanOrNull(item.isPurchasable),
            booleanOrNull(item.isRenewable),
            JSON.stringify(item.terms),
            now,
          );
        }
      })
      .immediate();
  }

  /** The cached availabilities of one SKU, or undefined if they were never fetched. */
  cachedAvailabilities(
    catalogId: number,
    productId: string,
    skuId: string,
  ): { readonly fetchedAt: number; readonly items: CachedAvailability[] } | undefined {
    const fetch = this.stmt.fetchOf.get(catalogId, productId, skuId) as { fetched_at: number } | undefined;
    if (fetch === undefined) return undefined;
    const rows = this.stmt.availabilities.all(catalogId, productId, skuId) as AvailabilityRow[];
    return {
      fetchedAt: fetch.fetched_at,
      items: rows.map((row) => ({
        productId: row.product_id,
        skuId: row.sku_id,
        availabilityId: row.availability_id,
        catalogItemId: row.catalog_item_id,
        segment: row.segment ?? undefined,
        currencyCode: row.currency_code ?? undefined,
        isPurchasable: row.is_purchasable === null ? undefined : row.is_purchasable === 1,
        isRenewable: row.is_renewable === null ? undefined : row.is_renewable === 1,
        terms: JSON.parse(row.terms) as CachedAvailability['terms'],
        fetchedAt: row.fetched_at,
      })),
    };
  }

  /**
   * Deletes every catalog of a profile with everything hanging off it: generations (SKUs, products,
   * facets, full-text rows), availabilities and sync runs. For the profile's removal; its syncs must
   * have ended first.
   */
  forgetProfile(profileId: string): void {
    const catalogs = this.db
      .prepare('SELECT id FROM catalog_scopes WHERE profile_id = ?')
      .all(profileId) as Array<{ id: number }>;
    const generations = this.db.prepare('SELECT id FROM catalog_generations WHERE catalog_id = ?');
    const deleteCatalog = this.db.prepare('DELETE FROM catalog_scopes WHERE id = ?');
    this.db
      .transaction(() => {
        for (const { id } of catalogs) {
          // The full-text rows have no foreign key to cascade from: drop each generation by hand.
          for (const generation of generations.all(id) as Array<{ id: number }>) {
            this.dropGeneration(generation.id);
          }
          // Availabilities and sync runs go with the catalog (ON DELETE CASCADE).
          deleteCatalog.run(id);
        }
      })
      .immediate();
  }

  private dropGeneration(id: number): void {
    this.db
      .transaction(() => {
        this.stmt.deleteGenerationFts.run(id);
        this.stmt.deleteGenerationSkus.run(id);
        this.stmt.deleteGenerationProducts.run(id);
        this.stmt.deleteGenerationFacets.run(id);
        this.stmt.deleteGeneration.run(id);
      })
      .immediate();
  }

  /**
   * Builds a live generation's derived data once: its facets (fixed per generation, so computed
   * once instead of on every query) and a merged full-text index (the per-product inserts leave
   * many segments, which slows as-you-type queries). Runs after a sync's swap, on the writer thread
   * in the app, and when the writer threads start (in case the app quit in between). Idempotent.
   */
  maintainGeneration(generationId: number): void {
    const row = this.stmt.maintained.get(generationId) as { maintained: number } | undefined;
    if (row === undefined || row.maintained === 1) return;
    this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM catalog_facets WHERE generation_id = ?').run(generationId);
        this.db
          .prepare(
            `INSERT INTO catalog_facets (generation_id, facet, value, label, count)
             SELECT @gen, facet, value, label, count FROM (${facetQuery})`,
          )
          .run({ gen: generationId });
        this.db.prepare(`INSERT INTO catalog_sku_fts (catalog_sku_fts) VALUES ('optimize')`).run();
        // Statistics for the query planner: without them it cannot tell a region filter (1 row in 50)
        // from a cores filter (most rows) and walks the wrong index.
        this.db.prepare('ANALYZE catalog_skus').run();
        this.db.prepare('UPDATE catalog_generations SET maintained = 1 WHERE id = ?').run(generationId);
      })
      .immediate();
  }

  /**
   * A generation's facet values: stored ones once it is maintained, computed on the fly (read-only,
   * so never waiting for a writer) before that.
   */
  facetRows(generationId: number): FacetRow[] {
    const stored = this.stmt.maintained.get(generationId) as { maintained: number } | undefined;
    return (
      stored?.maintained === 1
        ? this.stmt.storedFacets.all(generationId)
        : this.stmt.computedFacets.all({ gen: generationId })
    ) as FacetRow[];
  }

  /** Maintains every live generation that needs it (see `maintainGeneration`). */
  maintainLiveGenerations(): void {
    const ids = this.db
      .prepare(`SELECT id FROM catalog_generations WHERE state = 'live' AND maintained = 0`)
      .all() as Array<{ id: number }>;
    for (const { id } of ids) this.maintainGeneration(id);
  }
}

function toGeneration(row: GenerationRow): GenerationInfo {
  return {
    id: row.id,
    catalogId: row.catalog_id,
    state: row.state,
    createdAt: row.created_at,
    completedAt: row.completed_at ?? undefined,
    productsTotal: row.products_total ?? undefined,
    productsDone: row.products_done,
    skuCount: row.sku_count,
  };
}

function toRun(row: RunRow): SyncRunInfo {
  return {
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at ?? undefined,
    outcome: row.outcome,
    resumed: row.resumed === 1,
    requests: row.requests,
    productsDone: row.products_done,
    productsTotal: row.products_total ?? undefined,
    skuCount: row.sku_count,
    error: row.error ?? undefined,
  };
}

/** One SKU's column values for `catalog_skus`, in the order of `skuColumns` after `product_id`. */
export type SkuRowValues = ReadonlyArray<string | number | null>;

/**
 * A product's SKUs as column values, one row per SKU id: Partner Center has been seen listing an item
 * twice in one page, and the last copy wins. Pure, so it can run on a thread without the database.
 */
export function skuRows(product: CatalogProduct, skus: ReadonlyArray<NormalizedSku>): SkuRowValues[] {
  const unique = new Map<string, NormalizedSku>();
  for (const sku of skus) unique.set(sku.skuId, sku);
  return Array.from(unique.values(), (sku) => [
    sku.skuId,
    product.title,
    sku.title,
    sku.description,
    sku.armSkuName ?? null,
    sku.skuDisplayName ?? null,
    sku.region ?? null,
    sku.armRegionName ?? null,
    sku.cores ?? null,
    sku.ramGb ?? null,
    sku.term ?? null,
    sku.duration ?? null,
    sku.category ?? null,
    sku.diskType ?? null,
    sku.vmSeries ?? null,
    sku.reservationType ?? null,
    sku.needsInventoryCheck ? 1 : 0,
    JSON.stringify(sku.prerequisites),
    JSON.stringify(sku.inventoryVariables),
    JSON.stringify(sku.provisioningVariables),
    JSON.stringify(sku.billingCycles),
    integerOrNull(sku.minimumQuantity),
    integerOrNull(sku.maximumQuantity),
    JSON.stringify(sku.attributes),
  ]);
}

function integerOrNull(value: number | undefined): number | null {
  return value === undefined ? null : Math.round(value);
}

function booleanOrNull(value: boolean | undefined): number | null {
  return value === undefined ? null : value ? 1 : 0;
}
