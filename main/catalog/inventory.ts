/**
 * The inventory check of one SKU (§4.9): asked by resource type, which comes from the catalog's own
 * data (the product's sub type and the SKU's `reservationType`), and judged only on the items Partner
 * Center returns for that SKU. Partner Center may answer with other SKUs of the product too: one of
 * them being restricted says nothing about the SKU asked about.
 */
import type { InventoryCheckResult } from '../../preload/contract';
import { DeskFailure } from '../ipc/failure';
import {
  inventoryResourceType,
  reservationSkuAttributes,
  type InventoryItem,
  type PartnerCenterClient,
} from '../partner-center/index';
import type { CatalogSearch } from './search';
import type { CatalogKey } from './types';

/** What to check: a SKU of a catalog, for a customer's subscription in a region. */
export interface SkuInventoryRequest {
  readonly catalog: CatalogKey;
  readonly productId: string;
  readonly skuId: string;
  readonly customerId: string;
  readonly subscriptionId: string;
  readonly armRegionName: string;
}

const unexplained = 'Partner Center restricts this SKU here, without saying why.';

/** Partner Center's answer, narrowed to the SKU asked about (an item without a SKU is the product's). */
export function inventoryVerdict(
  items: ReadonlyArray<InventoryItem>,
  productId: string,
  skuId: string,
): Pick<InventoryCheckResult, 'restricted' | 'restrictions'> {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const own = items.filter(
    (item) => same(item.productId, productId) && (item.skuId === undefined || same(item.skuId, skuId)),
  );
  const restricted = own.filter((item) => item.isRestricted);
  return {
    restricted: restricted.length > 0,
    restrictions: restricted.flatMap((item) =>
      item.restrictions.length === 0
        ? [{ reasonCode: null, description: unexplained }]
        : item.restrictions.map((r) => ({
            reasonCode: r.reasonCode ?? null,
            description: r.description ?? unexplained,
          })),
    ),
  };
}

/** The resource type of a SKU: from the cached catalog, or from Partner Center when it is not cached. */
async function resourceTypeOf(
  client: PartnerCenterClient,
  search: CatalogSearch,
  request: SkuInventoryRequest,
): Promise<string | undefined> {
  const { catalog, productId, skuId } = request;
  const cached = search.sku(catalog, productId, skuId);
  if (cached !== undefined) {
    const subType = search.productSubType(catalog, productId);
    const fromCache = inventoryResourceType(subType, cached.reservationType);
    if (fromCache !== undefined) return fromCache;
  }
  const scope = {
    country: catalog.country.toUpperCase(),
    ...(catalog.scope === 'AzurePlan' ? { reservationScope: 'AzurePlan' as const } : {}),
  };
  const [product, sku] = await Promise.all([
    client.getProduct(productId, scope),
    client.getSku(productId, skuId, scope),
  ]);
  return inventoryResourceType(
    product.productType?.subType?.id,
    reservationSkuAttributes(sku).reservationType,
  );
}

/** Checks one SKU's inventory for a customer's subscription and region. */
export async function checkSkuInventory(
  client: PartnerCenterClient,
  search: CatalogSearch,
  request: SkuInventoryRequest,
): Promise<InventoryCheckResult> {
  const resourceType = await resourceTypeOf(client, search, request);
  if (resourceType === undefined) {
    throw new DeskFailure(
      'PARTNER_CENTER',
      "Partner Center's catalog doesn't say what kind of resource this SKU reserves, so its inventory can't be checked. Refresh the catalog, then try again.",
    );
  }
  const items = await client.checkInventory(
    { country: request.catalog.country.toUpperCase(), resourceType },
    {
      targetItems: [{ productId: request.productId, skuId: request.skuId }],
      inventoryContext: {
        customerId: request.customerId,
        azureSubscriptionId: request.subscriptionId,
        armRegionName: request.armRegionName,
      },
    },
  );
  return {
    ...inventoryVerdict(items, request.productId, request.skuId),
    checkedAt: new Date().toISOString(),
  };
}
