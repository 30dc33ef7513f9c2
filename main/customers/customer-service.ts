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

/**
 * Partner Center's customer list carries no address (contract §13): the billing country, which sets
 * the market a customer buys in, comes only with `GET /customers/{id}`. The list is completed with one
 * such call per customer, through the tenant's request budget and remembered for the app's run; above
 * this many customers that would spend minutes of the budget, so the countries are left unknown there
 * and read for one customer when it is chosen.
 */
export const BILLING_COUNTRY_LOOKUP_LIMIT = 250;

export interface CustomerService {
  /** The partner's customers by name, with billing countries (see {@link BILLING_COUNTRY_LOOKUP_LIMIT}). */
  list(profileId: string): Promise<CustomerSummary[]>;
  /** One customer, with its billing country, read from Partner Center now. */
  get(profileId: string, customerId: string): Promise<CustomerSummary>;
  subscriptions(profileId: string, customerId: string): Promise<SubscriptionSummary[]>;
  /** Forgets what was read for a profile (its removal). */
  forgetProfile(profileId: string): void;
}

export function createCustomerService(
  clientFor: (profileId: string) => Promise<PartnerCenterClient>,
): CustomerService {
  /** Billing countries read so far, by `profileId|customerId`; an address rarely changes within a run. */
  const countries = new Map<string, string | null>();
  const countryKey = (profileId: string, customerId: string) => `${profileId}|${customerId}`;

  const withCountry = async (
    client: PartnerCenterClient,
    profileId: string,
    customer: CustomerSummary,
  ): Promise<CustomerSummary> => {
    if (customer.country) return customer;
    const key = countryKey(profileId, customer.id);
    if (countries.has(key)) return { ...customer, country: countries.get(key) ?? null };
    try {
      const country = toCustomerSummary(await client.getCustomer(customer.id)).country;
      countries.set(key, country);
      return { ...customer, country };
    } catch {
      // One customer that cannot be read (no delegated access, a dropped connection) must not hide the
      // others: its country stays unknown, and is asked again on the next list.
      return customer;
    }
  };

  return {
    async list(profileId) {
      const client = await clientFor(profileId);
      const listed = (await client.listCustomers().toArray()).map(toCustomerSummary);
      const customers =
        listed.length > BILLING_COUNTRY_LOOKUP_LIMIT
          ? listed
          : await Promise.all(listed.map((customer) => withCountry(client, profileId, customer)));
      return customers.sort((a, b) => a.name.localeCompare(b.name));
    },
    async get(profileId, customerId) {
      const client = await clientFor(profileId);
      const customer = toCustomerSummary(await client.getCustomer(customerId));
      countries.set(countryKey(profileId, customer.id), customer.country);
      return customer;
    },
    async subscriptions(profileId, customerId) {
      const client = await clientFor(profileId);
      return (await client.listSubscriptions(customerId)).map(toSubscriptionSummary);
    },
    forgetProfile(profileId) {
      for (const key of countries.keys())
        if (key.startsWith(countryKey(profileId, ''))) countries.delete(key);
    },
  };
}
