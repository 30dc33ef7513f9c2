/**
 * `generateWorld`: the whole sandbox world from a seed. Same options → byte-identical JSON;
 * nothing reads the clock (`now` is an option) or `Math.random`.
 */
import { attachBilling, billingContext, generateBilling } from './billing';
import { generateCatalog } from './catalog';
import { generateCustomers } from './customers';
import type { Customer, PartnerProfile, World, WorldOptions } from './model';
import { generateOrders } from './orders';
import { createRandom } from './random';

/** The partner the sandbox plays; ids depend on the seed. */
function generatePartner(seed: number): PartnerProfile {
  const random = createRandom(seed ^ 0x9a7);
  const tenantId = random.guid();
  return {
    id: tenantId,
    tenantId,
    mpnId: String(random.int(1_000_000, 9_999_999)),
    companyName: 'Reservation Desk Sandbox Partner',
    domain: 'reservationdesksandbox.onmicrosoft.com',
    defaultCurrency: 'USD',
  };
}

/** Generates the sandbox world. The full catalog takes well under a second; line items are lazy. */
export function generateWorld(options: WorldOptions): World {
  if (!Number.isFinite(options.now.getTime())) throw new RangeError('WorldOptions.now is not a valid date');
  if (!Number.isInteger(options.lineItems) || options.lineItems < 0) {
    throw new RangeError('WorldOptions.lineItems must be a non-negative integer');
  }
  if (options.customers !== undefined && (!Number.isInteger(options.customers) || options.customers < 6)) {
    throw new RangeError('WorldOptions.customers must be a whole number of at least 6 (the demo customers)');
  }
  const seed = options.seed >>> 0;
  const now = new Date(options.now.getTime());
  const partner = generatePartner(seed);
  const catalog = generateCatalog(seed, options.catalog);
  const { customers, subscriptionsByCustomer, registrations } = generateCustomers(
    seed,
    now,
    options.customers,
  );
  const orders = generateOrders(seed, now, catalog, customers, subscriptionsByCustomer, registrations);
  const billing = generateBilling(billingContext(seed, partner, catalog, customers), now, options.lineItems);
  const world: World = {
    options: { ...options, now },
    partner,
    catalog,
    customers,
    customersById: new Map(customers.map((customer): [string, Customer] => [customer.id, customer])),
    subscriptionsByCustomer,
    registrations,
    ...orders,
    ...billing,
  };
  attachBilling(world, billing);
  return world;
}

/** A JSON text of the whole world (maps as `[key, value]` arrays), for snapshots and determinism checks. */
export function worldToJson(world: World, space?: number): string {
  return JSON.stringify(
    world,
    (_key, value: unknown) =>
      value instanceof Map ? [...(value as Map<unknown, unknown>).entries()] : value,
    space,
  );
}
