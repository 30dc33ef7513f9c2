/**
 * The purchase journey against the sandbox: registration, carts (create/get/update with per-line
 * errors), checkout (order groups, orderErrors, idempotency), orders, provisioning status,
 * entitlements and reservation details — using the documented request shapes.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS, DEMO_SUBSCRIPTIONS } from '../../../main/sandbox/data';
import { at, eventually, itemsOf, startTestSandbox, type TestSandbox } from './sandbox-helpers';

interface Pick {
  readonly catalogItemId: string;
  readonly term: string;
  readonly productId: string;
  readonly skuId: string;
  readonly maximumQuantity: number;
}

/** Finds a purchasable SKU (optionally one that is out of inventory) through the catalog API. */
async function pickSku(t: TestSandbox, country: string, plan: boolean, restricted = false): Promise<Pick> {
  const scope = plan ? '&reservationScope=AzurePlan' : '';
  const products = itemsOf(
    (await t.call(`/v1/products?country=${country}&targetView=AzureReservations${scope}`)).json,
  );
  for (const product of products) {
    const skus = itemsOf(
      (await t.call(`/v1/products/${String(product.id)}/skus?country=${country}${scope}`)).json,
    );
    for (const sku of skus) {
      const needsCheck = (sku.purchasePrerequisites as string[]).includes('InventoryCheck');
      if (restricted && !needsCheck) continue;
      const region = String(at(sku, 'dynamicAttributes', 'armRegionName'));
      const skuId = String(sku.id);
      const productId = String(product.id);
      if (needsCheck) {
        const check = await t.call(`/v1/extensions/product/checkinventory?country=${country}`, {
          method: 'POST',
          body: {
            TargetItems: [{ ProductId: productId, SkuId: skuId }],
            InventoryContext: { customerId: 'x', azureSubscriptionId: 'y', armRegionName: region },
          },
        });
        if (at(check.json, 0, 'isRestricted') !== restricted) continue;
      } else if (restricted) {
        continue;
      }
      const availabilities = itemsOf(
        (await t.call(`/v1/products/${productId}/skus/${skuId}/availabilities?country=${country}${scope}`))
          .json,
      );
      const first = availabilities[0]!;
      return {
        catalogItemId: String(first.catalogItemId),
        term: String(at(first, 'terms', 0, 'duration')),
        productId,
        skuId,
        maximumQuantity: Number(sku.maximumQuantity),
      };
    }
  }
  throw new Error(`no ${restricted ? 'restricted' : 'purchasable'} SKU found in ${country}`);
}

function planLine(
  item: Pick,
  id: number,
  subscriptionId: string,
  extra: Record<string, unknown> = {},
): unknown {
  return {
    id,
    catalogItemId: item.catalogItemId,
    quantity: 1,
    billingCycle: 'one_time',
    termDuration: item.term,
    provisioningContext: { subscriptionId, scope: 'shared' },
    ...extra,
  };
}

