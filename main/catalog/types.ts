/**
 * Shared catalog types: which catalog (profile, country, scope, segment) and what a stored SKU is.
 */

// Which catalog is the bridge contract's type: declared once, there.
import type { CatalogKey, CatalogScope, Segment } from '../../preload/contract';

export type { CatalogKey, CatalogScope };

/** A catalog key with every part normalized, as stored. */
export interface NormalizedCatalogKey {
  readonly profileId: string;
  readonly country: string;
  readonly scope: CatalogScope;
  readonly segment: Segment;
}

/** Normalizes a key: country upper case, `commercial` when no segment is given. */
export function normalizeCatalogKey(key: CatalogKey): NormalizedCatalogKey {
  return {
    profileId: key.profileId,
    country: key.country.trim().toUpperCase(),
    scope: key.scope,
    segment: key.segment ?? 'commercial',
  };
}

/** A product as the catalog stores it. */
export interface CatalogProduct {
  readonly productId: string;
  readonly title: string;
  readonly description: string;
  readonly productType: string | undefined;
  readonly subType: string | undefined;
}

/** A SKU read from Partner Center, with the filterable dynamicAttributes lifted into fields. */
export interface NormalizedSku {
  readonly productId: string;
  readonly skuId: string;
  readonly title: string;
  readonly description: string;
  readonly armSkuName: string | undefined;
  readonly skuDisplayName: string | undefined;
  /** Display name, e.g. `US East`. */
  readonly region: string | undefined;
  /** ARM name, lower case, e.g. `eastus`. */
  readonly armRegionName: string | undefined;
  readonly cores: number | undefined;
  readonly ramGb: number | undefined;
  /** ISO 8601 term (`P1Y`, `P3Y`) derived from `duration`; undefined when it cannot be read. */
  readonly term: string | undefined;
  /** The raw `duration` attribute (`1Year`, `3Years`, …). */
  readonly duration: string | undefined;
  readonly category: string | undefined;
  readonly diskType: string | undefined;
  readonly vmSeries: string | undefined;
  readonly reservationType: string | undefined;
  /** True when `purchasePrerequisites` contains `InventoryCheck`. */
  readonly needsInventoryCheck: boolean;
  readonly prerequisites: ReadonlyArray<string>;
  readonly inventoryVariables: ReadonlyArray<string>;
  readonly provisioningVariables: ReadonlyArray<string>;
  readonly billingCycles: ReadonlyArray<string>;
  readonly minimumQuantity: number | undefined;
  readonly maximumQuantity: number | undefined;
  /** Every dynamicAttribute as received. */
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** A SKU row as search returns it. */
export interface CatalogSkuRow extends NormalizedSku {
  readonly productTitle: string;
}
