/**
 * What a cart needs to know about a reservation SKU, from Partner Center when the SKU is not in the
 * offline catalog (`main/catalog/cached-sku.ts` reads the cached one).
 */
import type { CatalogScope } from '../../preload/contract';
import type { SkuFacts } from '../catalog/cached-sku';
import { PartnerCenterError, type PartnerCenterClient } from '../partner-center';

export type { SkuFacts };

/** Reads a SKU from Partner Center; undefined when it is not sold in that market (404). */
export async function remoteSkuFacts(
  client: PartnerCenterClient,
  country: string,
  scope: CatalogScope,
  productId: string,
  skuId: string,
): Promise<SkuFacts | undefined> {
  try {
    const sku = await client.getSku(productId, skuId, {
      country,
      ...(scope === 'AzurePlan' ? { reservationScope: 'AzurePlan' as const } : {}),
    });
    const attributes = sku.dynamicAttributes;
    const term = typeof attributes.termDuration === 'string' ? attributes.termDuration : null;
    return {
      title: sku.title ?? `${productId}/${skuId}`,
      term: term && /^P\d+Y$/i.test(term) ? term.toUpperCase() : null,
      minimumQuantity: sku.minimumQuantity ?? null,
      maximumQuantity: sku.maximumQuantity ?? null,
      armRegionName: typeof attributes.armRegionName === 'string' ? attributes.armRegionName : null,
      billingPlans: sku.supportedBillingCycles.map(String),
    };
  } catch (error) {
    if (error instanceof PartnerCenterError && error.status === 404) return undefined;
    throw error;
  }
}
