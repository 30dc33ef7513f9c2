/**
 * Carts (§4.10–§4.13): create, get, update (replace) and check out. Lines are validated the way
 * Partner Center reports it: the cart is still created, and each bad line carries an `error` with a
 * CartErrorCode (§10). Checkout makes one order per order group, reports failing groups in
 * `orderErrors`, and replays its first result when called again on an ordered cart.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Customer, ProductRecord, ReservationScope, SkuRecord } from '../data/model';
import { currencyForCountry, usdCentsTo } from '../data/wire';
import { skuRestricted } from './catalog';
import type { Reply, Route, RouteContext } from './router';
import {
  customerCountry,
  marketSellsReservations,
  productInScope,
  registrationState,
  requireCustomer,
  reservationScopeOf,
  skuOf,
  subscriptionsOf,
  type Services,
} from './services';
import type { StoredCart, StoredOrder, StoredOrderLine } from './state';
import { orderWire } from './orders';
import {
  hoursInTerm,
  SAVINGS_PLAN_PRODUCT_ID as SAVINGS_PLAN_PRODUCT,
  savingsPlanCommitmentError,
  savingsPlanSkuOf,
} from './savings-plans';
import { ApiError, badRequest, camelKeys, isRecord, link, prop, stringProp, wireDate } from './wire';

const CART_LIFETIME_MS = 7 * 24 * 3600 * 1000;

/** CartErrorCode values (§10) the sandbox emits. */
export const CartErrorCode = {
  CatalogItemIdIsNotValid: 10001,
  QuotaNotAvailable: 10002,
  InventoryNotAvailable: 10003,
  SubscriptionIsNotValid: 10007,
  SubscriptionIsNotEnabledForRI: 10008,
  InvalidInput: 10010,
  SubscriptionNotRegistered: 10011,
} as const;

/** Which checkout error (§1.7) a line error becomes when its group fails. */
const ORDER_ERROR_FOR: Readonly<Record<number, { code: number; description: string }>> = {
  [CartErrorCode.InventoryNotAvailable]: {
    code: 800010,
    description: 'Inventory is not available for this catalog item.',
  },
  [CartErrorCode.SubscriptionIsNotValid]: {
    code: 800011,
    description: 'Subscription is not a valid Azure subscription.',
  },
  [CartErrorCode.SubscriptionIsNotEnabledForRI]: {
    code: 800013,
    description: 'Subscription is not enabled for RI purchase.',
  },
  [CartErrorCode.SubscriptionNotRegistered]: { code: 800030, description: 'Subscription is not registered.' },
  [CartErrorCode.QuotaNotAvailable]: {
    code: 800017,
    description: 'Quantity not available for catalog item.',
  },
};

interface LineCheck {
  readonly wire: Record<string, unknown>;
  readonly error?: { readonly errorCode: number; readonly errorDescription: string };
  readonly resolved?: {
    product: ProductRecord;
    sku: SkuRecord;
    availabilityId: string;
    scope: ReservationScope;
  };
  /** Set instead of `resolved` for a valid savings plan line (§15). */
  readonly savingsPlan?: SavingsPlanResolved;
}

interface SavingsPlanResolved {
  readonly skuId: string;
  readonly title: string;
  readonly availabilityId: string;
  readonly term: string;
  readonly hourly: number;
  readonly billingCycle: string;
}

