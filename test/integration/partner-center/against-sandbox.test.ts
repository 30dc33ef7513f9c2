/**
 * Every client operation against the built-in sandbox over real HTTP, with real tokens from the
 * sandbox's identity endpoints: app-only (client credentials) for most calls, App+User (device code,
 * auto-approved) for the calls Partner Center allows only with a user (§2.1). Includes at least three
 * pages of offset paging (invoices, legacy Azure line items) and of seek paging (customers, OneTime
 * line items), and the full purchase journey with an idempotent checkout replay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PartnerCenterClient,
  PartnerCenterError,
  RequestBudget,
  budgetForTenant,
  inventoryResourceType,
  reservationSkuAttributes,
  type Availability,
  type Customer,
  type Order,
  type Sku,
  type Subscription,
} from '../../../main/partner-center';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox';
import { appOnlyToken, submitForm } from '../sandbox/sandbox-helpers';
import { testClient } from './support/client';

const scope = 'https://api.partnercenter.microsoft.com';
/** What both sandboxes of this file share: any free port, the small catalog, invoices of 50 lines. */
const smallSandbox = { port: 0, catalog: 'small', lineItems: 50 } as const;

let sandbox: RunningSandbox;
let app: PartnerCenterClient;
let user: PartnerCenterClient;
let appToken: string;
let userToken: string;

async function form(url: string, fields: Record<string, string>): Promise<Record<string, unknown>> {
  const response = await submitForm(url, fields);
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`token endpoint ${response.status}: ${String(body.error)}`);
  return body;
}

/** App+User: the device code flow, which the sandbox approves by itself in tests. */
async function deviceCodeToken(): Promise<string> {
  const code = await form(`${sandbox.authority}/oauth2/v2.0/devicecode`, {
    client_id: sandbox.clientId,
    scope: `${scope}/user_impersonation offline_access`,
  });
  const body = await form(`${sandbox.authority}/oauth2/v2.0/token`, {
    grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
    client_id: sandbox.clientId,
    device_code: String(code.device_code),
  });
  return String(body.access_token);
}

beforeAll(async () => {
  sandbox = await startSandbox({
    ...smallSandbox,
    seed: 7,
    autoApprove: true,
    registrationDelayMs: 200,
    orderCompletionMs: 200,
  });
  appToken = await appOnlyToken(sandbox);
  userToken = await deviceCodeToken();
  // Both clients talk to the same partner tenant, so they share its one budget.
  const budget = budgetForTenant(sandbox.tenantId, { maxConcurrency: 4, requestsPerMinute: 2_000 });
  const common = {
    baseUrl: sandbox.baseUrl,
    locale: 'en-US',
    appName: 'Reservation Desk (sandbox tests)',
    budget,
  };
  app = new PartnerCenterClient({ ...common, getAccessToken: () => Promise.resolve(appToken) });
  user = new PartnerCenterClient({ ...common, getAccessToken: () => Promise.resolve(userToken) });
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
});

function isAzurePlan(subscription: Subscription): boolean {
  return subscription.offerId?.toUpperCase().startsWith('DZH318Z0BPS6') === true;
}

