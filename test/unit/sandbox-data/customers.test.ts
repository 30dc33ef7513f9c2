import { describe, expect, it } from 'vitest';
import { reservationsSoldIn } from '../../../main/markets/index';
import {
  AZURE_PLAN_PRODUCT_ID,
  DEMO_CUSTOMERS,
  DEMO_SUBSCRIPTIONS,
  generateWorld,
  isAzureSubscription,
  LEGACY_AZURE_OFFER_ID,
  productsFor,
  reservationScopeOf,
  customerCountry,
  type Subscription,
  type World,
} from '../../../main/sandbox/data/index';
import { NOW, smallWorld } from './fixtures';

const subscriptionsOf = (world: World, customerId: string): ReadonlyArray<Subscription> =>
  world.subscriptionsByCustomer.get(customerId) ?? [];
const countryOf = (world: World, customerId: string): string | undefined =>
  world.customersById.get(customerId)?.billingProfile.defaultAddress.country;

describe('demo customers', () => {
  it('come first, in a fixed order, with ids stable across seeds', () => {
    const ids = Object.values(DEMO_CUSTOMERS);
    expect(
      smallWorld()
        .customers.slice(0, 6)
        .map((customer) => customer.id),
    ).toEqual(ids);
    const other = generateWorld({ seed: 12345, catalog: 'small', lineItems: 5, now: NOW });
    expect(other.customers.slice(0, 6).map((customer) => customer.id)).toEqual(ids);
  });

  it('azurePlan: an active, registered Azure plan in a market that sells reservations', () => {
    const world = smallWorld();
    const plan = subscriptionsOf(world, DEMO_CUSTOMERS.azurePlan).find(
      (s) => s.id === DEMO_SUBSCRIPTIONS.azurePlan,
    );
    expect(plan?.offerId.startsWith(AZURE_PLAN_PRODUCT_ID)).toBe(true);
    expect(plan?.status).toBe('active');
    expect(world.registrations.get(DEMO_SUBSCRIPTIONS.azurePlan)).toBe('Registered');
    expect(reservationsSoldIn(countryOf(world, DEMO_CUSTOMERS.azurePlan) ?? '')).toBe(true);
    // It also has a non-Azure subscription, which must not count as purchasable.
    expect(subscriptionsOf(world, DEMO_CUSTOMERS.azurePlan).some((s) => !isAzureSubscription(s))).toBe(true);
  });

  it('legacyAzure: a registered MS-AZR-0145P subscription', () => {
    const world = smallWorld();
    const [legacy] = subscriptionsOf(world, DEMO_CUSTOMERS.legacyAzure);
    expect(legacy?.id).toBe(DEMO_SUBSCRIPTIONS.legacyAzure);
    expect(legacy?.offerId).toBe(LEGACY_AZURE_OFFER_ID);
    expect(legacy?.status).toBe('active');
    expect(world.registrations.get(DEMO_SUBSCRIPTIONS.legacyAzure)).toBe('Registered');
  });

  it('map subscriptions to the catalog scope they buy in', () => {
    const world = smallWorld();
    const first = (customerId: string): Subscription | undefined => subscriptionsOf(world, customerId)[0];
    expect(reservationScopeOf(first(DEMO_CUSTOMERS.azurePlan) ?? ({} as Subscription))).toBe('AzurePlan');
    expect(reservationScopeOf(first(DEMO_CUSTOMERS.legacyAzure) ?? ({} as Subscription))).toBe('Legacy');
    expect(reservationScopeOf(first(DEMO_CUSTOMERS.noAzure) ?? ({} as Subscription))).toBeUndefined();
    const customer = world.customersById.get(DEMO_CUSTOMERS.legacyAzure);
    expect(customer && customerCountry(customer)).toBe('GB');
  });

  it('unregistered: an active Azure plan not registered for reservations', () => {
    const world = smallWorld();
    const [plan] = subscriptionsOf(world, DEMO_CUSTOMERS.unregistered);
    expect(plan?.id).toBe(DEMO_SUBSCRIPTIONS.unregistered);
    expect(plan && isAzureSubscription(plan)).toBe(true);
    expect(plan?.status).toBe('active');
    expect(world.registrations.get(DEMO_SUBSCRIPTIONS.unregistered)).toBe('NotRegistered');
  });

  it('suspended: a suspended Azure plan', () => {
    const world = smallWorld();
    const [plan] = subscriptionsOf(world, DEMO_CUSTOMERS.suspended);
    expect(plan?.id).toBe(DEMO_SUBSCRIPTIONS.suspended);
    expect(plan?.status).toBe('suspended');
  });

  it('noAzure: no Azure subscription at all', () => {
    const world = smallWorld();
    const subscriptions = subscriptionsOf(world, DEMO_CUSTOMERS.noAzure);
    expect(subscriptions.length).toBeGreaterThan(0);
    expect(subscriptions.some(isAzureSubscription)).toBe(false);
  });

  it('unavailableMarket: billed in a market where reservations are not sold', () => {
    const world = smallWorld();
    const country = countryOf(world, DEMO_CUSTOMERS.unavailableMarket) ?? '';
    expect(reservationsSoldIn(country)).toBe(false);
    expect(productsFor(world, country, 'AzurePlan')).toEqual([]);
    const [plan] = subscriptionsOf(world, DEMO_CUSTOMERS.unavailableMarket);
    expect(world.registrations.get(plan?.id ?? '')).toBe('Registered');
  });
});

describe('all customers', () => {
  it('are enough for at least three pages of 20, with unique ids and domains', () => {
    const { customers } = smallWorld();
    expect(customers.length).toBeGreaterThanOrEqual(61);
    expect(new Set(customers.map((customer) => customer.id)).size).toBe(customers.length);
    expect(new Set(customers.map((customer) => customer.companyProfile.domain)).size).toBe(customers.length);
  });

  it('live in several countries and carry wire-shaped profiles', () => {
    const world = smallWorld();
    const countries = new Set(
      world.customers.map((customer) => customer.billingProfile.defaultAddress.country),
    );
    expect(countries.size).toBeGreaterThanOrEqual(6);
    for (const customer of world.customers) {
      expect(customer.attributes.objectType).toBe('Customer');
      expect(customer.companyProfile.tenantId).toBe(customer.id);
      expect(customer.links.self.uri).toBe(`/customers/${customer.id}`);
      expect(customer.relationshipToPartner).toBe('reseller');
      for (const subscription of subscriptionsOf(world, customer.id)) {
        expect(subscription.links.self.uri).toBe(
          `/customers/${customer.id}/subscriptions/${subscription.id}`,
        );
        expect(world.registrations.has(subscription.id)).toBe(isAzureSubscription(subscription));
      }
    }
  });
});