/** The cart route table. */
export function cartRoutes(services: Services): Route[] {
  /** A throttled (§3) state-changing cart call, replayed by its `MS-RequestId`. */
  const write = (method: 'POST' | 'PUT', path: string, handler: Route['handler']): Route => ({
    auth: 'any',
    throttled: true,
    write: true,
    method,
    path,
    handler,
  });
  return [
    write('POST', '/v1/customers/:customerId/carts', (ctx) => {
      const customer = requireCustomer(services, ctx.params.customerId!);
      const now = services.clock();
      const id = randomUUID();
      const stored: StoredCart = {
        customerId: customer.id,
        cart: buildCart(services, ctx, customer, id, now, now),
      };
      services.store.data.carts[id] = stored;
      return { status: 201, json: stored.cart };
    }),
    {
      // Not in §3's throttled list, but a cart read is cheap either way.
      auth: 'any',
      method: 'GET',
      path: '/v1/customers/:customerId/carts/:cartId',
      handler: (ctx) => ({ status: 200, json: requireCart(services, ctx).cart }),
    },
    write('PUT', '/v1/customers/:customerId/carts/:cartId', (ctx) => {
      const customer = requireCustomer(services, ctx.params.customerId!);
      const stored = requireCart(services, ctx);
      if (stored.cart.status === 'Ordered') {
        throw new ApiError(400, 800065, 'Cannot update a cart that has already been submitted.');
      }
      if (isRecord(ctx.body)) {
        const bodyId = stringProp(ctx.body, 'id');
        if (bodyId && bodyId.toLowerCase() !== String(stored.cart.id).toLowerCase()) {
          throw badRequest('The cart id in the body does not match the cart id in the path.', 3000);
        }
      }
      const created = Date.parse(String(stored.cart.creationTimestamp));
      stored.cart = buildCart(services, ctx, customer, String(stored.cart.id), created, services.clock());
      // The lines were just written from availabilities read again: nothing in the cart is stale now.
      delete stored.staleAvailability;
      // Docs show 201 for update (§4.11, §12 #4).
      return { status: 201, json: stored.cart };
    }),
    write('POST', '/v1/customers/:customerId/carts/:cartId/checkout', (ctx) => checkout(services, ctx)),
  ];
}

/**
 * Partner Center changed the availability behind `catalogItemId` (§4.7: IDs change over time): every
 * open cart holding it fails checkout with 400019 until it is updated. Returns how many carts.
 */
export function changeAvailability(carts: Record<string, StoredCart>, catalogItemId: string): number {
  const wanted = catalogItemId.toLowerCase();
  let marked = 0;
  for (const stored of Object.values(carts)) {
    if (stored.cart.status === 'Ordered' || !Array.isArray(stored.cart.lineItems)) continue;
    const lines = stored.cart.lineItems as Record<string, unknown>[];
    if (!lines.some((line) => stringProp(line, 'catalogItemId')?.toLowerCase() === wanted)) continue;
    stored.staleAvailability = catalogItemId;
    marked += 1;
  }
  return marked;
}

function requireCart(services: Services, ctx: RouteContext): StoredCart {
  const customer = requireCustomer(services, ctx.params.customerId!);
  const stored = services.store.data.carts[ctx.params.cartId!.toLowerCase()];
  if (!stored || stored.customerId !== customer.id) {
    throw new ApiError(404, 800008, `Unable to retrieve cart ${ctx.params.cartId!}.`);
  }
  const expires = Date.parse(String(stored.cart.expirationTimestamp));
  if (stored.cart.status !== 'Ordered' && expires <= services.clock()) {
    throw new ApiError(404, 800008, `Cart ${ctx.params.cartId!} has expired.`);
  }
  return stored;
}

function buildCart(
  services: Services,
  ctx: RouteContext,
  customer: Customer,
  id: string,
  createdMs: number,
  nowMs: number,
): Record<string, unknown> {
  const body = ctx.body;
  if (!isRecord(body)) throw badRequest('The request body must be a cart object.');
  const lines = prop(body, 'lineItems');
  if (!Array.isArray(lines) || lines.length === 0)
    throw badRequest('A cart needs at least one line item.', 3000);
  const currency = currencyForCountry(customerCountry(customer));
  const usedIds = new Set<number>();
  // §7: lines group by purchase system, billing cycle and currency. Reservations are all one_time in
  // the customer's currency, so what separates them is Azure plan (modern) vs MS-AZR-0145P (legacy).
  // Groups are numbered in order of first appearance; unresolvable lines join the first group.
  const groupOf = new Map<string, string>();
  const lineItems = lines.map((raw, index) => {
    if (!isRecord(raw)) throw badRequest(`Line item ${index} must be an object.`, 3000);
    const checked = checkLine(services, customer, raw, index, usedIds);
    // Savings plans are Azure plan purchases; a monthly one is billed apart from one-time lines.
    const known = checked.resolved?.scope ?? (checked.savingsPlan ? 'AzurePlan' : undefined);
    const cycle = checked.savingsPlan?.billingCycle === 'monthly' ? '|monthly' : '';
    const system = known ? `${known}${cycle}` : ([...groupOf.keys()][0] ?? 'AzurePlan');
    if (!groupOf.has(system)) groupOf.set(system, String(groupOf.size));
    return {
      ...checked.wire,
      currencyCode: currency.code,
      orderGroup: groupOf.get(system)!,
      ...(checked.error ? { error: { ...checked.error, additionalInformation: {} } } : {}),
    };
  });
  return {
    id,
    creationTimestamp: wireDate(createdMs),
    lastModifiedTimestamp: wireDate(nowMs),
    expirationTimestamp: wireDate(createdMs + CART_LIFETIME_MS),
    lastModifiedUser: ctx.caller?.userId ?? ctx.caller?.tenantId ?? '',
    status: 'Active',
    lineItems,
    links: { self: link(`/customers/${customer.id}/carts/${id}`) },
    attributes: { objectType: 'Cart' },
  };
}

