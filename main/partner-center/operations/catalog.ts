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
  type Availability,
  type InventoryCheckRequest,
  type InventoryItem,
  type Product,
  type Sku,
} from '../models/catalog';
import { getItems } from './collection';
import { segment } from './path';

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

/** Lists products for a country and target view (one page). */
export async function getProducts(
  http: HttpPipeline,
  query: ProductQuery,
  options?: CallOptions,
): Promise<Product[]> {
  return getItems(
    http,
    {
      operation: 'getProducts',
      path: '/products',
      query: {
        country: query.country,
        targetView: query.targetView,
        targetSegment: query.targetSegment,
        reservationScope: query.reservationScope,
      },
    },
    productSchema,
    options,
  );
}

/** Gets one product. */
export async function getProduct(
  http: HttpPipeline,
  productId: string,
  scope: CatalogScope,
  options?: CallOptions,
): Promise<Product> {
  const operation = 'getProduct';
  const path = `/products/${segment(operation, 'productId', productId)}`;
  const query = { country: scope.country, reservationScope: scope.reservationScope };
  return (await http.json({ operation, method: 'GET', path, query }, productSchema, options)).data;
}

/** Lists a product's SKUs (one page). */
export async function getSkus(
  http: HttpPipeline,
  productId: string,
  scope: SegmentedCatalogScope,
  options?: CallOptions,
): Promise<Sku[]> {
  const operation = 'getSkus';
  const path = `/products/${segment(operation, 'productId', productId)}/skus`;
  const query = {
    country: scope.country,
    targetSegment: scope.targetSegment,
    reservationScope: scope.reservationScope,
  };
  return getItems(http, { operation, path, query }, skuSchema, options);
}

/** Gets one SKU. */
export async function getSku(
  http: HttpPipeline,
  productId: string,
  skuId: string,
  scope: CatalogScope,
  options?: CallOptions,
): Promise<Sku> {
  const operation = 'getSku';
  const path = `/products/${segment(operation, 'productId', productId)}/skus/${segment(operation, 'skuId', skuId)}`;
  const query = { country: scope.country, reservationScope: scope.reservationScope };
  return (await http.json({ operation, method: 'GET', path, query }, skuSchema, options)).data;
}

/** Lists a SKU's availabilities (one page); fetch right before buying, ids can change. */
export async function getAvailabilities(
  http: HttpPipeline,
  productId: string,
  skuId: string,
  scope: SegmentedCatalogScope,
  options?: CallOptions,
): Promise<Availability[]> {
  const operation = 'getAvailabilities';
  const path = `/products/${segment(operation, 'productId', productId)}/skus/${segment(operation, 'skuId', skuId)}/availabilities`;
  const query = {
    country: scope.country,
    targetSegment: scope.targetSegment,
    reservationScope: scope.reservationScope,
  };
  return getItems(http, { operation, path, query }, availabilitySchema, options);
}

/** Gets one availability. */
export async function getAvailability(
  http: HttpPipeline,
  productId: string,
  skuId: string,
  availabilityId: string,
  scope: CatalogScope,
  options?: CallOptions,
): Promise<Availability> {
  const operation = 'getAvailability';
  const path = `/products/${segment(operation, 'productId', productId)}/skus/${segment(operation, 'skuId', skuId)}/availabilities/${segment(operation, 'availabilityId', availabilityId)}`;
  const query = { country: scope.country, reservationScope: scope.reservationScope };
  return (await http.json({ operation, method: 'GET', path, query }, availabilitySchema, options)).data;
}

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
