/** Schemas of the Catalog calls: markets, the offline catalog's search and sync, availabilities, inventory. */
import { z } from 'zod';
import { Named } from './common';
import { Segment } from './connect';
import { AutoRefresh } from './preferences';

/** Reservations bought on an Azure plan, or on a legacy MS-AZR-0145P subscription. */
export const CatalogScope = z.enum(['AzurePlan', 'MS-AZR-0145P']);
export type CatalogScope = z.infer<typeof CatalogScope>;

const CountryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'must be a two-letter ISO country code such as US');

/** Which cached catalog: a profile's tenant, a market, a scope and a segment. */
export const CatalogKey = z.strictObject({
  profileId: z.string().min(1).max(64),
  country: CountryCode,
  scope: CatalogScope,
  segment: Segment.optional(),
});
export type CatalogKey = z.input<typeof CatalogKey>;

/** A market and whether reservations are sold there. */
export const Market = z.object({
  code: z.string(),
  name: z.string(),
  reservationsSold: z.boolean(),
  /** Why not, in words, when they are not. */
  reason: z.string().optional(),
});
export type Market = z.infer<typeof Market>;

const filterValue = z.string().trim().min(1, 'must not be empty').max(128, 'is too long');
const filterList = z.array(filterValue).max(500, 'has too many values').readonly();
const NumberRange = z
  .strictObject({
    min: z.number().finite().min(0, 'must be 0 or more').optional(),
    max: z.number().finite().min(0, 'must be 0 or more').optional(),
  })
  .refine((value) => value.min === undefined || value.max === undefined || value.min <= value.max, {
    message: 'min must not be greater than max',
    path: ['min'],
  });

export const catalogSortColumns = [
  'title',
  'productTitle',
  'armSkuName',
  'skuDisplayName',
  'region',
  'armRegionName',
  'cores',
  'ramGb',
  'term',
  'category',
  'diskType',
  'vmSeries',
  'needsInventoryCheck',
  'productId',
  'skuId',
] as const;
export const CatalogSortColumn = z.enum(catalogSortColumns);
export type CatalogSortColumn = z.infer<typeof CatalogSortColumn>;

/** A catalog search: filters, free text, sort and a page. */
export const CatalogSearchInput = z.strictObject({
  catalog: CatalogKey,
  /** ARM region names (`eastus`), as the region facet lists them. */
  regions: filterList.optional(),
  /** Product ids, as the product facet lists them. */
  productIds: filterList.optional(),
  /** VM series (`Dsv5`), as the series facet lists them. */
  series: filterList.optional(),
  categories: filterList.optional(),
  /** ISO 8601 terms: `P1Y`, `P3Y`. */
  terms: z
    .array(z.string().regex(/^P\d{1,2}[YM]$/i, 'must be an ISO 8601 term such as P1Y or P3Y'))
    .max(10)
    .readonly()
    .optional(),
  diskTypes: filterList.optional(),
  cores: NumberRange.optional(),
  ramGb: NumberRange.optional(),
  needsInventoryCheck: z.boolean().optional(),
  /** Free text; every word matches as a prefix (`d4s us ea`). */
  text: z.string().max(200, 'must be at most 200 characters').optional(),
  sort: z
    .strictObject({ by: CatalogSortColumn, direction: z.enum(['asc', 'desc']).default('asc') })
    .optional(),
  offset: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(1_000_000).default(0),
  limit: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1_000, 'must be at most 1000')
    .default(100),
  /** Also return the facet values for the filter pickers. */
  includeFacets: z.boolean().default(false),
});
export type CatalogSearchInput = z.input<typeof CatalogSearchInput>;

export const FacetValue = z.object({ value: z.string(), label: z.string(), count: z.number() });
export type FacetValue = z.infer<typeof FacetValue>;
const NumberFacet = z
  .object({ min: z.number(), max: z.number(), values: z.array(z.number()).readonly() })
  .nullable();
export const CatalogFacets = z.object({
  regions: z.array(FacetValue).readonly(),
  products: z.array(FacetValue).readonly(),
  series: z.array(FacetValue).readonly(),
  categories: z.array(FacetValue).readonly(),
  terms: z.array(FacetValue).readonly(),
  diskTypes: z.array(FacetValue).readonly(),
  needsInventoryCheck: z.array(FacetValue).readonly(),
  cores: NumberFacet,
  ramGb: NumberFacet,
});
export type CatalogFacets = z.infer<typeof CatalogFacets>;

const optionalText = z.string().nullable();
const optionalNumber = z.number().nullable();