function lineError(
  errorCode: number,
  errorDescription: string,
): { errorCode: number; errorDescription: string } {
  return { errorCode, errorDescription };
}

/** Validates one cart line; the order of checks follows what a buyer fixes first. */
function checkLine(
  services: Services,
  customer: Customer,
  raw: Record<string, unknown>,
  index: number,
  usedIds: Set<number>,
): LineCheck {
  const idRaw = prop(raw, 'id');
  let id = typeof idRaw === 'number' && Number.isInteger(idRaw) ? idRaw : Number(idRaw ?? index);
  if (!Number.isInteger(id) || usedIds.has(id)) id = index;
  usedIds.add(id);
  const catalogItemId = stringProp(raw, 'catalogItemId') ?? '';
  const quantityRaw = prop(raw, 'quantity');
  const quantity = typeof quantityRaw === 'number' ? quantityRaw : Number(quantityRaw);
  const billingCycle = normalizeBillingCycle(stringProp(raw, 'billingCycle'));
  const termDuration = stringProp(raw, 'termDuration');
  const friendlyName = stringProp(raw, 'friendlyName');
  const contextRaw = prop(raw, 'provisioningContext');
  const context = isRecord(contextRaw) ? contextRaw : {};
  const wire: Record<string, unknown> = {
    id,
    catalogItemId,
    ...(friendlyName !== undefined ? { friendlyName } : {}),
    quantity: Number.isFinite(quantity) ? quantity : quantityRaw,
    billingCycle,
    ...(termDuration !== undefined ? { termDuration: termDuration.toUpperCase() } : {}),
    provisioningContext: camelKeys(context),
  };

  const savingsPlanSku = savingsPlanSkuOf(catalogItemId);
  if (savingsPlanSku) {
    const commitment = prop(raw, 'purchaseCommitment');
    if (isRecord(commitment)) wire.purchaseCommitment = commitment;
    return checkSavingsPlanLine(services, customer, wire, savingsPlanSku, {
      quantity,
      billingCycle,
      termDuration,
      context,
      commitmentError: savingsPlanCommitmentError(customer, raw),
      hourly: isRecord(commitment) ? Number(prop(commitment, 'amount')) : 0,
    });
  }
  const [productId = '', skuId = '', availabilityId = '', ...rest] = catalogItemId.split(':');
  const country = customerCountry(customer);
  const scope = services.catalogIndex.scopeOfAvailability.get(catalogItemId.toLowerCase());
  const product = scope ? productInScope(services, productId, scope) : undefined;
  const sku = product ? skuOf(services, product.id, skuId) : undefined;
  if (rest.length > 0 || !scope || !product || !sku || !marketSellsReservations(country)) {
    return {
      wire,
      error: lineError(
        CartErrorCode.CatalogItemIdIsNotValid,
        `The catalog item ID '${catalogItemId}' is not valid.`,
      ),
    };
  }
  const resolved = { product, sku, availabilityId: sku.availabilityIds[scope] ?? availabilityId, scope };
  const fail = (code: number, text: string): LineCheck => ({ wire, error: lineError(code, text), resolved });

  if (billingCycle !== 'one_time')
    return fail(CartErrorCode.InvalidInput, 'Reservations are billed one_time.');
  if (!Number.isInteger(quantity) || quantity < 1) {
    return fail(
      CartErrorCode.InvalidInput,
      `Quantity must be a whole number from 1 to ${sku.maximumQuantity}.`,
    );
  }
  if (quantity > sku.maximumQuantity) {
    return {
      wire,
      resolved,
      error: {
        ...lineError(
          CartErrorCode.QuotaNotAvailable,
          `Quantity ${quantity} exceeds the maximum of ${sku.maximumQuantity}.`,
        ),
      },
    };
  }
  const skuYears = sku.term === 'P3Y' ? 3 : 1;
  if (scope === 'AzurePlan') {
    if (!termDuration)
      return fail(
        CartErrorCode.InvalidInput,
        'termDuration (P1Y or P3Y) is required for Azure plan reservations.',
      );
    if (termDuration.toUpperCase() !== sku.term) {
      return fail(
        CartErrorCode.InvalidInput,
        `termDuration ${termDuration} is not offered for this SKU (${sku.term}).`,
      );
    }
  } else {
    // Legacy SKUs encode the term; the duration in the context must agree (§8, §12 #3).
    const duration = stringProp(context, 'duration');
    if (!duration)
      return fail(CartErrorCode.InvalidInput, "The provisioning context needs 'duration' (1Year or 3Years).");
    const years = /^([13])\s*years?$/i.exec(duration.trim());
    if (!years || Number(years[1]) !== skuYears) {
      return fail(CartErrorCode.InvalidInput, `Duration '${duration}' does not match the SKU's term.`);
    }
    if (termDuration && termDuration.toUpperCase() !== sku.term) {
      return fail(CartErrorCode.InvalidInput, `termDuration ${termDuration} does not match the SKU's term.`);
    }
  }
  const scopeValue = stringProp(context, 'scope')?.toLowerCase();
  if (scopeValue !== 'shared' && scopeValue !== 'single') {
    return fail(
      CartErrorCode.InvalidInput,
      "The provisioning context needs 'scope' set to shared or single.",
    );
  }
  const subscriptionId = stringProp(context, 'subscriptionId');
  if (!subscriptionId)
    return fail(CartErrorCode.InvalidInput, "The provisioning context needs 'subscriptionId'.");
  const subscription = subscriptionsOf(services, customer).find(
    (s) => s.id.toLowerCase() === subscriptionId.toLowerCase(),
  );
  if (!subscription || subscription.status !== 'active') {
    return fail(
      CartErrorCode.SubscriptionIsNotValid,
      subscription
        ? `Subscription ${subscriptionId} is not active.`
        : `Subscription ${subscriptionId} was not found.`,
    );
  }
  const subscriptionScope = reservationScopeOf(subscription);
  if (subscriptionScope === null) {
    return fail(
      CartErrorCode.SubscriptionIsNotValid,
      `Subscription ${subscriptionId} is not an Azure plan or Azure subscription.`,
    );
  }
  if (subscriptionScope !== scope) {
    return fail(
      CartErrorCode.SubscriptionIsNotEnabledForRI,
      scope === 'AzurePlan'
        ? 'This catalog item is for Azure plans; the subscription is a legacy Azure subscription.'
        : 'This catalog item is for legacy Azure subscriptions; the subscription is an Azure plan.',
    );
  }
  if (registrationState(services, subscription) !== 'Registered') {
    return fail(
      CartErrorCode.SubscriptionNotRegistered,
      `Subscription ${subscriptionId} is not registered for reservations.`,
    );
  }
  if (skuRestricted(services, sku)) {
    return fail(
      CartErrorCode.InventoryNotAvailable,
      `Inventory is not available for ${sku.dynamicAttributes.armSkuName} in ${sku.dynamicAttributes.armRegionName}.`,
    );
  }
  return { wire, resolved };
}

