/**
 * Catalog: products, SKUs, availabilities and inventory checks (contract §4.3–4.9).
 */
import { PartnerCenterError } from '../errors';
import type { CallOptions, HttpPipeline } from '../http';
import {
  availabilitySchema,
  inventoryCheckResponseSchema,
  productSchema,
  skuSchema,
  type InventoryCheckRequest,
  type InventoryItem,
} from '../models/catalog';
import { list, one, named, type Query } from './define';

/** Which catalog to read: a country, and reservation products for an Azure plan or not. */
export interface CatalogScope {
  /** ISO 3166-1 alpha-2, e.g. `US`. */
  readonly country: string;
  /** `AzurePlan` for reservations bought on an Azure plan; omit for MS-AZR-0145P. */
  readonly reservationScope?: 'AzurePlan';
}

/** A catalog scope narrowed to one segment. */
export interface SegmentedCatalogScope extends CatalogScope {
  /** `commercial`, `education`, `government` or `nonprofit`. */
  readonly targetSegment?: string;
}

/** A product listing query. */
export interface ProductQuery extends SegmentedCatalogScope {
  /** e.g. `AzureReservations`, `AzureReservationsVM`, `AzureReservationsSQL`. */
  readonly targetView: string;
}

/** The query of reads in one catalog scope. */
const inScope = ({ scope }: { readonly scope: CatalogScope }): Query => ({
  country: scope.country,
  reservationScope: scope.reservationScope,
});

/** The query of listings in one catalog scope, narrowed to a segment. */
const inSegment = ({ scope }: { readonly scope: SegmentedCatalogScope }): Query => ({
  country: scope.country,
  targetSegment: scope.targetSegment,
  reservationScope: scope.reservationScope,
});

const product = '/products/{productId}';
const sku = `${product}/skus/{skuId}` as const;

/** Calls of the catalog: products, their SKUs and the SKUs' availabilities. */
export const catalogCalls = named({
  /** Lists products for a country and target view (one page). */
  getProducts: list('/products', productSchema, (query: ProductQuery): Query => ({
    country: query.country,
    targetView: query.targetView,
    targetSegment: query.targetSegment,
    reservationScope: query.reservationScope,
  })),
  /** Gets one product. */
  getProduct: one(product, productSchema, inScope),
  /** Lists a product's SKUs (one page). */
  getSkus: list(`${product}/skus`, skuSchema, inSegment),
  /** Gets one SKU. */
  getSku: one(sku, skuSchema, inScope),
  /** Lists a SKU's availabilities (one page); fetch right before buying, ids can change. */
  getAvailabilities: list(`${sku}/availabilities`, availabilitySchema, inSegment),
  /** Gets one availability. */
  getAvailability: one(`${sku}/availabilities/{availabilityId}`, availabilitySchema, inScope),
});

/** Where an inventory check is asked: the market and the kind of resource reserved. */
export interface InventoryQuery {
  /** ISO 3166-1 alpha-2, e.g. `US`. */
  readonly country: string;
  /** From `inventoryResourceType` (the product's sub type and the SKU's attributes), e.g. `VirtualMachines`. */
  readonly resourceType: string;
}

/**
 * Checks whether SKUs can be bought for a customer, subscription and region (§4.9): by resource type,
 * the route that replaced `checkInventory` (retired 25 Sep 2026). Only when that route answers 404,
 * i.e. a Partner Center that does not have it yet, is the old route asked; any other answer stands.
 * A POST that changes nothing, so it is retried like a read and runs at interactive priority.
 */
export async function checkInventory(
  http: HttpPipeline,
  query: InventoryQuery,
  request: InventoryCheckRequest,
  options?: CallOptions,
): Promise<InventoryItem[]> {
  const check = (operation: string, path: string, params: Record<string, string>) =>
    http.json(
      { operation, method: 'POST', path, query: params, body: request, write: false },
      inventoryCheckResponseSchema,
      options,
    );
  try {
    const { data } = await check(
      'checkInventoryByResourceType',
      '/extensions/product/checkinventorybyresourcetype',
      { country: query.country, resourceType: query.resourceType },
    );
    return data;
  } catch (error) {
    if (!(error instanceof PartnerCenterError && error.kind === 'http' && error.status === 404)) throw error;
  }
  const { data } = await check('checkInventory', '/extensions/product/checkInventory', {
    country: query.country,
  });
  return data;
}
