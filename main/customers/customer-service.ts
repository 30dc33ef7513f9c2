/** Customers and their subscriptions, as the journey needs them to pick who to buy for. */
import type { CatalogScope, CustomerSummary, SubscriptionSummary } from '../../preload/contract';
import type { Customer, PartnerCenterClient, Subscription } from '../partner-center';

/** Product id of the Azure plan: an Azure plan subscription's offerId starts with it (contract §13). */
export const AZURE_PLAN_PRODUCT_ID = 'DZH318Z0BPS6';
/** offerId of a legacy Microsoft Azure subscription. */
export const LEGACY_AZURE_OFFER_ID = 'MS-AZR-0145P';

/** The reservation scope a subscription can buy for, or null when it is not an Azure one. */
export function reservationScopeOf(offerId: string | undefined): CatalogScope | null {
  if (!offerId) return null;
  if (offerId.toUpperCase() === LEGACY_AZURE_OFFER_ID) return 'MS-AZR-0145P';
  return offerId.toUpperCase().startsWith(AZURE_PLAN_PRODUCT_ID) ? 'AzurePlan' : null;
}

export function toCustomerSummary(customer: Customer): CustomerSummary {
  const company = customer.companyProfile;
  const billing = customer.billingProfile;
  return {
    id: customer.id,
    name: company?.companyName ?? billing?.companyName ?? company?.domain ?? customer.id,
    country:
      billing?.defaultAddress?.country?.toUpperCase() ?? company?.address?.country?.toUpperCase() ?? null,
    domain: company?.domain ?? null,
  };
}

export function toSubscriptionSummary(subscription: Subscription): SubscriptionSummary {
  return {
    id: subscription.id,
    name: subscription.friendlyName ?? subscription.offerName ?? subscription.id,
    offerId: subscription.offerId ?? null,
    status: subscription.status === undefined ? null : String(subscription.status),
    scope: reservationScopeOf(subscription.offerId),
  };
}

export interface CustomerService {
  list(profileId: string): Promise<CustomerSummary[]>;
  subscriptions(profileId: string, customerId: string): Promise<SubscriptionSummary[]>;
}

export function createCustomerService(
  clientFor: (profileId: string) => Promise<PartnerCenterClient>,
): CustomerService {
  return {
    async list(profileId) {
      const client = await clientFor(profileId);
      const customers = await client.listCustomers().toArray();
      return customers.map(toCustomerSummary).sort((a, b) => a.name.localeCompare(b.name));
    },
    async subscriptions(profileId, customerId) {
      const client = await clientFor(profileId);
      return (await client.listSubscriptions(customerId)).map(toSubscriptionSummary);
    },
  };
}