/** Validates a savings plan line (§15): quantity 1, its term, an hourly commitment, an Azure plan scope. */
function checkSavingsPlanLine(
  services: Services,
  customer: Customer,
  wire: Record<string, unknown>,
  sku: { id: string; title: string; term: string; availabilityId: string },
  line: {
    quantity: number;
    billingCycle: string;
    termDuration: string | undefined;
    context: Record<string, unknown>;
    commitmentError: string | undefined;
    hourly: number;
  },
): LineCheck {
  const fail = (code: number, text: string): LineCheck => ({ wire, error: lineError(code, text) });
  if (line.billingCycle !== 'one_time' && line.billingCycle !== 'monthly') {
    return fail(CartErrorCode.InvalidInput, 'Savings plans are billed one_time or monthly.');
  }
  if (line.quantity !== 1) return fail(CartErrorCode.InvalidInput, 'A savings plan line has quantity 1.');
  if (line.termDuration?.toUpperCase() !== sku.term) {
    return fail(CartErrorCode.InvalidInput, `termDuration must be ${sku.term} for this savings plan.`);
  }
  if (line.commitmentError) return fail(CartErrorCode.InvalidInput, line.commitmentError);
  const scopeValue = stringProp(line.context, 'scope')?.toLowerCase();
  if (scopeValue !== 'shared' && scopeValue !== 'single') {
    return fail(
      CartErrorCode.InvalidInput,
      "The provisioning context needs 'scope' set to shared or single.",
    );
  }
  const key = scopeValue === 'single' ? 'entitlementId' : 'subscriptionId';
  const target = stringProp(line.context, key);
  if (!target) return fail(CartErrorCode.InvalidInput, `The provisioning context needs '${key}'.`);
  const subscription = subscriptionsOf(services, customer).find(
    (s) => s.id.toLowerCase() === target.toLowerCase(),
  );
  if (!subscription || subscription.status !== 'active') {
    return fail(
      CartErrorCode.SubscriptionIsNotValid,
      subscription ? `Subscription ${target} is not active.` : `Subscription ${target} was not found.`,
    );
  }
  if (reservationScopeOf(subscription) !== 'AzurePlan') {
    return fail(CartErrorCode.SubscriptionIsNotValid, 'Savings plans are bought for an Azure plan.');
  }
  return {
    wire,
    savingsPlan: {
      skuId: sku.id,
      title: sku.title,
      availabilityId: sku.availabilityId,
      term: sku.term,
      hourly: line.hourly,
      billingCycle: line.billingCycle,
    },
  };
}

