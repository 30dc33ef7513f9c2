/**
 * Catalog search: filters (validated once, by the bridge's dispatcher, against the contract), free text (FTS5, prefix matching as people type), sort by any
 * column, offset/limit paging, a total count, and the facet values for the filter pickers.
 *
 * Every query reads exactly one generation (the live one), so it never sees a sync in progress.
 * Filters use `IN (SELECT value FROM json_each(?))` rather than a placeholder per value, which keeps
 * the number of distinct statements small enough to cache them all.
 */
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type {
  CatalogFacets,
  CatalogKey,
  CatalogSearchInput,
  CatalogSortColumn,
  FacetValue,
} from '../../preload/contract';
import { marketStatus, type MarketStatus } from './market';
import { facetDimensions, skuColumns, type CatalogStore, type FacetDimension, type FacetRow } from './store';
import { normalizeCatalogKey, type CatalogSkuRow, type NormalizedCatalogKey } from './types';

const sortSql: Readonly<Record<CatalogSortColumn, string>> = {
  title: 's.title',
  productTitle: 's.product_title',
  armSkuName: 's.arm_sku_name',
  skuDisplayName: 's.sku_display_name',
  region: 's.region',
  armRegionName: 's.arm_region_name',
  cores: 's.cores',
  ramGb: 's.ram_gb',
  term: 's.term',
  category: 's.category',
  diskType: 's.disk_type',
  vmSeries: 's.vm_series',
  needsInventoryCheck: 's.needs_inventory_check',
  productId: 's.product_id',
  skuId: 's.sku_id',
};

/** A search request as the dispatcher hands it over: validated, with the contract's defaults. */
export type CatalogSearchQuery = z.output<typeof CatalogSearchInput>;

/** What a search returns. */
export interface CatalogSearchResult {
  readonly catalog: NormalizedCatalogKey;
  readonly market: MarketStatus;
  /** The generation the rows come from; undefined when the catalog was never synced. */
  readonly generationId: number | undefined;
  /** Matches in total, for "1,234 SKUs" and the scroll height. */
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly rows: ReadonlyArray<CatalogSkuRow>;
  readonly facets: CatalogFacets | undefined;
}

/** What a search of one generation finds: the part of `CatalogSearchResult` that reads the database. */
export type GenerationSearchResult = Pick<CatalogSearchResult, 'total' | 'rows' | 'facets'>;

/** What a search finds in a catalog that has no generation to read. */
export const nothingFound: GenerationSearchResult = { total: 0, rows: [], facets: undefined };

/**
 * The FTS5 query for what someone typed: every word becomes a quoted prefix term, all required.
 * Undefined when there is nothing to search for. Quoting means no input can be FTS5 syntax.
 */
export function ftsQueryOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  if (words === null || words.length === 0) return undefined;
  return [...new Set(words)]
    .slice(0, 12)
    .map((word) => `"${word}"*`)
    .join(' ');
}

interface SkuDbRow {
  product_id: string;
  sku_id: string;
  product_title: string;
  title: string;
  description: string;
  arm_sku_name: string | null;
  sku_display_name: string | null;
  region: string | null;
  arm_region_name: string | null;
  cores: number | null;
  ram_gb: number | null;
  term: string | null;
  duration: string | null;
  category: string | null;
  disk_type: string | null;
  vm_series: string | null;
  reservation_type: string | null;
  needs_inventory_check: number;
  prerequisites: string;
  inventory_variables: string;
  provisioning_variables: string;
  billing_cycles: string;
  minimum_quantity: number | null;
  maximum_quantity: number | null;
  attributes: string;
}

// A row has exactly the declared columns: the build fails when one is added to one side only.
type SkuColumn = (typeof skuColumns)[number];
const _rowHasTheDeclaredColumns: [
  Exclude<keyof SkuDbRow, SkuColumn>,
  Exclude<SkuColumn, keyof SkuDbRow>,
] extends [never, never]
  ? true
  : never = true;

const rowColumns = skuColumns.map((column) => `s.${column}`).join(', ');