describe('customers and registration', () => {
  const customers: Customer[] = [];

  it('lists every customer through at least 3 seek pages', async () => {
    const listing = app.listCustomers({ size: 20 });
    let pages = 0;
    for await (const page of listing.pages()) {
      pages += 1;
      customers.push(...page.items);
      if (page.index > 0) expect(page.items.length).toBeGreaterThan(0);
    }
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(customers).toHaveLength(sandbox.world.customers.length);
    expect(new Set(customers.map((customer) => customer.id)).size).toBe(customers.length);
  });

  it('gets a customer by id with its billing profile', async () => {
    const first = customers[0];
    if (first === undefined) throw new Error('no customers');
    const customer = await app.getCustomer(first.id);
    expect(customer.id).toBe(first.id);
    expect(customer.billingProfile?.defaultAddress?.country).toMatch(/^[A-Z]{2}$/);
  });

  it('lists and gets subscriptions', async () => {
    const first = customers[0];
    if (first === undefined) throw new Error('no customers');
    const subscriptions = await app.listSubscriptions(first.id);
    expect(subscriptions.length).toBeGreaterThan(0);
    const one = subscriptions[0];
    if (one === undefined) throw new Error('no subscriptions');
    expect((await app.getSubscription(first.id, one.id)).id).toBe(one.id);
  });

  it('registers an unregistered Azure plan and polls until Registered', async () => {
    let target: { customerId: string; subscriptionId: string } | undefined;
    for (const customer of customers.slice(0, 10)) {
      for (const subscription of await app.listSubscriptions(customer.id)) {
        if (!isAzurePlan(subscription) || subscription.status !== 'active') continue;
        const status = await app.getRegistrationStatus(customer.id, subscription.id);
        if (status.status === 'NotRegistered')
          target = { customerId: customer.id, subscriptionId: subscription.id };
      }
      if (target !== undefined) break;
    }
    if (target === undefined)
      throw new Error('the sandbox has no unregistered Azure plan among the first customers');

    const accepted = await app.registerSubscription(target.customerId, target.subscriptionId);
    expect(accepted.statusLocation).toMatch(/\/registrationstatus$/);
    let status = (await app.getRegistrationStatus(target.customerId, target.subscriptionId)).status;
    for (let i = 0; i < 50 && status !== 'Registered'; i += 1) {
      expect(['Registering', 'Registered']).toContain(status);
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await app.getRegistrationStatus(target.customerId, target.subscriptionId)).status;
    }
    expect(status).toBe('Registered');
  });
});