function normalizeBillingCycle(value: string | undefined): string {
  if (value === undefined) return 'one_time';
  const lower = value.toLowerCase().replace(/[_\s-]/g, '');
  if (lower === 'onetime') return 'one_time';
  return lower;
}

/** Line errors that mean the cart itself is wrong (fix and update it), not that a group failed. */
const STATIC_ERRORS: ReadonlySet<number> = new Set([
  CartErrorCode.CatalogItemIdIsNotValid,
  CartErrorCode.InvalidInput,
]);

function checkout(services: Services, ctx: RouteContext): Reply {
  const customer = requireCustomer(services, ctx.params.customerId!);
  const stored = requireCart(services, ctx);
  // Checking out an ordered cart returns the first result again (§4.13, §12 #5).
  if (stored.cart.status === 'Ordered' && stored.checkout) return { status: 201, json: stored.checkout };
  if (stored.staleAvailability) {
    throw new ApiError(
      404,
      400019,
      `Availability of catalog item ${stored.staleAvailability} has changed. Get the availability again and update the cart.`,
    );
  }

  const rawLines = Array.isArray(stored.cart.lineItems)
    ? (stored.cart.lineItems as Record<string, unknown>[])
    : [];
  const usedIds = new Set<number>();
  // Re-check every line now: registration, subscription state and inventory can change after creation.
  const checked = rawLines.map((line, index) => ({
    line,
    check: checkLine(services, customer, line, index, usedIds),
  }));
  const staticFailure = checked.find((c) => c.check.error && STATIC_ERRORS.has(c.check.error.errorCode));
  if (staticFailure) {
    throw new ApiError(
      400,
      800009,
      'Error in cart item(s). Fix the line items reported in the cart and try again.',
      [`Line ${String(staticFailure.line.id)}: ${staticFailure.check.error!.errorDescription}`],
    );
  }
  const groups = new Map<string, typeof checked>();
  for (const entry of checked) {
    const group = typeof entry.line.orderGroup === 'string' ? entry.line.orderGroup : '0';
    groups.set(group, [...(groups.get(group) ?? []), entry]);
  }
  const orders: Record<string, unknown>[] = [];
  const orderErrors: Record<string, unknown>[] = [];
  const country = customerCountry(customer);
  const currency = currencyForCountry(country);
  const now = services.clock();
  for (const [groupId, entries] of groups) {
    const failing = entries.find((e) => e.check.error);
    if (failing) {
      const mapped = ORDER_ERROR_FOR[failing.check.error!.errorCode] ?? {
        code: 800009,
        description: 'Error in cart item(s).',
      };
      orderErrors.push({ orderGroupId: groupId, code: mapped.code, description: mapped.description });
      continue;
    }
    const lines: StoredOrderLine[] = entries.map((entry, lineItemNumber) => {
      if (entry.check.savingsPlan) {
        return savingsPlanOrderLine(entry.check.savingsPlan, entry.line, lineItemNumber, currency);
      }
      const { product, sku, availabilityId } = entry.check.resolved!;
      const context = (entry.line.provisioningContext ?? {}) as Record<string, string>;
      const scope =
        (stringProp(context, 'scope') ?? 'shared').toLowerCase() === 'single' ? 'Single' : 'Shared';
      return {
        lineItemNumber,
        productId: product.id,
        skuId: sku.id,
        availabilityId,
        quantity: Number(entry.line.quantity),
        termDuration: sku.term,
        scope,
        subscriptionId: stringProp(context, 'subscriptionId') ?? '',
        friendlyName: typeof entry.line.friendlyName === 'string' ? entry.line.friendlyName : sku.title,
        productName: product.title,
        skuName: sku.title,
        reservationType: product.reservationType,
        unitPriceMinor: usdCentsTo(currency, sku.unitPriceUsdCents),
        provisioningContext: context,
      };
    });
    const order: StoredOrder = {
      id: orderId(),
      alternateId: randomBytes(6).toString('hex'),
      customerId: customer.id,
      country,
      currencyCode: currency.code,
      createdAtMs: now,
      cartId: String(stored.cart.id),
      lines,
    };
    services.store.data.orders[order.id] = order;
    orders.push(orderWire(services, order, false));
  }
  const result = { orders, orderErrors, attributes: { objectType: 'CartCheckoutResult' } };
  if (orders.length > 0) {
    stored.cart = { ...stored.cart, status: 'Ordered', lastModifiedTimestamp: wireDate(now) };
    stored.checkout = result;
  }
  return { status: 201, json: result };
}

