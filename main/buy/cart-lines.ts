/**
 * A draft line on its way into a Partner Center cart: its availability fetched again right before
 * (the catalog item ID changes over time, §4.7), and the wire line built from it. Review and the
 * stale-availability retry at checkout both send lines this way.
 */
import type { LineProblem } from '../../preload/contract';
import { marketName } from '../markets';
import {
  PartnerCenterError,
  SAVINGS_PLAN_PRODUCT_ID,
  type CartLineItemInput,
  type PartnerCenterClient,
} from '../partner-center';
import type { LineFields } from './model';

/** A line's fresh catalog item ID and currency, or why it has none. */
export interface Refreshed {
  readonly catalogItemId: string | null;
  readonly currency: string | null;
  readonly problem: LineProblem | null;
}

function unavailable(country: string): LineProblem {
  return {
    code: 'not-available',
    message: `This item has no purchasable availability in ${marketName(country)} now. Pick another SKU.`,
    fix: 'choose-another-sku',
    source: 'partner-center',
  };
}

/** Fetches a line's availability again (its catalog item ID changes over time, §4.7). */
export async function refreshAvailability(
  client: PartnerCenterClient,
  customerId: string,
  country: string,
  fields: LineFields,
): Promise<Refreshed> {
  try {
    const items =
      fields.kind === 'reservation'
        ? await client.getAvailabilities(fields.productId, fields.skuId, {
            country,
            ...(fields.catalogScope === 'AzurePlan' ? { reservationScope: 'AzurePlan' as const } : {}),
          })
        : await client.getCustomerAvailabilities(customerId, SAVINGS_PLAN_PRODUCT_ID, fields.skuId);
    const purchasable = items.filter((item) => item.isPurchasable !== false);
    const chosen =
      (fields.kind === 'reservation' && fields.availabilityId
        ? purchasable.find((item) => item.id === fields.availabilityId)
        : undefined) ??
      purchasable.find((item) =>
        item.terms.some((term) => term.duration?.toUpperCase() === fields.termDuration),
      ) ??
      purchasable[0];
    if (!chosen) return { catalogItemId: null, currency: null, problem: unavailable(country) };
    return {
      catalogItemId: chosen.catalogItemId,
      currency: chosen.defaultCurrency?.code ?? null,
      problem: null,
    };
  } catch (error) {
    if (error instanceof PartnerCenterError && error.status === 404) {
      return { catalogItemId: null, currency: null, problem: unavailable(country) };
    }
    throw error;
  }
}

/** The wire line for a draft line (`id` is its index among the lines sent). */
export function wireLine(
  id: number,
  fields: LineFields,
  catalogItemId: string,
  currency: string | null,
): CartLineItemInput {
  if (fields.kind === 'reservation') {
    return {
      id,
      catalogItemId,
      quantity: fields.quantity,
      billingCycle: fields.billingPlan,
      termDuration: fields.termDuration,
      friendlyName: fields.friendlyName,
      provisioningContext: {
        subscriptionId: fields.subscriptionId,
        scope: fields.scope,
        // Legacy (MS-AZR-0145P) SKUs carry their term in the context too (§8).
        ...(fields.catalogScope === 'MS-AZR-0145P'
          ? { duration: fields.termDuration === 'P3Y' ? '3Years' : '1Year' }
          : {}),
      },
    };
  }
  return {
    id,
    catalogItemId,
    quantity: 1,
    billingCycle: fields.billingPlan,
    termDuration: fields.termDuration,
    friendlyName: fields.friendlyName,
    // Savings plans: shared → the Azure plan's id; single → the Azure subscription as entitlementId (§15).
    provisioningContext:
      fields.scope === 'shared'
        ? { scope: 'shared', subscriptionId: fields.subscriptionId }
        : { scope: 'single', entitlementId: fields.subscriptionId },
    purchaseCommitment: {
      amount: fields.hourlyCommitment,
      grain: 'hourly',
      currency: (currency ?? 'USD').toLowerCase(),
    },
  };
}