describe('sandbox purchase journey', () => {
  let t: TestSandbox;
  let planItem: Pick;
  const customer = DEMO_CUSTOMERS.azurePlan;
  const subscription = DEMO_SUBSCRIPTIONS.azurePlan;

  beforeAll(async () => {
    t = await startTestSandbox({ orderCompletionMs: 1_500 });
    planItem = await pickSku(t, 'US', true);
  });
  afterAll(() => t.close());

  it('registers a subscription: 202 with Location, Registering, then Registered', async () => {
    const base = `/v1/customers/${DEMO_CUSTOMERS.unregistered}/subscriptions/${DEMO_SUBSCRIPTIONS.unregistered}`;
    const before = await t.call(`${base}/registrationstatus`);
    expect(before.status).toBe(200);
    expect(at(before.json, 'status')).toBe('NotRegistered');
    expect(at(before.json, 'attributes', 'objectType')).toBe('SubscriptionRegistrationStatus');
    const registered = await t.call(`${base}/registrations`, { method: 'POST', token: t.appToken });
    expect(registered.status).toBe(202);
    expect(registered.text).toBe('');
    expect(registered.headers.get('location')).toBe(
      `/customers/${DEMO_CUSTOMERS.unregistered}/subscriptions/${DEMO_SUBSCRIPTIONS.unregistered}/registrationstatus`,
    );
    expect(at((await t.call(`${base}/registrationstatus`)).json, 'status')).toBe('Registering');
    const mixedCase = `${base.replace('/v1/customers', '/V1/Customers')}/RegistrationStatus`;
    const done = await eventually(
      async () => at((await t.call(mixedCase)).json, 'status'),
      (status) => status === 'Registered',
    );
    expect(done).toBe('Registered');
  });

  it('refuses to register unknown, non-Azure and suspended subscriptions with the documented codes', async () => {
    const unknown = await t.call(`/v1/customers/${customer}/subscriptions/${randomUUID()}/registrations`, {
      method: 'POST',
    });
    expect(unknown.status).toBe(404);
    expect(at(unknown.json, 'code')).toBe(20003);
    expect(at(unknown.json, 'source')).toBe('PartnerFD');
    const suspended = await t.call(
      `/v1/customers/${DEMO_CUSTOMERS.suspended}/subscriptions/${DEMO_SUBSCRIPTIONS.suspended}/registrations`,
      { method: 'POST' },
    );
    expect(suspended.status).toBe(400);
    expect(at(suspended.json, 'code')).toBe(800012);
    const subs = itemsOf((await t.call(`/v1/customers/${DEMO_CUSTOMERS.noAzure}/subscriptions`)).json);
    expect(subs.length).toBeGreaterThan(0);
    const m365 = await t.call(
      `/v1/customers/${DEMO_CUSTOMERS.noAzure}/subscriptions/${String(subs[0]!.id)}/registrations`,
      {
        method: 'POST',
      },
    );
    expect(m365.status).toBe(400);
    expect(at(m365.json, 'code')).toBe(800011);
  });

  it('creates a cart from a PascalCase body: 201, server-set fields, order group, 7-day expiry', async () => {
    const created = await t.call(`/v1/customers/${customer}/carts`, {
      method: 'POST',
      body: {
        LineItems: [
          {
            Id: 0,
            CatalogItemId: planItem.catalogItemId,
            Quantity: 2,
            BillingCycle: 'one_time',
            TermDuration: planItem.term,
            FriendlyName: 'RI for web tier',
            ProvisioningContext: { SubscriptionId: subscription, Scope: 'shared' },
          },
        ],
      },
    });
    expect(created.status).toBe(201);
    const cart = created.json as Record<string, unknown>;
    expect(cart.status).toBe('Active');
    expect(at(cart, 'attributes', 'objectType')).toBe('Cart');
    expect(at(cart, 'lineItems', 0, 'orderGroup')).toBe('0');
    expect(at(cart, 'lineItems', 0, 'currencyCode')).toBe('USD');
    expect(at(cart, 'lineItems', 0, 'error')).toBeUndefined();
    expect(at(cart, 'lineItems', 0, 'provisioningContext')).toEqual({
      subscriptionId: subscription,
      scope: 'shared',
    });
    const lifetime =
      Date.parse(String(cart.expirationTimestamp)) - Date.parse(String(cart.creationTimestamp));
    expect(lifetime).toBe(7 * 24 * 3600 * 1000);
    const fetched = await t.call(`/v1/customers/${customer}/carts/${String(cart.id)}`);
    expect(fetched.json).toEqual(cart);
  });

  it('reports each bad line with its CartErrorCode and still creates the cart', async () => {
    const unknownSub = randomUUID();
    const created = await t.call(`/v1/customers/${customer}/carts`, {
      method: 'POST',
      body: {
        lineItems: [
          planLine({ ...planItem, catalogItemId: 'DZH318Z0NOPE:0001:DZH318NOPE00' }, 0, subscription),
          planLine(planItem, 1, subscription, { quantity: planItem.maximumQuantity + 1 }),
          planLine(planItem, 2, subscription, { quantity: 0 }),
          planLine(planItem, 3, unknownSub),
          planLine(planItem, 4, subscription),
        ],
      },
    });
    expect(created.status).toBe(201);
    const codes = (at(created.json, 'lineItems') as Record<string, unknown>[]).map((line) =>
      at(line, 'error', 'errorCode'),
    );
    expect(codes).toEqual([10001, 10002, 10010, 10007, undefined]);
  });

  it('flags unregistered, suspended and restricted-inventory lines', async () => {
    const legacyCustomer = DEMO_CUSTOMERS.suspended;
    const suspendedCart = await t.call(`/v1/customers/${legacyCustomer}/carts`, {
      method: 'POST',
      body: { lineItems: [planLine(await pickSku(t, 'SE', true), 0, DEMO_SUBSCRIPTIONS.suspended)] },
    });
    expect(at(suspendedCart.json, 'lineItems', 0, 'error', 'errorCode')).toBe(10007);

    const restricted = await pickSku(t, 'US', true, true);
    const restrictedCart = await t.call(`/v1/customers/${customer}/carts`, {
      method: 'POST',
      body: { lineItems: [planLine(restricted, 0, subscription)] },
    });
    expect(at(restrictedCart.json, 'lineItems', 0, 'error', 'errorCode')).toBe(10003);
  });

  it('rejects a line for an unregistered subscription (SubscriptionNotRegistered) and reports it at checkout', async () => {
    const fresh = await startTestSandbox({ registrationDelayMs: 60_000 });
    try {
      const item = await pickSku(fresh, 'DE', true);
      const cart = await fresh.call(`/v1/customers/${DEMO_CUSTOMERS.unregistered}/carts`, {
        method: 'POST',
        body: { lineItems: [planLine(item, 0, DEMO_SUBSCRIPTIONS.unregistered)] },
      });
      expect(at(cart.json, 'lineItems', 0, 'error', 'errorCode')).toBe(10011);
      const checkout = await fresh.call(
        `/v1/customers/${DEMO_CUSTOMERS.unregistered}/carts/${String(at(cart.json, 'id'))}/checkout`,
        { method: 'POST' },
      );
      expect(checkout.status).toBe(201);
      expect(at(checkout.json, 'orders')).toEqual([]);
      expect(at(checkout.json, 'orderErrors', 0)).toMatchObject({ orderGroupId: '0', code: 800030 });
      // Nothing was ordered, so the cart can be checked out again once the prerequisite is met.
      const again = await fresh.call(
        `/v1/customers/${DEMO_CUSTOMERS.unregistered}/carts/${String(at(cart.json, 'id'))}`,
      );
      expect(at(again.json, 'status')).toBe('Active');
    } finally {
      await fresh.close();
    }
  });

  it('updates a cart by replacing it (documented PUT example shape, legacy Duration) and re-groups', async () => {
    const legacy = await pickSku(t, 'GB', false);
    const path = `/v1/customers/${DEMO_CUSTOMERS.legacyAzure}/carts`;
    const created = await t.call(path, {
      method: 'POST',
      body: {
        lineItems: [
          {
            id: 0,
            catalogItemId: legacy.catalogItemId,
            quantity: 1,
            billingCycle: 'one_time',
            provisioningContext: { subscriptionId: DEMO_SUBSCRIPTIONS.legacyAzure, scope: 'shared' },
          },
        ],
      },
    });
    // Legacy RIs need the duration in the provisioning context (§8).
    expect(at(created.json, 'lineItems', 0, 'error', 'errorCode')).toBe(10010);
    const id = String(at(created.json, 'id'));
    const duration = legacy.term === 'P3Y' ? '3Years' : '1Year';
    const updated = await t.call(`${path}/${id}`, {
      method: 'PUT',
      body: {
        Id: id,
        LineItems: [
          {
            Id: 0,
            CatalogItemId: legacy.catalogItemId,
            FriendlyName: 'A_sample_Azure_RI',
            Quantity: 2,
            BillingCycle: 'one_time',
            ProvisioningContext: {
              SubscriptionId: DEMO_SUBSCRIPTIONS.legacyAzure,
              Scope: 'shared',
              Duration: duration,
            },
          },
        ],
      },
    });
    expect(updated.status).toBe(201);
    expect(at(updated.json, 'lineItems', 0, 'error')).toBeUndefined();
    expect(at(updated.json, 'lineItems', 0, 'quantity')).toBe(2);
    expect(at(updated.json, 'lineItems', 0, 'orderGroup')).toBe('0');
    expect(at(updated.json, 'lineItems', 0, 'currencyCode')).toBe('GBP');
    expect((at(updated.json, 'lineItems') as unknown[]).length).toBe(1);
    expect(at(updated.json, 'creationTimestamp')).toBe(at(created.json, 'creationTimestamp'));
  });

  it('answers 404/800008 for an unknown cart and 400 for a cart without lines', async () => {
    const missing = await t.call(`/v1/customers/${customer}/carts/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(at(missing.json, 'code')).toBe(800008);
    const empty = await t.call(`/v1/customers/${customer}/carts`, {
      method: 'POST',
      body: { lineItems: [] },
    });
    expect(empty.status).toBe(400);
    const unknownCustomer = await t.call(`/v1/customers/${randomUUID()}/carts`, {
      method: 'POST',
      body: { lineItems: [] },
    });
    expect(unknownCustomer.status).toBe(403);
    expect(at(unknownCustomer.json, 'code')).toBe(20002);
  });

  it('checks out once per order group, replays the result, and the order completes into entitlements', async () => {
    const other = await pickSku(t, 'US', true);
    const cart = await t.call(`/v1/customers/${customer}/carts`, {
      method: 'POST',
      body: {
        lineItems: [
          planLine(planItem, 0, subscription),
          planLine(other, 1, subscription, {
            quantity: 3,
            provisioningContext: { subscriptionId: subscription, scope: 'single' },
          }),
        ],
      },
    });
    const checkoutPath = `/v1/customers/${customer}/carts/${String(at(cart.json, 'id'))}/checkout`;
    const first = await t.call(checkoutPath, { method: 'POST' });
    expect(first.status).toBe(201);
    const orders = at(first.json, 'orders') as Record<string, unknown>[];
    expect(orders).toHaveLength(1);
    expect(at(first.json, 'orderErrors')).toEqual([]);
    const order = orders[0]!;
    expect(order).toMatchObject({
      status: 'pending',
      billingCycle: 'one_time',
      currencyCode: 'USD',
      transactionType: 'UserPurchase',
    });
    expect(at(order, 'attributes', 'objectType')).toBe('Order');
    expect((order.lineItems as unknown[]).length).toBe(2);
    expect(at(order, 'lineItems', 1, 'offerId')).toBe(other.catalogItemId);

    // A second checkout of the ordered cart returns the same result and creates nothing.
    const second = await t.call(checkoutPath, { method: 'POST' });
    expect(second.status).toBe(201);
    expect(second.json).toEqual(first.json);
    const orderId = String(order.id);
    const oneTime = itemsOf((await t.call(`/v1/customers/${customer}/orders?billingType=onetime`)).json);
    expect(oneTime.filter((o) => o.id === orderId)).toHaveLength(1);
    expect(oneTime.every((o) => o.billingCycle === 'one_time')).toBe(true);
    expect(
      at((await t.call(`/v1/customers/${customer}/carts/${String(at(cart.json, 'id'))}`)).json, 'status'),
    ).toBe('Ordered');

    const pendingStatus = await t.call(`/v1/customers/${customer}/orders/${orderId}/provisioningstatus`);
    expect(at(pendingStatus.json, 'items', 0, 'status')).toBe('prefulfillmentpending');
    const completed = await eventually(
      () => t.call(`/v1/customers/${customer}/orders/${orderId}?include_price=true`),
      (response) => at(response.json, 'status') === 'completed',
    );
    expect(at(completed.json, 'totalPrice')).toEqual(expect.any(Number));
    expect(at(completed.json, 'lineItems', 0, 'pricing', 'listPrice')).toEqual(expect.any(Number));
    expect(
      at((await t.call(`/v1/customers/${customer}/orders/${orderId}`)).json, 'totalPrice'),
    ).toBeUndefined();
    const status = await t.call(`/v1/customers/${customer}/orders/${orderId}/provisioningstatus`);
    expect(itemsOf(status.json).map((line) => line.status)).toEqual(['fulfilled', 'fulfilled']);

    const entitlements = itemsOf(
      (
        await t.call(
          `/v1/customers/${customer}/entitlements?entitlementtype=reservedInstance&showExpiry=true`,
        )
      ).json,
    );
    const mine = entitlements.filter((e) => at(e, 'referenceOrder', 'id') === orderId);
    expect(mine).toHaveLength(2);
    expect(mine[1]).toMatchObject({ entitlementType: 'reservedinstance', quantity: 3, skuId: other.skuId });
    expect(mine[1]!.expiryDate).toEqual(expect.any(String));
    const details = await t.call(`/v1${String(at(mine[1], 'entitledArtifacts', 0, 'link', 'uri'))}`);
    expect(details.status).toBe(200);
    expect(at(details.json, 'type')).toBe('reservedinstance');
    expect(at(details.json, 'reservations', 0)).toMatchObject({ scopeType: 'Single', quantity: 3 });
    const effective = Date.parse(String(at(details.json, 'reservations', 0, 'effectiveDateTime')));
    const expiry = Date.parse(String(at(details.json, 'reservations', 0, 'expiryDateTime')));
    expect(Math.round((expiry - effective) / (365 * 24 * 3600 * 1000))).toBe(other.term === 'P3Y' ? 3 : 1);

    // The purchase lands on this month's OneTime invoice, and the balance includes it.
    const invoices = itemsOf((await t.call('/v1/invoices?size=5&offset=0')).json);
    const invoice = invoices.find((i) => String(i.id).startsWith('G9'));
    expect(invoice).toMatchObject({ invoiceType: 'OneTime', currencyCode: 'USD' });
    const lines = itemsOf(
      (
        await t.call(
          `/v1/invoices/${String(invoice!.id)}/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&size=10`,
        )
      ).json,
    );
    expect(lines.filter((l) => l.orderId === orderId)).toHaveLength(2);
    expect(Math.round(lines.reduce((sum, l) => sum + Number(l.totalForCustomer), 0) * 100)).toBe(
      Math.round(Number(invoice!.totalCharges) * 100),
    );
  });

  it('splits Azure plan and legacy lines into two order groups; a failing group lands in orderErrors', async () => {
    const world = t.sandbox.world;
    // A customer with a registered Azure plan and an unregistered legacy subscription.
    let found: { customerId: string; country: string; plan: string; legacy: string } | undefined;
    for (const [customerId, subs] of world.subscriptionsByCustomer) {
      const plan = subs.find(
        (s) =>
          s.offerId.startsWith('DZH318Z0BPS6') &&
          s.status === 'active' &&
          world.registrations.get(s.id) === 'Registered',
      );
      const legacy = subs.find(
        (s) =>
          s.offerId === 'MS-AZR-0145P' &&
          s.status === 'active' &&
          world.registrations.get(s.id) === 'NotRegistered',
      );
      const country = world.customersById.get(customerId)!.billingProfile.defaultAddress.country;
      if (plan && legacy && !found) found = { customerId, country, plan: plan.id, legacy: legacy.id };
    }
    expect(found).toBeDefined();
    const { customerId, country, plan, legacy } = found!;
    const planPick = await pickSku(t, country, true);
    const legacyPick = await pickSku(t, country, false);
    const duration = legacyPick.term === 'P3Y' ? '3Years' : '1Year';
    const cart = await t.call(`/v1/customers/${customerId}/carts`, {
      method: 'POST',
      body: {
        lineItems: [
          planLine(planPick, 0, plan),
          {
            id: 1,
            catalogItemId: legacyPick.catalogItemId,
            quantity: 1,
            billingCycle: 'one_time',
            provisioningContext: { subscriptionId: legacy, scope: 'shared', duration },
          },
        ],
      },
    });
    expect((at(cart.json, 'lineItems') as Record<string, unknown>[]).map((l) => l.orderGroup)).toEqual([
      '0',
      '1',
    ]);
    expect(at(cart.json, 'lineItems', 1, 'error', 'errorCode')).toBe(10011);
    const checkout = await t.call(
      `/v1/customers/${customerId}/carts/${String(at(cart.json, 'id'))}/checkout`,
      { method: 'POST' },
    );
    expect(checkout.status).toBe(201);
    expect(at(checkout.json, 'orders') as unknown[]).toHaveLength(1);
    expect(at(checkout.json, 'orders', 0, 'lineItems', 0, 'offerId')).toBe(planPick.catalogItemId);
    const orderErrors = at(checkout.json, 'orderErrors') as Record<string, unknown>[];
    expect(orderErrors).toHaveLength(1);
    expect(orderErrors[0]).toMatchObject({ orderGroupId: '1', code: 800030 });
    expect(orderErrors[0]!.description).toEqual(expect.any(String) as unknown);
  });

  it('never creates a second order for a repeated POST with the same MS-RequestId', async () => {
    const requestId = randomUUID();
    const headers = { 'MS-RequestId': requestId };
    const first = await t.call(`/v1/customers/${customer}/carts`, {
      method: 'POST',
      body: { lineItems: [planLine(planItem, 0, subscription)] },
      headers,
    });
    const second = await t.call(`/v1/customers/${customer}/carts`, {
      method: 'POST',
      body: { lineItems: [planLine(planItem, 0, subscription)] },
      headers,
    });
    expect(at(second.json, 'id')).toBe(at(first.json, 'id'));
    const checkoutPath = `/v1/customers/${customer}/carts/${String(at(first.json, 'id'))}/checkout`;
    const checkoutHeaders = { 'MS-RequestId': randomUUID() };
    const [a, b] = await Promise.all([
      t.call(checkoutPath, { method: 'POST', headers: checkoutHeaders }),
      t.call(checkoutPath, { method: 'POST', headers: checkoutHeaders }),
    ]);
    expect(a.status).toBe(201);
    expect(b.json).toEqual(a.json);
    expect(b.headers.get('ms-requestid')).toBe(checkoutHeaders['MS-RequestId']);
    const orderId = String(at(a.json, 'orders', 0, 'id'));
    const all = itemsOf((await t.call(`/v1/customers/${customer}/orders`)).json);
    expect(all.filter((o) => o.id === orderId)).toHaveLength(1);
    const fromThisCart = all.filter(
      (o) =>
        at(o, 'lineItems', 0, 'offerId') === planItem.catalogItemId &&
        String(o.creationDate) >= String(at(a.json, 'orders', 0, 'creationDate')),
    );
    expect(fromThisCart).toHaveLength(1);
  });

  it('serves orders by id and 404/20000 for an unknown one; history has completed orders', async () => {
    const all = itemsOf((await t.call(`/v1/customers/${customer}/orders`)).json);
    expect(all.some((o) => o.status === 'completed')).toBe(true);
    const missing = await t.call(`/v1/customers/${customer}/orders/nope`);
    expect(missing.status).toBe(404);
    expect(at(missing.json, 'code')).toBe(20000);
    const bad = await t.call(`/v1/customers/${customer}/orders?billingType=weekly`);
    expect(bad.status).toBe(400);
  });
});
