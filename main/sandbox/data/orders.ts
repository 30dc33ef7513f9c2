/**
 * Order history: reservation orders of the customers that can buy, the entitlements of completed
 * orders, and the reservation details their artifacts link to. All dated relative to `now`.
 */
import { isSold, pricingFor, toAvailability, unitPriceMinor } from './catalog';
import { DEMO_CUSTOMERS, isAzureSubscription, LEGACY_AZURE_OFFER_ID } from './customers';
import type {
  Catalog,
  Customer,
  Entitlement,
  Order,
  OrderLineItem,
  OrderLineItemProvisioningStatus,
  OrderStatus,
  OrderWorld,
  ProvisioningStatus,
  RegistrationState,
  Reservation,
  ReservationScope,
  ReservedInstanceArtifactDetails,
  SkuRecord,
  Subscription,
} from './model';
import { createRandom, type Random } from './random';
import { addDays, addYears, currencyForCountry, getLink, toMajor, wireDate } from './wire';

/** Alphabet of order ids (`311qiN8iFwkv-XARWMvXRYAwYKMACVqv1`). */
const ORDER_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** How an order's lines stand while it is in a status; every other status leaves them unfulfilled. */
const LINE_STATUS_OF_ORDER: Partial<Record<OrderStatus, ProvisioningStatus>> = {
  completed: 'fulfilled',
  pending: 'prefulfillmentpending',
};

interface OrderPlan {
  readonly ageDays: number;
  readonly status: OrderStatus;
}

/** How many orders, how old and in which state, for one purchasing subscription. */
function planOrders(customerId: string, random: Random): OrderPlan[] {
  if (customerId === DEMO_CUSTOMERS.azurePlan) {
    // The demo customer shows every state: an old (expired) one, active ones, and one still provisioning.
    return [
      { ageDays: 0.02, status: 'pending' },
      { ageDays: 45, status: 'completed' },
      { ageDays: 300, status: 'completed' },
      { ageDays: 800, status: 'completed' },
    ];
  }
  if (customerId === DEMO_CUSTOMERS.legacyAzure) {
    return [
      { ageDays: 20, status: 'completed' },
      { ageDays: 500, status: 'completed' },
    ];
  }
  const count = random.int(0, 3);
  const plans: OrderPlan[] = [];
  for (let i = 0; i < count; i++) {
    const ageDays = random.int(1, 900) + random.next();
    const status: OrderStatus = ageDays < 2 ? 'pending' : random.chance(0.05) ? 'cancelled' : 'completed';
    plans.push({ ageDays, status });
  }
  return plans;
}

function pickSku(catalog: Catalog, country: string, scope: ReservationScope, random: Random): SkuRecord {
  const products = catalog.products.filter((product) => isSold(product, country, scope));
  // Most reservations bought are VMs, as in real life.
  const vms = products.filter((product) => product.reservationType === 'virtualmachines');
  const pool = vms.length > 0 && random.chance(0.7) ? vms : products;
  const product = random.pick(pool);
  return random.pick(catalog.skusByProduct.get(product.id) ?? []);
}

