/**
 * Orders (§4.14–§4.17): by id, all, by billing cycle, and per-line provisioning status. Orders placed
 * through the sandbox are pending until `orderCompletionMs` has passed, then completed; the state is
 * derived from the clock when read, so it also holds across a restart.
 */
import type { Order, OrderLineItemProvisioningStatus } from '../data/model';
import { currencyInfo, toMajor } from '../data/wire';
import type { Route, RouteContext } from './router';
import { requireCustomer, type Services } from './services';
import type { StoredOrder } from './state';
import { ApiError, collection, link, queryParam, wireDate } from './wire';

/** Whether a sandbox order has completed by now. */
export function orderCompleted(services: Services, order: StoredOrder): boolean {
  return services.clock() - order.createdAtMs >= services.timing.orderCompletionMs;
}

/** The wire Order for a sandbox order. */
export function orderWire(
  services: Services,
  order: StoredOrder,
  includePrice: boolean,
): Record<string, unknown> {
  const currency = currencyInfo(order.currencyCode);
  const base = `/customers/${order.customerId}/orders/${order.id}`;
  let totalMinor = 0;
  const lineItems = order.lines.map((line) => {
    const extendedMinor = line.unitPriceMinor * line.quantity;
    totalMinor += extendedMinor;
    const unit = toMajor(line.unitPriceMinor, currency);
    return {
      lineItemNumber: line.lineItemNumber,
      offerId: `${line.productId}:${line.skuId}:${line.availabilityId}`,
      // Partner Center fills subscriptionId in only once the line is provisioned (§4.13).
      ...(orderCompleted(services, order) ? { subscriptionId: line.subscriptionId } : {}),
      termDuration: line.termDuration,
      transactionType: 'New',
      friendlyName: line.friendlyName,
      quantity: line.quantity,
      provisioningContext: line.provisioningContext,
      ...(line.purchaseCommitment ? { purchaseCommitment: line.purchaseCommitment } : {}),
      ...(includePrice
        ? {
            pricing: {
              listPrice: unit,
              discountedPrice: unit,
              proratedPrice: unit,
              price: unit,
              extendedPrice: toMajor(extendedMinor, currency),
            },
          }
        : {}),
      links: {
        product: link(`/products/${line.productId}?country=${order.country}`),
        sku: link(`/products/${line.productId}/skus/${line.skuId}?country=${order.country}`),
        availability: link(
          `/products/${line.productId}/skus/${line.skuId}/availabilities/${line.availabilityId}?country=${order.country}`,
        ),
      },
    };
  });
  return {
    id: order.id,
    alternateId: order.alternateId,
    referenceCustomerId: order.customerId,
    billingCycle: 'one_time',
    currencyCode: currency.code,
    currencySymbol: currency.symbol,
    lineItems,
    creationDate: wireDate(order.createdAtMs),
    status: orderCompleted(services, order) ? 'completed' : 'pending',
    transactionType: 'UserPurchase',
    ...(includePrice ? { totalPrice: toMajor(totalMinor, currency) } : {}),
    links: { self: link(base), provisioningStatus: link(`${base}/provisioningstatus`) },
    attributes: { objectType: 'Order' },
  };
}

/** A world order with `pricing`/`totalPrice` kept only when asked for (`include_price=true`). */
function worldOrderWire(order: Order, includePrice: boolean): unknown {
  if (includePrice) return order;
  const { totalPrice: _total, ...rest } = order;
  return { ...rest, lineItems: order.lineItems.map(({ pricing: _pricing, ...line }) => line) };
}

/** Sandbox orders of a customer, newest first. */
export function sandboxOrdersOf(services: Services, customerId: string): StoredOrder[] {
  return Object.values(services.store.data.orders)
    .filter((order) => order.customerId === customerId)
    .sort((a, b) => b.createdAtMs - a.createdAtMs);
}

function includePrice(ctx: RouteContext): boolean {
  return (queryParam(ctx, 'include_price') ?? 'false').toLowerCase() === 'true';
}

/** BillingCycleType as the `billingType` query names it (§4.16): `onetime`, `OneTime`, `one_time`… */
function billingTypeFilter(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase().replace(/[_\s-]/g, '');
  const known: Record<string, string> = {
    onetime: 'one_time',
    monthly: 'monthly',
    annual: 'annual',
    none: 'none',
    triennial: 'triennial',
    biennial: 'biennial',
  };
  const mapped = known[lower];
  if (!mapped) throw new ApiError(400, 3000, `The billingType '${value}' is not valid.`);
  return mapped;
}

/** The order route table. */
export function orderRoutes(services: Services): Route[] {
  const base = { auth: 'any' as const, throttled: true };
  const findOrder = (customerId: string, id: string): { stored?: StoredOrder; world?: Order } => {
    const stored = services.store.data.orders[id];
    if (stored && stored.customerId === customerId) return { stored };
    const world = (services.world.ordersByCustomer.get(customerId) ?? []).find((order) => order.id === id);
    return world ? { world } : {};
  };
  return [
    {
      ...base,
      method: 'GET',
      path: '/v1/customers/:customerId/orders',
      handler: (ctx) => {
        const customer = requireCustomer(services, ctx.params.customerId!);
        const filter = billingTypeFilter(queryParam(ctx, 'billingType'));
        const price = includePrice(ctx);
        const items = [
          ...sandboxOrdersOf(services, customer.id).map((order) => orderWire(services, order, price)),
          ...(services.world.ordersByCustomer.get(customer.id) ?? []).map((order) =>
            worldOrderWire(order, price),
          ),
        ].filter((order) => !filter || (order as { billingCycle?: string }).billingCycle === filter);
        const query = ctx.url.includes('?') ? ctx.url.slice(ctx.url.indexOf('?')) : '';
        return { status: 200, json: collection(items, `/customers/${customer.id}/orders${query}`) };
      },
    },
    {
      ...base,
      method: 'GET',
      path: '/v1/customers/:customerId/orders/:orderId',
      handler: (ctx) => {
        const customer = requireCustomer(services, ctx.params.customerId!);
        const found = findOrder(customer.id, ctx.params.orderId!);
        const price = includePrice(ctx);
        if (found.stored) return { status: 200, json: orderWire(services, found.stored, price) };
        if (found.world) return { status: 200, json: worldOrderWire(found.world, price) };
        throw new ApiError(404, 20000, `Order ${ctx.params.orderId!} was not found.`);
      },
    },
    {
      ...base,
      auth: 'user',
      method: 'GET',
      path: '/v1/customers/:customerId/orders/:orderId/provisioningstatus',
      handler: (ctx) => {
        const customer = requireCustomer(services, ctx.params.customerId!);
        const found = findOrder(customer.id, ctx.params.orderId!);
        let items: ReadonlyArray<OrderLineItemProvisioningStatus>;
        if (found.stored) {
          const status = orderCompleted(services, found.stored) ? 'fulfilled' : 'prefulfillmentpending';
          items = found.stored.lines.map((line) => ({
            orderLineItemId: line.lineItemNumber,
            lineItemNumber: line.lineItemNumber,
            status,
            quantityProvisioningInformation: [{ quantity: line.quantity, status }],
          }));
        } else if (found.world) {
          items = services.world.provisioningByOrder.get(found.world.id) ?? [];
        } else {
          throw new ApiError(
            404,
            800007,
            `Unable to retrieve provisioning information for order ${ctx.params.orderId!}.`,
          );
        }
        return {
          status: 200,
          json: collection(
            items,
            `/customers/${customer.id}/orders/${ctx.params.orderId!}/provisioningstatus`,
          ),
        };
      },
    },
  ];
}