describe('catalog, cart, checkout, orders and entitlements', () => {
  let customerId = '';
  let subscriptionId = '';
  let country = 'US';
  let sku: Sku | undefined;
  let availability: Availability | undefined;
  let order: Order | undefined;

  it('finds a customer with a registered Azure plan', async () => {
    for (const customer of await app.listCustomers({ size: 20 }).toArray(10)) {
      const plan = (await app.listSubscriptions(customer.id)).find(
        (subscription) => isAzurePlan(subscription) && subscription.status === 'active',
      );
      if (plan === undefined) continue;
      if ((await app.getRegistrationStatus(customer.id, plan.id)).status !== 'Registered') continue;
      customerId = customer.id;
      subscriptionId = plan.id;
      country = (await app.getCustomer(customer.id)).billingProfile?.defaultAddress?.country ?? 'US';
      break;
    }
    expect(customerId).not.toBe('');
  });

  it('reads products, SKUs and availabilities, and checks inventory', async () => {
    const catalogScope = { country, reservationScope: 'AzurePlan' as const };
    const products = await app.getProducts({ ...catalogScope, targetView: 'AzureReservations' });
    expect(products.length).toBeGreaterThan(0);
    const product = products[0];
    if (product === undefined) throw new Error('no products');
    expect((await app.getProduct(product.id, catalogScope)).id).toBe(product.id);

    const skus = await app.getSkus(product.id, catalogScope);
    expect(skus.length).toBeGreaterThan(0);
    for (const candidate of skus) {
      const region = reservationSkuAttributes(candidate).armRegionName ?? '';
      const resourceType = inventoryResourceType(
        product.productType?.subType?.id,
        reservationSkuAttributes(candidate).reservationType,
      );
      const [verdict] = await app.checkInventory(
        { country, resourceType: resourceType ?? '' },
        {
          targetItems: [{ productId: product.id, skuId: candidate.id }],
          inventoryContext: { customerId, azureSubscriptionId: subscriptionId, armRegionName: region },
        },
      );
      expect(verdict?.skuId).toBe(candidate.id);
      if (verdict?.isRestricted === false) {
        sku = candidate;
        break;
      }
    }
    if (sku === undefined) throw new Error('every SKU is restricted');
    expect((await app.getSku(product.id, sku.id, catalogScope)).id).toBe(sku.id);
    expect(sku.supportedBillingCycles).toContain('one_time');

    const availabilities = await app.getAvailabilities(product.id, sku.id, {
      ...catalogScope,
      targetSegment: 'commercial',
    });
    availability = availabilities[0];
    if (availability === undefined) throw new Error('no availability');
    const again = await app.getAvailability(product.id, sku.id, availability.id, catalogScope);
    expect(again.catalogItemId).toBe(availability.catalogItemId);
    expect(availability.catalogItemId.split(':')).toEqual([product.id, sku.id, availability.id]);
  });

  it('creates, reads and updates a cart, then checks out exactly once', async () => {
    if (availability === undefined) throw new Error('no availability');
    const line = {
      id: 0,
      catalogItemId: availability.catalogItemId,
      quantity: 1,
      billingCycle: 'one_time' as const,
      termDuration: availability.terms[0]?.duration ?? 'P1Y',
      friendlyName: 'RI from the client test',
      provisioningContext: { subscriptionId, scope: 'shared' },
    };
    const cart = await app.createCart(customerId, { lineItems: [line] });
    expect(cart.status).toBe('Active');
    expect(cart.lineItems[0]?.error).toBeUndefined();
    expect((await app.getCart(customerId, cart.id)).id).toBe(cart.id);

    const updated = await app.updateCart(customerId, cart.id, { lineItems: [{ ...line, quantity: 2 }] });
    expect(updated.lineItems[0]?.quantity).toBe(2);
    expect(updated.lineItems[0]?.error).toBeUndefined();

    const journaled = `checkout-${cart.id}`;
    const result = await app.checkoutCart(customerId, cart.id, { requestId: journaled });
    expect(result.orderErrors).toEqual([]);
    expect(result.orders.length).toBeGreaterThan(0);
    order = result.orders[0];
    // A retry after a lost response (same journaled id) gets the same orders, not a second purchase.
    const replay = await app.checkoutCart(customerId, cart.id, { requestId: journaled });
    expect(replay.orders.map((o) => o.id)).toEqual(result.orders.map((o) => o.id));
    expect((await app.getCart(customerId, cart.id)).status).toBe('Ordered');
  });

  it('reads the order, order lists and provisioning status', async () => {
    if (order === undefined) throw new Error('no order');
    const fetched = await app.getOrder(customerId, order.id, { includePrice: true });
    expect(fetched.id).toBe(order.id);
    expect(fetched.billingCycle).toBe('one_time');
    expect(fetched.lineItems[0]?.quantity).toBe(2);

    const all = await app.listOrders(customerId);
    expect(all.length).toBeGreaterThan(0);
    const oneTime = await app.listOrdersByBillingType(customerId, 'OneTime');
    expect(oneTime.length).toBeGreaterThan(0);
    expect(oneTime.every((o) => o.billingCycle === 'one_time')).toBe(true);

    const lines = await user.getProvisioningStatus(customerId, order.id);
    expect(lines.length).toBeGreaterThan(0);
    expect(['Fulfilled', 'Unfulfilled', 'PrefulfillmentPending']).toContain(lines[0]?.status);
  });

  it('lists reservation entitlements and follows an artifact link to reservation details', async () => {
    const entitlements = await user.listEntitlements(customerId, {
      entitlementType: 'reservedInstance',
      showExpiry: true,
    });
    expect(entitlements.length).toBeGreaterThan(0);
    const artifact = entitlements.flatMap((e) => e.entitledArtifacts).find((a) => a.link !== undefined);
    if (artifact?.link === undefined) throw new Error('no artifact link');
    expect(entitlements[0]?.entitlementType).toBe('reservedInstance');
    expect(typeof artifact.dynamicAttributes.reservationType).toBe('string');
    const details = await user.getReservationDetails(artifact.link);
    expect(details.reservations.length).toBeGreaterThan(0);
    expect(details.reservations[0]?.reservationId).toBeTruthy();
  });

  it('reports an unknown order and an app-only token on a user-only operation as typed errors', async () => {
    const error = await user
      .getProvisioningStatus(customerId, 'no-such-order')
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartnerCenterError);
    const appOnly = await app
      .listEntitlements(customerId)
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(appOnly).toBeInstanceOf(PartnerCenterError);
    expect([401, 403]).toContain((appOnly as PartnerCenterError).status);
    expect((appOnly as PartnerCenterError).retryable).toBe(false);
  });
});