/** Searches one cached catalog. Prepared statements are cached per shape of query. */
export class CatalogSearch {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly store: CatalogStore) {}

  /** Runs a validated search on the live catalog. */
  search(query: CatalogSearchQuery): CatalogSearchResult {
    const where = this.whereToSearch(query);
    return {
      ...where,
      ...(where.generationId === undefined ? nothingFound : this.searchGeneration(where.generationId, query)),
    };
  }

  /** The catalog, market and generation a search reads (the live one); no generation, no rows. */
  whereToSearch(query: CatalogSearchQuery): Omit<CatalogSearchResult, keyof GenerationSearchResult> {
    const catalog = normalizeCatalogKey(query.catalog);
    const market = marketStatus(catalog.country);
    const generationId = market.available ? this.store.liveGenerationId(catalog) : undefined;
    return { catalog, market, generationId, offset: query.offset, limit: query.limit };
  }

  /**
   * Runs a validated search on one generation, which the caller resolved (`search` does, from the
   * live catalog): a thread with its own connection runs it too (`search-thread.ts`).
   */
  searchGeneration(generationId: number, query: CatalogSearchQuery): GenerationSearchResult {
    // Text with nothing to search for in it ("😀", a lone quote or dash) finds nothing: it must not
    // fall back to the whole catalog as if the box were empty.
    if (query.text !== undefined && query.text.trim() !== '' && ftsQueryOf(query.text) === undefined) {
      return { total: 0, rows: [], facets: query.includeFacets ? noFacets : undefined };
    }
    const clauses = filterClauses(query);
    const where = ['s.generation_id = ?', ...clauses.map((clause) => clause.sql)];
    const params: Array<string | number> = [generationId, ...clauses.flatMap((clause) => clause.params)];
    const whereSql = where.join(' AND ');
    const sort = query.sort ?? { by: 'title' as const, direction: 'asc' as const };
    const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
    // Sort only ids and the sort key, then read the page's rows: sorting whole rows (attributes
    // included) of 25,000 matches cost most of a query.
    const page = `SELECT s.id, ${sortSql[sort.by]} AS k FROM catalog_skus s
      WHERE ${whereSql} ORDER BY k ${direction} NULLS LAST, s.id ${direction} LIMIT ? OFFSET ?`;
    const rows = this.prepare(
      `SELECT ${rowColumns} FROM (${page}) AS page JOIN catalog_skus s ON s.id = page.id
       ORDER BY page.k ${direction} NULLS LAST, page.id ${direction}`,
    ).all(...params, query.limit, query.offset) as SkuDbRow[];
    // A short page already tells the total: the count query (a second pass over every match) is
    // only needed when there may be more rows after this page, or none at all from this offset on.
    const total =
      rows.length > 0 && rows.length < query.limit
        ? query.offset + rows.length
        : query.offset === 0 && rows.length === 0
          ? 0
          : (
              this.prepare(`SELECT count(*) AS n FROM catalog_skus s WHERE ${whereSql}`).get(...params) as {
                n: number;
              }
            ).n;
    return {
      total,
      rows: rows.map(toRow),
      facets: query.includeFacets ? this.facetsOf(generationId, clauses) : undefined,
    };
  }

  /** One SKU of the live catalog, for the detail panel. */
  sku(catalog: CatalogKey, productId: string, skuId: string): CatalogSkuRow | undefined {
    const generationId = this.store.liveGenerationId(catalog);
    if (generationId === undefined) return undefined;
    const row = this.prepare(
      `SELECT ${rowColumns} FROM catalog_skus s WHERE s.generation_id = ? AND s.product_id = ? AND s.sku_id = ?`,
    ).get(generationId, productId, skuId) as SkuDbRow | undefined;
    return row === undefined ? undefined : toRow(row);
  }

  /** A product's sub type (`productType.subType.id`) in the live catalog, when it is cached. */
  productSubType(catalog: CatalogKey, productId: string): string | undefined {
    const generationId = this.store.liveGenerationId(catalog);
    if (generationId === undefined) return undefined;
    const row = this.prepare(
      'SELECT sub_type FROM catalog_products WHERE generation_id = ? AND product_id = ?',
    ).get(generationId, productId) as { sub_type: string | null } | undefined;
    return row?.sub_type ?? undefined;
  }

  /**
   * The facet values with their counts under the active filters, as faceted search counts them: each
   * dimension's counts apply every filter except its own (choosing a region narrows the terms' counts,
   * while the other regions still show what choosing them would add). Dimensions no other filter
   * narrows read the generation's stored counts.
   */
  private facetsOf(generationId: number, clauses: ReadonlyArray<FilterClause>): CatalogFacets {
    const stored = this.store.facetRows(generationId);
    if (clauses.length === 0) return facetsFromRows(stored);
    const dimensions = Object.values(facetDimensions);
    const narrowsItself = (dimension: FacetDimension) =>
      clauses.some((clause) => clause.dimension === dimension.stored);
    const rows: FacetRow[] = [];

    // Dimensions without a filter of their own all count under every filter: one pass over the
    // matches counts them all (a GROUP BY each would run the full-text match once per dimension).
    // Labels come from the stored facets: a value's label does not depend on the filters.
    const shared = dimensions.filter((dimension) => !narrowsItself(dimension));
    if (shared.length > 0) {
      const labels = new Map(stored.map((row) => [`${row.facet}\u0000${row.value}`, row.label]));
      const counts = shared.map(() => new Map<string, number>());
      const matches = this.prepare(
        `SELECT ${shared.map((d) => `CASE WHEN ${d.where} THEN ${d.value} END`).join(', ')}
         FROM catalog_skus s WHERE s.generation_id = ? AND ${clauses.map((clause) => clause.sql).join(' AND ')}`,
      )
        .raw(true)
        .all(generationId, ...clauses.flatMap((clause) => clause.params)) as Array<Array<string | null>>;
      for (const values of matches) {
        for (let i = 0; i < shared.length; i++) {
          const value = values[i];
          if (value === null || value === undefined) continue;
          const count = counts[i]!;
          count.set(value, (count.get(value) ?? 0) + 1);
        }
      }
      shared.forEach((dimension, i) => {
        for (const [value, count] of counts[i]!) {
          const label = labels.get(`${dimension.stored}\u0000${value}`) ?? value;
          rows.push({ facet: dimension.stored, value, label, count });
        }
      });
    }

    // A dimension the user filters on counts under the other filters only.
    for (const dimension of dimensions.filter(narrowsItself)) {
      const others = clauses.filter((clause) => clause.dimension !== dimension.stored);
      if (others.length === 0) {
        rows.push(...stored.filter((row) => row.facet === dimension.stored));
        continue;
      }
      const counted = this.prepare(
        `SELECT ${dimension.value} AS value, max(${dimension.label}) AS label, count(*) AS count
         FROM catalog_skus s WHERE s.generation_id = ? AND ${dimension.where}
         AND ${others.map((clause) => clause.sql).join(' AND ')} GROUP BY ${dimension.value}`,
      ).all(generationId, ...others.flatMap((clause) => clause.params)) as Array<Omit<FacetRow, 'facet'>>;
      rows.push(...counted.map((row) => ({ ...row, facet: dimension.stored })));
    }
    return facetsFromRows(rows);
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.store.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

function toRow(row: SkuDbRow): CatalogSkuRow {
  return {
    productId: row.product_id,
    skuId: row.sku_id,
    productTitle: row.product_title,
    title: row.title,
    description: row.description,
    armSkuName: row.arm_sku_name ?? undefined,
    skuDisplayName: row.sku_display_name ?? undefined,
    region: row.region ?? undefined,
    armRegionName: row.arm_region_name ?? undefined,
    cores: row.cores ?? undefined,
    ramGb: row.ram_gb ?? undefined,
    term: row.term ?? undefined,
    duration: row.duration ?? undefined,
    category: row.category ?? undefined,
    diskType: row.disk_type ?? undefined,
    vmSeries: row.vm_series ?? undefined,
    reservationType: row.reservation_type ?? undefined,
    needsInventoryCheck: row.needs_inventory_check === 1,
    prerequisites: JSON.parse(row.prerequisites) as string[],
    inventoryVariables: JSON.parse(row.inventory_variables) as string[],
    provisioningVariables: JSON.parse(row.provisioning_variables) as string[],
    billingCycles: JSON.parse(row.billing_cycles) as string[],
    minimumQuantity: row.minimum_quantity ?? undefined,
    maximumQuantity: row.maximum_quantity ?? undefined,
    attributes: JSON.parse(row.attributes) as Record<string, unknown>,
  };
}

/** The contract's facets from stored or counted rows, every list in SQLite's text order. */
function facetsFromRows(unsorted: ReadonlyArray<FacetRow>): CatalogFacets {
  const rows = [...unsorted].sort((a, b) =>
    a.facet === b.facet ? compareText(a.label, b.label) : compareText(a.facet, b.facet),
  );
  const by = new Map<string, FacetValue[]>();
  for (const row of rows) {
    const list = by.get(row.facet) ?? [];
    list.push({ value: row.value, label: row.label, count: row.count });
    by.set(row.facet, list);
  }
  const numeric = (name: string): CatalogFacets['cores'] => {
    const values = (by.get(name) ?? [])
      .map((item) => Number(item.value))
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    return values.length === 0 ? null : { min: values[0]!, max: values.at(-1)!, values };
  };
  // One entry per dimension of `facetDimensions`, which is keyed by CatalogFacets' own names.
  return Object.fromEntries(
    Object.entries(facetDimensions).map(([name, dimension]) => [
      name,
      dimension.numeric ? numeric(dimension.stored) : (by.get(dimension.stored) ?? []),
    ]),
  ) as unknown as CatalogFacets;
}

/** Facets of a search that matches nothing. */
const noFacets = facetsFromRows([]);

/** One filter of a search, and the facet dimension it narrows (`text` narrows them all). */
interface FilterClause {
  readonly dimension: string;
  readonly sql: string;
  readonly params: ReadonlyArray<string | number>;
}

/** The search's filters as SQL over `catalog_skus s`, each tagged with its facet dimension. */
function filterClauses(query: CatalogSearchQuery): FilterClause[] {
  const clauses: FilterClause[] = [];
  const inList = (
    dimension: keyof typeof facetDimensions,
    column: string,
    values: ReadonlyArray<string> | undefined,
    transform?: (v: string) => string,
  ): void => {
    if (values === undefined || values.length === 0) return;
    // Plain placeholders, not json_each: the planner can then tell a two-region filter is selective
    // and use the index, instead of walking 50,000 rows in sort order.
    clauses.push({
      dimension: facetDimensions[dimension].stored,
      sql: `${column} IN (${values.map(() => '?').join(', ')})`,
      params: values.map((value) => (transform ? transform(value) : value)),
    });
  };
  inList('regions', 's.arm_region_name', query.regions, (value) => value.toLowerCase());
  inList('products', 's.product_id', query.productIds);
  inList('series', 's.vm_series', query.series);
  inList('categories', 's.category', query.categories);
  inList('terms', 's.term', query.terms, (value) => value.toUpperCase());
  inList('diskTypes', 's.disk_type', query.diskTypes);
  for (const [dimension, column, bounds] of [
    ['cores', 's.cores', query.cores],
    ['ramGb', 's.ram_gb', query.ramGb],
  ] as const) {
    const stored = facetDimensions[dimension].stored;
    if (bounds?.min !== undefined)
      clauses.push({ dimension: stored, sql: `${column} >= ?`, params: [bounds.min] });
    if (bounds?.max !== undefined)
      clauses.push({ dimension: stored, sql: `${column} <= ?`, params: [bounds.max] });
  }
  if (query.needsInventoryCheck !== undefined) {
    clauses.push({
      dimension: facetDimensions.needsInventoryCheck.stored,
      sql: 's.needs_inventory_check = ?',
      params: [query.needsInventoryCheck ? 1 : 0],
    });
  }
  const match = ftsQueryOf(query.text);
  if (match !== undefined) {
    clauses.push({
      dimension: 'text',
      sql: 's.id IN (SELECT rowid FROM catalog_sku_fts WHERE catalog_sku_fts MATCH ?)',
      params: [match],
    });
  }
  return clauses;
}

/** SQLite's default (binary) text order, which the facet lists have always been sorted in. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