/** Generates order history for every customer with a registered Azure subscription in a market that sells reservations. */
export function generateOrders(
  seed: number,
  now: Date,
  catalog: Catalog,
  customers: ReadonlyArray<Customer>,
  subscriptionsByCustomer: ReadonlyMap<string, ReadonlyArray<Subscription>>,
  registrations: ReadonlyMap<string, RegistrationState>,
): OrderWorld {
  const random = createRandom(seed ^ 0x0bde5);
  const ordersByCustomer = new Map<string, Order[]>();
  const provisioningByOrder = new Map<string, OrderLineItemProvisioningStatus[]>();
  const entitlementsByCustomer = new Map<string, Entitlement[]>();
  const reservationDetails = new Map<string, ReservedInstanceArtifactDetails>();

  for (const customer of customers) {
    const country = customer.billingProfile.defaultAddress.country;
    const currency = currencyForCountry(country);
    const orders: Order[] = [];
    const entitlements: Entitlement[] = [];
    const buying = (subscriptionsByCustomer.get(customer.id) ?? []).filter(
      (subscription) =>
        isAzureSubscription(subscription) && registrations.get(subscription.id) === 'Registered',
    );
    for (const subscription of buying) {
      const scope: ReservationScope = subscription.offerId === LEGACY_AZURE_OFFER_ID ? 'Legacy' : 'AzurePlan';
      if (!catalog.products.some((product) => isSold(product, country, scope))) continue;
      for (const plan of planOrders(customer.id, random)) {
        const created = addDays(now, -plan.ageDays);
        const orderId = random.chars(ORDER_ID_ALPHABET, 33);
        const alternateId = random.hex(12);
        const lineCount = random.int(1, 3);
        const lines: OrderLineItem[] = [];
        const provisioning: OrderLineItemProvisioningStatus[] = [];
        let totalMinor = 0;
        for (let n = 0; n < lineCount; n++) {
          const sku = pickSku(catalog, country, scope, random);
          const product = catalog.productsById.get(sku.productId);
          const availability = product && toAvailability(product, sku, country, scope);
          if (!product || !availability) continue;
          const quantity = random.chance(0.6) ? 1 : random.int(2, 10);
          const scopeType = random.chance(0.65) ? 'shared' : 'single';
          const provisioningContext: Record<string, string> = {
            subscriptionId: subscription.id,
            scope: scopeType,
            ...(scope === 'Legacy' ? { duration: sku.dynamicAttributes.duration } : {}),
          };
          const friendlyName = `RI-${sku.dynamicAttributes.skuDisplayName.replace(/\s+/g, '_')}-${sku.dynamicAttributes.armRegionName}`;
          const fulfilled = plan.status === 'completed';
          totalMinor += unitPriceMinor(sku, currency.code) * quantity;
          const lineItemNumber = lines.length;
          lines.push({
            lineItemNumber,
            offerId: availability.catalogItemId,
            // The subscription id appears on a line only once it is provisioned (§4.13).
            ...(fulfilled ? { subscriptionId: subscription.id } : {}),
            termDuration: sku.term,
            transactionType: 'New',
            friendlyName,
            quantity,
            provisioningContext,
            pricing: pricingFor(sku, currency.code, quantity),
            links: {
              sku: getLink(`/products/${product.id}/skus/${sku.id}?country=${country}`),
              product: getLink(`/products/${product.id}?country=${country}`),
              availability: availability.links.self,
            },
          });
          const lineStatus = LINE_STATUS_OF_ORDER[plan.status] ?? 'unfulfilled';
          provisioning.push({
            orderLineItemId: lineItemNumber,
            lineItemNumber,
            status: lineStatus,
            quantityProvisioningInformation: [{ quantity, status: lineStatus }],
          });
          if (!fulfilled) continue;

          const effective = addDays(created, 0.01);
          const expiry = addYears(effective, sku.term === 'P1Y' ? 1 : 3);
          const resourceId = random.guid();
          const reservation: Reservation = {
            reservationId: random.guid(),
            displayName: friendlyName,
            ...(scopeType === 'single' ? { appliedScopes: [`/subscriptions/${subscription.id}`] } : {}),
            scopeType: scopeType === 'single' ? 'Single' : 'Shared',
            quantity,
            expiryDateTime: wireDate(expiry),
            effectiveDateTime: wireDate(effective),
            provisioningState: expiry.getTime() <= now.getTime() ? 'Expired' : 'Created',
          };
          reservationDetails.set(resourceId, {
            type: 'reservedinstance',
            reservations: [reservation],
            attributes: { objectType: 'ReservedInstanceArtifactDetails' },
          });
          const groupId = random.hex(32);
          const artifactLineId = random.guid();
          entitlements.push({
            includedEntitlements: [],
            referenceOrder: { id: orderId, lineItemId: String(lineItemNumber), alternateId },
            productId: product.id,
            skuId: sku.id,
            quantity,
            quantityDetails: [{ quantity, status: expiry.getTime() <= now.getTime() ? 'Expired' : 'Active' }],
            entitlementType: 'reservedinstance',
            fulfillmentState: 'Fulfilled',
            entitledArtifacts: [
              {
                artifactType: 'reservedinstance',
                dynamicAttributes: { reservationType: product.reservationType },
                resourceId,
                link: getLink(
                  `/customers/${customer.id}/artifacts/reservedinstance/groups/${groupId}/lineitems/${artifactLineId}/resource/${resourceId}`,
                ),
              },
            ],
            expiryDate: wireDate(expiry),
            attributes: { objectType: 'Entitlement' },
          });
        }
        if (lines.length === 0) continue;
        orders.push({
          id: orderId,
          alternateId,
          referenceCustomerId: customer.id,
          billingCycle: 'one_time',
          currencyCode: currency.code,
          currencySymbol: currency.symbol,
          lineItems: lines,
          creationDate: wireDate(created),
          status: plan.status,
          transactionType: 'UserPurchase',
          totalPrice: toMajor(totalMinor, currency),
          links: {
            self: getLink(`/customers/${customer.id}/orders/${orderId}`),
            provisioningStatus: getLink(`/customers/${customer.id}/orders/${orderId}/provisioningstatus`),
          },
          attributes: { objectType: 'Order' },
        });
        provisioningByOrder.set(orderId, provisioning);
      }
    }
    orders.sort((a, b) => b.creationDate.localeCompare(a.creationDate));
    ordersByCustomer.set(customer.id, orders);
    entitlementsByCustomer.set(customer.id, entitlements);
  }
  return { ordersByCustomer, provisioningByOrder, entitlementsByCustomer, reservationDetails };
}