describe('billing', () => {
  it('reads the balance and the per-currency summaries', async () => {
    const balance = await app.getBalance();
    expect(typeof balance.balanceAmount).toBe('number');
    expect(balance.currencyCode).toMatch(/^[A-Z]{3}$/);
    const summaries = await user.getInvoiceSummaries();
    expect(summaries.length).toBeGreaterThan(0);
  });

  it('lists invoices through at least 3 offset pages and reads one by id', async () => {
    let pages = 0;
    const ids: string[] = [];
    for await (const page of app.listInvoices({ size: 30 }).pages()) {
      pages += 1;
      ids.push(...page.items.map((invoice) => invoice.id));
    }
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(sandbox.world.invoices.length);
    const invoice = await user.getInvoice(sandbox.world.largestInvoiceId);
    expect(invoice.id).toBe(sandbox.world.largestInvoiceId);
    expect(invoice.invoiceType).toBe('OneTime');
  });

  it('reads OneTime line items through at least 3 seek pages', async () => {
    let pages = 0;
    const items = [];
    const listing = app.listInvoiceLineItems(sandbox.world.largestInvoiceId, {
      provider: 'onetime',
      invoiceLineItemType: 'billinglineitems',
      size: 15,
    });
    for await (const page of listing.pages()) {
      pages += 1;
      items.push(...page.items);
      if (page.index < 3) expect(page.continuationToken ?? page.links.next).toBeDefined();
    }
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(items).toHaveLength(50);
    expect(items.every((item) => item.billingProvider === 'one_time')).toBe(true);
    expect(typeof items[0]?.unitPrice).toBe('number');
  });

  it('reads legacy Azure line items through at least 3 offset pages', async () => {
    const plan = [...sandbox.world.lineItemPlans.values()].find((p) => (p.counts.azure ?? 0) >= 21);
    if (plan === undefined) throw new Error('no invoice with enough Azure line items');
    let pages = 0;
    let count = 0;
    const listing = app.listInvoiceLineItems(plan.invoiceId, {
      provider: 'azure',
      invoiceLineItemType: 'billinglineitems',
      size: 10,
    });
    for await (const page of listing.pages()) {
      pages += 1;
      count += page.items.length;
    }
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(count).toBe(plan.counts.azure);
  });

  it('streams a statement PDF', async () => {
    const statement = await user.getInvoiceStatement(sandbox.world.largestInvoiceId);
    expect(statement.contentType).toMatch(/application\/pdf/);
    const chunks: Buffer[] = [];
    for await (const chunk of statement.body) chunks.push(chunk as Buffer);
    const pdf = Buffer.concat(chunks);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(500);
  });

  it('streams a tax receipt PDF', async () => {
    const invoice = await user.getInvoice(sandbox.world.largestInvoiceId);
    const receiptId = invoice.taxReceipts[0]?.id ?? 'receipt-1';
    const receipt = await user.getTaxReceiptStatement(invoice.id, receiptId);
    const chunks: Buffer[] = [];
    for await (const chunk of receipt.body) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('resilience against an unreliable sandbox', () => {
  let faulty: RunningSandbox;
  let client: PartnerCenterClient;
  /** What each attempt met: an HTTP status, or `network` when the connection failed or timed out. */
  const outcomes: Array<number | 'network'> = [];
  const checkoutRequestIds: string[] = [];
  const countingFetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    const url = input instanceof Request ? input.url : input.toString();
    if (url.endsWith('/checkout')) checkoutRequestIds.push(headers.get('ms-requestid') ?? '');
    try {
      const response = await fetch(input, init);
      outcomes.push(response.status);
      return response;
    } catch (error) {
      outcomes.push('network');
      throw error;
    }
  };

  beforeAll(async () => {
    faulty = await startSandbox({
      ...smallSandbox,
      seed: 8,
      faults: '429:0.08,500:0.05,503:0.08,drop-after-commit:0.15,timeout:0.04',
      faultTimeoutMs: 3_000,
    });
    const accessToken = await appOnlyToken(faulty);
    client = testClient(faulty.baseUrl, {
      getAccessToken: () => Promise.resolve(accessToken),
      appName: 'Reservation Desk (fault tests)',
      budget: new RequestBudget({ maxConcurrency: 2, requestsPerMinute: 2_000 }),
      timeoutMs: 1_000,
      retry: { maxRetries: 8, baseDelayMs: 20, maxDelayMs: 200 },
      fetch: countingFetch,
    });
  }, 60_000);

  afterAll(async () => {
    await faulty?.close();
  });

  it('buys exactly once through 429s, 5xx, timeouts and connections dropped after commit', async () => {
    let customerId = '';
    let subscriptionId = '';
    for (const customer of await client.listCustomers({ size: 5 }).toArray(10)) {
      const plan = (await client.listSubscriptions(customer.id)).find(
        (subscription) => isAzurePlan(subscription) && subscription.status === 'active',
      );
      if (plan && (await client.getRegistrationStatus(customer.id, plan.id)).status === 'Registered') {
        customerId = customer.id;
        subscriptionId = plan.id;
        break;
      }
    }
    expect(customerId).not.toBe('');
    const country = (await client.getCustomer(customerId)).billingProfile?.defaultAddress?.country ?? 'US';
    const catalogScope = { country, reservationScope: 'AzurePlan' as const };
    const [product] = await client.getProducts({ ...catalogScope, targetView: 'AzureReservations' });
    if (product === undefined) throw new Error('no product');
    let catalogItemId = '';
    let term = 'P1Y';
    for (const sku of await client.getSkus(product.id, catalogScope)) {
      const resourceType =
        inventoryResourceType(
          product.productType?.subType?.id,
          reservationSkuAttributes(sku).reservationType,
        ) ?? '';
      const [verdict] = await client.checkInventory(
        { country, resourceType },
        {
          targetItems: [{ productId: product.id, skuId: sku.id }],
          inventoryContext: {
            customerId,
            azureSubscriptionId: subscriptionId,
            armRegionName: reservationSkuAttributes(sku).armRegionName ?? '',
          },
        },
      );
      if (verdict?.isRestricted !== false) continue;
      const [availability] = await client.getAvailabilities(product.id, sku.id, catalogScope);
      if (availability === undefined) continue;
      catalogItemId = availability.catalogItemId;
      term = availability.terms[0]?.duration ?? term;
      break;
    }
    expect(catalogItemId).not.toBe('');

    const before = (await client.listOrders(customerId)).length;
    const cart = await client.createCart(customerId, {
      lineItems: [
        {
          id: 0,
          catalogItemId,
          quantity: 1,
          billingCycle: 'one_time',
          termDuration: term,
          provisioningContext: { subscriptionId, scope: 'shared' },
        },
      ],
    });
    const result = await client.checkoutCart(customerId, cart.id, { requestId: `journal-${cart.id}` });
    expect(result.orders).toHaveLength(1);
    const after = await client.listOrders(customerId);
    expect(after.length).toBe(before + 1);
    expect(after.filter((o) => o.id === result.orders[0]?.id)).toHaveLength(1);
    // The faults really happened, and every checkout attempt carried the journaled id.
    expect(outcomes.filter((o) => o === 'network' || o >= 429).length).toBeGreaterThan(0);
    expect(checkoutRequestIds.length).toBeGreaterThanOrEqual(1);
    expect(new Set(checkoutRequestIds)).toEqual(new Set([`journal-${cart.id}`]));
  }, 120_000);
});
