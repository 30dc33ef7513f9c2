/**
 * What the resource areas share: the generated world, the mutable state, the clock and timing knobs,
 * and lookups every customer-scoped route needs (customer, subscriptions, registration, catalog).
 */
import { reservationsSoldIn } from '../../markets';
import type {
  Customer,
  ProductRecord,
  RegistrationState,
  ReservationScope,
  SkuRecord,
  Subscription,
  World,
} from '../data/model';
import type { StateStore } from './state';
import { ApiError } from './wire';

/** Timing of the simulated back end. */
export interface SandboxTiming {
  /** Registering → Registered after this long (§4.1). */
  readonly registrationDelayMs: number;
  /** Orders go pending → completed after this long. */
  readonly orderCompletionMs: number;
}

/** Shared services for route modules. */
export interface Services {
  readonly world: World;
  readonly store: StateStore;
  /** The sandbox's "now" in ms (advances with the wall clock from `options.now`). */
  readonly clock: () => number;
  readonly timing: SandboxTiming;
  readonly catalogIndex: CatalogIndex;
}

/** Catalog lookups by id, built once. */
export interface CatalogIndex {
  readonly skus: ReadonlyMap<string, ReadonlyMap<string, SkuRecord>>;
  /** Scope by availability id (ids differ per scope, §8). */
  readonly scopeOfAvailability: ReadonlyMap<string, ReservationScope>;
  /** Restricted ARM regions of a SKU. */
  restrictedRegions(productId: string, skuId: string): ReadonlyArray<string>;
}

/** Builds the lookups over the world's catalog. */
export function indexCatalog(world: World): CatalogIndex {
  const skus = new Map<string, Map<string, SkuRecord>>();
  const scopeOfAvailability = new Map<string, ReservationScope>();
  const restrictedByPair = new Map<string, ReadonlyArray<string>>();
  const keyToPair = new Map<string, string>();
  for (const [key, sku] of world.catalog.skusByKey) keyToPair.set(key, `${sku.productId}\u0000${sku.id}`);
  for (const [productId, list] of world.catalog.skusByProduct) {
    const byId = new Map<string, SkuRecord>();
    for (const sku of list) {
      byId.set(sku.id.toLowerCase(), sku);
      for (const [scope, id] of Object.entries(sku.availabilityIds) as [ReservationScope, string][]) {
        scopeOfAvailability.set(`${productId}:${sku.id}:${id}`.toLowerCase(), scope);
      }
    }
    skus.set(productId.toLowerCase(), byId);
  }
  for (const [key, regions] of world.catalog.restrictedRegions) {
    const pair = keyToPair.get(key);
    if (pair) restrictedByPair.set(pair, regions);
  }
  return {
    skus,
    scopeOfAvailability,
    restrictedRegions: (productId, skuId) => restrictedByPair.get(`${productId}\u0000${skuId}`) ?? [],
  };
}

/** The customer, or 403/20002 like Partner Center for a tenant it has no relationship with. */
export function requireCustomer(services: Services, customerId: string): Customer {
  const customer =
    services.world.customersById.get(customerId.toLowerCase()) ??
    services.world.customersById.get(customerId);
  if (!customer) {
    throw new ApiError(
      403,
      20002,
      `Partner does not have a commerce relationship with customer ${customerId}.`,
    );
  }
  return customer;
}

/** The customer's billing country, whose catalog applies to its purchases (§13). */
export function customerCountry(customer: Customer): string {
  return (
    customer.billingProfile.defaultAddress.country ||
    customer.companyProfile.address?.country ||
    'US'
  ).toUpperCase();
}

/** The customer's subscriptions. */
export function subscriptionsOf(services: Services, customer: Customer): ReadonlyArray<Subscription> {
  return services.world.subscriptionsByCustomer.get(customer.id) ?? [];
}

/** One subscription of the customer, or 404/20003. */
export function requireSubscription(
  services: Services,
  customer: Customer,
  subscriptionId: string,
): Subscription {
  const wanted = subscriptionId.toLowerCase();
  const found = subscriptionsOf(services, customer).find((sub) => sub.id.toLowerCase() === wanted);
  if (!found) throw new ApiError(404, 20003, `Subscription ${subscriptionId} was not found.`);
  return found;
}

/** Which reservation scope a subscription can buy in, or null for anything but Azure plan / MS-AZR-0145P (§13). */
export function reservationScopeOf(subscription: Subscription): ReservationScope | null {
  const offer = subscription.offerId.toUpperCase();
  if (offer.startsWith('DZH318Z0BPS6')) return 'AzurePlan';
  if (offer === 'MS-AZR-0145P') return 'Legacy';
  return null;
}

/** Registration state now: the world's, overridden by registrations requested through the API. */
export function registrationState(services: Services, subscription: Subscription): RegistrationState {
  const requested = services.store.data.registrations[subscription.id.toLowerCase()];
  if (requested) {
    return services.clock() - requested.requestedAtMs >= services.timing.registrationDelayMs
      ? 'Registered'
      : 'Registering';
  }
  return services.world.registrations.get(subscription.id) ?? 'NotRegistered';
}

/** Parses `reservationScope` (§4.3): `AzurePlan` or omitted for MS-AZR-0145P. */
export function scopeFromQuery(value: string | undefined): ReservationScope {
  if (value === undefined || value === '') return 'Legacy';
  if (value.toLowerCase() === 'azureplan') return 'AzurePlan';
  throw new ApiError(400, 3000, `The reservationScope '${value}' is not valid. Use AzurePlan or omit it.`);
}

/** Whether reservations are sold in the market at all (`../shared/unavailable-markets.json`). */
export function marketSellsReservations(country: string): boolean {
  return reservationsSoldIn(country);
}

/** A product sold in `scope`, or undefined. */
export function productInScope(
  services: Services,
  productId: string,
  scope: ReservationScope,
): ProductRecord | undefined {
  const product =
    services.world.catalog.productsById.get(productId) ??
    services.world.catalog.products.find((p) => p.id.toLowerCase() === productId.toLowerCase());
  return product && product.scopes.includes(scope) ? product : undefined;
}

/** A SKU of a product by id (case-insensitive), or undefined. */
export function skuOf(services: Services, productId: string, skuId: string): SkuRecord | undefined {
  return services.catalogIndex.skus.get(productId.toLowerCase())?.get(skuId.toLowerCase());
}