/** One SKU as the catalog table shows it. */
export const CatalogSku = z.object({
  productId: z.string(),
  skuId: z.string(),
  productTitle: z.string(),
  title: z.string(),
  description: z.string(),
  armSkuName: optionalText,
  skuDisplayName: optionalText,
  region: optionalText,
  armRegionName: optionalText,
  cores: optionalNumber,
  ramGb: optionalNumber,
  term: optionalText,
  duration: optionalText,
  category: optionalText,
  diskType: optionalText,
  vmSeries: optionalText,
  needsInventoryCheck: z.boolean(),
  prerequisites: z.array(z.string()).readonly(),
  minimumQuantity: optionalNumber,
  maximumQuantity: optionalNumber,
  /** Billing plans the SKU lists (`one_time`, `monthly`); the cart offers a choice where there are two. */
  billingCycles: z.array(z.string()).readonly().optional(),
  /** Every dynamicAttribute as Partner Center sent it, for the detail panel. */
  attributes: z.record(z.string(), z.unknown()),
});
export type CatalogSku = z.infer<typeof CatalogSku>;

export const CatalogSearchResult = z.object({
  market: Market,
  /** Matches in total, for "1,234 SKUs" and the scroll height. */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  rows: z.array(CatalogSku).readonly(),
  facets: CatalogFacets.nullable(),
  /**
   * False until the catalog has been synced once for this market and scope; while its first sync
   * runs, the rows it has stored so far come with `cached: false`.
   */
  cached: z.boolean(),
});
export type CatalogSearchResult = z.infer<typeof CatalogSearchResult>;

/** How old the cached catalog is, whether it is refreshing, and whether Partner Center is reachable. */
export const CatalogStatus = z.object({
  market: Market,
  syncedAt: z.iso.datetime().nullable(),
  stale: z.boolean(),
  productCount: z.number().int().nonnegative(),
  skuCount: z.number().int().nonnegative(),
  offlineSince: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  /** A sync of this catalog that is running now. */
  syncTaskId: z.string().nullable(),
  /** A sync that stopped half-way and will resume from here. */
  resumable: z.object({ productsDone: z.number(), productsTotal: z.number().nullable() }).nullable(),
  /** When it refreshes itself next, by the user's preference (set by the bridge handlers). */
  autoRefresh: AutoRefresh.optional(),
});
export type CatalogStatus = z.infer<typeof CatalogStatus>;

const SkuRef = {
  catalog: CatalogKey,
  productId: z.string().min(1).max(128),
  skuId: z.string().min(1).max(128),
};

export const AvailabilitiesInput = z.strictObject({
  ...SkuRef,
  /** `always` before a cart uses it: a catalog item ID can change. */
  refresh: z.enum(['always', 'if-stale', 'never']).optional(),
});

export const CatalogAvailability = z.object({
  availabilityId: z.string(),
  catalogItemId: z.string(),
  currencyCode: z.string().nullable(),
  isPurchasable: z.boolean().nullable(),
  terms: z
    .array(z.object({ duration: z.string().nullable(), description: z.string().nullable() }))
    .readonly(),
});
export type CatalogAvailability = z.infer<typeof CatalogAvailability>;

export const AvailabilitiesResult = z.object({
  availabilities: z.array(CatalogAvailability).readonly(),
  fetchedAt: z.iso.datetime().nullable(),
  /** True when Partner Center could not be reached and these came from the cache. */
  fromCache: z.boolean(),
});
export type AvailabilitiesResult = z.infer<typeof AvailabilitiesResult>;

export const InventoryCheckInput = z.strictObject({
  ...SkuRef,
  customerId: z.string().min(1).max(64),
  subscriptionId: z.string().min(1).max(64),
  /** ARM region name, e.g. `eastus`. */
  armRegionName: z.string().min(1).max(64),
});

export const InventoryCheckResult = z.object({
  restricted: z.boolean(),
  /** Each restriction in plain words. */
  restrictions: z.array(z.object({ reasonCode: z.string().nullable(), description: z.string() })).readonly(),
  checkedAt: z.iso.datetime(),
});
export type InventoryCheckResult = z.infer<typeof InventoryCheckResult>;

/** A customer to buy for (enough to pick one). */
export const CustomerSummary = Named.extend({
  country: z.string().nullable(),
  domain: z.string().nullable(),
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;

export const SubscriptionSummary = Named.extend({
  offerId: z.string().nullable(),
  status: z.string().nullable(),
  /** Azure plan or legacy Azure subscription: one that reservations can be bought for. */
  scope: CatalogScope.nullable(),
});
export type SubscriptionSummary = z.infer<typeof SubscriptionSummary>;