function savingsPlanOrderLine(
  plan: SavingsPlanResolved,
  line: Record<string, unknown>,
  lineItemNumber: number,
  currency: ReturnType<typeof currencyForCountry>,
): StoredOrderLine {
  const context = (line.provisioningContext ?? {}) as Record<string, string>;
  const single = (stringProp(context, 'scope') ?? 'shared').toLowerCase() === 'single';
  // The commitment for the whole term, in the customer's currency (the amount is already in it).
  const termMinor = Math.round(plan.hourly * hoursInTerm(plan.term) * 10 ** currency.decimals);
  return {
    lineItemNumber,
    productId: SAVINGS_PLAN_PRODUCT,
    skuId: plan.skuId,
    availabilityId: plan.availabilityId,
    quantity: 1,
    termDuration: plan.term,
    scope: single ? 'Single' : 'Shared',
    subscriptionId: stringProp(context, single ? 'entitlementId' : 'subscriptionId') ?? '',
    friendlyName: typeof line.friendlyName === 'string' ? line.friendlyName : plan.title,
    productName: 'Azure savings plan',
    skuName: plan.title,
    reservationType: 'SavingsPlan',
    unitPriceMinor: termMinor,
    provisioningContext: context,
    purchaseCommitment: { amount: plan.hourly, grain: 'hourly', currency: currency.code.toLowerCase() },
  };
}

/** Order ids look like Partner Center's: 33 URL-safe characters. */
function orderId(): string {
  return createHash('sha256').update(randomBytes(32)).digest('base64url').slice(0, 33).replace(/_/g, 'x');
}
