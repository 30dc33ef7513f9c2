/**
 * What a cart needs to know about a cached reservation SKU (title, term, quantity limits, billing
 * plans), read from a profile's live catalog so that a cart can be built offline. The Buy capability
 * asks for it through this one function instead of reading the catalog's tables itself.
 */
import type { CatalogScope } from '../../preload/contract';
import type { AppDatabase } from '../database';

export interface SkuFacts {
  readonly title: string;
  readonly term: string | null;
  readonly minimumQuantity: number | null;
  readonly maximumQuantity: number | null;
  readonly armRegionName: string | null;
  readonly billingPlans: ReadonlyArray<string>;
}

/** Reads a SKU from a profile's cached catalog of a market and scope, or undefined. */
export function cachedSkuFacts(
  db: AppDatabase,
  profileId: string,
  country: string,
  scope: CatalogScope,
  productId: string,
  skuId: string,
): SkuFacts | undefined {
  const row = db
    .prepare(
      `SELECT s.title, s.term, s.minimum_quantity, s.maximum_quantity, s.arm_region_name, s.billing_cycles
       FROM catalog_scopes c JOIN catalog_skus s ON s.generation_id = c.live_generation_id
       WHERE c.profile_id = ? AND upper(c.country) = ? AND c.scope = ? AND s.product_id = ? AND s.sku_id = ?
       LIMIT 1`,
    )
    .get(profileId, country.toUpperCase(), scope, productId, skuId) as
    | {
        title: string;
        term: string | null;
        minimum_quantity: number | null;
        maximum_quantity: number | null;
        arm_region_name: string | null;
        billing_cycles: string;
      }
    | undefined;
  if (!row) return undefined;
  let plans: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.billing_cycles);
    if (Array.isArray(parsed)) plans = parsed.map(String);
  } catch {
    // An unreadable list means "not known": one_time, the reservation default, still applies.
  }
  return {
    title: row.title,
    term: row.term?.toUpperCase() ?? null,
    minimumQuantity: row.minimum_quantity,
    maximumQuantity: row.maximum_quantity,
    armRegionName: row.arm_region_name,
    billingPlans: plans,
  };
}
