/**
 * The Buy journey through the app's own service, against the sandbox over HTTP and a real SQLite
 * file: cart drafts, validation that keeps the draft, review with prices and line errors, checkout of
 * both line types, partial success, the duplicate guard, a double confirm, and offline answers.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CartRef, DeskError } from '../../../preload/contract';
import { DEMO_CUSTOMERS, DEMO_SUBSCRIPTIONS } from '../../../main/sandbox/data';
import { toDeskError } from '../../../main/buy/context';
import { openDatabase, openDurableConnection } from '../../../main/database';
import {
  PROFILE,
  azurePlanLine,
  buildService,
  clientFor,
  pickReservationSku,
  sandboxOrdersByCart,
  startBuyHarness,
  type BuyHarness,
} from './harness';

const contoso: CartRef = { profileId: PROFILE, customerId: DEMO_CUSTOMERS.azurePlan };

async function failure(promise: Promise<unknown>): Promise<DeskError> {
  try {
    await promise;
  } catch (error) {
    return toDeskError(error);
  }
  throw new Error('expected a failure');
}

describe('buying through the app', () => {
  let h: BuyHarness;
  let sku: Awaited<ReturnType<typeof pickReservationSku>>;
  let other: Awaited<ReturnType<typeof pickReservationSku>>;

  const reservation = (overrides: Record<string, unknown> = {}) => ({ ...azurePlanLine(sku), ...overrides });

  beforeAll(async () => {
    h = await startBuyHarness();
    sku = await pickReservationSku(h.client, 'US');
    other = await pickReservationSku(h.client, 'US', 1);
  });
  afterAll(() => h.close());

  it('writes the checkout journal through a connection with synchronous = FULL', () => {
    expect(h.store.journalSynchronous()).toBe(2);
    const db = openDatabase({ dataDir: h.dataDir });
    const durable = openDurableConnection(db.name);
    try {
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
      expect(durable.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      durable.close();
      db.close();
    }
  });

  it('refuses bad input with a sentence that says what to do, and keeps the draft', async () => {
    await h.service.addReservation(contoso, reservation({ friendlyName: 'web tier' }));
    const before = await h.service.cart(contoso);
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ quantity: 0 }, /at least 1/],
      [{ quantity: -2 }, /at least 1/],
      [{ quantity: 1.5 }, /whole number/],
      [{ quantity: sku.maximumQuantity + 1 }, new RegExp(`at most ${sku.maximumQuantity}`)],
      [{ friendlyName: 'x'.repeat(65) }, /Shorten the name to 64/],
      [{ subscriptionId: DEMO_SUBSCRIPTIONS.legacyAzure }, /does not belong to Contoso/],
    ];
    for (const [overrides, message] of cases) {
      const error = await failure(h.service.addReservation(contoso, reservation(overrides)));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/Your cart is unchanged\.$/);
    }
    const line = before.lines[0]!;
    const update = await failure(h.service.updateLine(contoso, line.lineId, { quantity: 0 }));
    expect(update.message).toMatch(/at least 1/);
    expect((await h.service.cart(contoso)).lines).toEqual(before.lines);
    await h.service.removeLine(contoso, line.lineId);
  });

  it('says when the customer’s market does not sell reservations, and when the cart is empty', async () => {
    const brazil: CartRef = { profileId: PROFILE, customerId: DEMO_CUSTOMERS.unavailableMarket };
    const error = await failure(
      h.service.addReservation(brazil, reservation({ subscriptionId: DEMO_SUBSCRIPTIONS.unavailableMarket })),
    );
    expect(error.message).toMatch(/not sold in Brazil/);
    const empty = await failure(h.service.review(brazil));
    expect(empty.message).toMatch(/The cart is empty/);
  });

  it('needs App+User for a savings plan on an App-only profile, and says so', async () => {
    const appOnly = await startBuyHarness({ authMode: 'app-only' });
    try {
      const error = await failure(
        appOnly.service.addSavingsPlan(contoso, {
          termDuration: 'P1Y',
          hourlyCommitment: 0.05,
          scope: 'shared',
          subscriptionId: DEMO_SUBSCRIPTIONS.azurePlan,
        }),
      );
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toMatch(/needs a user sign-in \(App\+User\)/);
      expect(error.details?.fix).toBe('sign-in-as-user');
    } finally {
      await appOnly.close();
    }
  });

  it('buys a reservation: review shows the price sheet price and total, checkout places one order', async () => {
    await h.service.addReservation(contoso, reservation({ quantity: 2 }));
    const review = await h.service.review(contoso);
    expect(review.blockers).toEqual([]);
    expect(review.canCheckout).toBe(true);
    const [line] = review.cart.lines;
    expect(line!.problems).toEqual([]);
    expect(line!.price?.source).toBe('price-sheet');
    expect(line!.price?.currency).toBe('USD');
    expect(line!.price!.termTotal).toBeCloseTo(line!.price!.unitPrice * 2, 2);
    expect(review.total).toEqual({ amount: line!.price!.termTotal, currency: 'USD' });
    expect(review.customer.name).toMatch(/Contoso/);
    expect(review.irreversible.length).toBeGreaterThan(0);

    const record = await h.service.confirm(contoso, review.reviewId!, { confirmDuplicates: false });
    expect(record.state).toBe('ordered');
    expect(record.orders).toHaveLength(1);
    expect(record.orders[0]!.lineIds).toEqual([line!.lineId]);
    expect(record.message).toMatch(/^Ordered/);
    expect(sandboxOrdersByCart(h.sandboxDir).get(record.cartId)).toHaveLength(1);
    expect((await h.service.cart(contoso)).lines).toEqual([]);
  });

  it('buys a savings plan in the same cart as a reservation; the plan costs its hourly commitment over the term', async () => {
    await h.service.addReservation(
      contoso,
      reservation({ productId: other.productId, skuId: other.skuId, termDuration: other.term }),
    );
    await h.service.addSavingsPlan(contoso, {
      termDuration: 'P1Y',
      hourlyCommitment: 0.05,
      scope: 'single',
      subscriptionId: DEMO_SUBSCRIPTIONS.azurePlan,
    });
    const review = await h.service.review(contoso);
    expect(review.canCheckout).toBe(true);
    const plan = review.cart.lines.find((l) => l.kind === 'savings-plan')!;
    expect(plan.price).toMatchObject({ source: 'commitment', termTotal: 438, currency: 'USD' });
    const record = await h.service.confirm(contoso, review.reviewId!, { confirmDuplicates: false });
    expect(record.state).toBe('ordered');
    expect(record.orders.flatMap((o) => o.lineIds).sort()).toEqual(
      review.cart.lines.map((l) => l.lineId).sort(),
    );
    const order = await h.client.getOrder(
      DEMO_CUSTOMERS.azurePlan,
      record.orders.find((o) => o.lineIds.includes(plan.lineId))!.orderId,
    );
    const planLine = order.lineItems.find((item) => item.offerId?.startsWith('DZH318Z09V6F'));
    expect(planLine?.provisioningContext).toMatchObject({
      scope: 'single',
      entitlementId: DEMO_SUBSCRIPTIONS.azurePlan,
    });
  });

  it('asks for an explicit second confirmation before buying the same thing again within 24 hours', async () => {
    await h.service.addReservation(contoso, reservation({ quantity: 2 }));
    const review = await h.service.review(contoso);
    expect(review.duplicates).toHaveLength(1);
    expect(review.duplicates[0]!.message).toMatch(/same SKU, quantity and subscription/);
    const refused = await failure(h.service.confirm(contoso, review.reviewId!, { confirmDuplicates: false }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.details?.reason).toBe('possible-duplicate');
    expect((await h.service.cart(contoso)).lines).toHaveLength(1);
    const bought = await h.service.confirm(contoso, review.reviewId!, { confirmDuplicates: true });
    expect(bought.state).toBe('ordered');
  });

  it('a double confirm buys once: both calls get the same checkout', async () => {
    await h.service.addReservation(contoso, reservation({ quantity: 3 }));
    const review = await h.service.review(contoso);
    const [a, b] = await Promise.all([
      h.service.confirm(contoso, review.reviewId!, { confirmDuplicates: true }),
      h.service.confirm(contoso, review.reviewId!, { confirmDuplicates: true }),
    ]);
    expect(a.checkoutId).toBe(b.checkoutId);
    const again = await h.service.confirm(contoso, review.reviewId!, { confirmDuplicates: true });
    expect(again.checkoutId).toBe(a.checkoutId);
    expect(sandboxOrdersByCart(h.sandboxDir).get(a.cartId)).toHaveLength(1);
  });

  it('shows each cart error the sandbox produces on its line, in plain words with its fix', async () => {
    const de = await pickReservationSku(h.client, 'DE');
    const northwind: CartRef = { profileId: PROFILE, customerId: DEMO_CUSTOMERS.unregistered };
    await h.service.addReservation(northwind, {
      ...reservation(),
      productId: de.productId,
      skuId: de.skuId,
      termDuration: de.term,
      subscriptionId: DEMO_SUBSCRIPTIONS.unregistered,
    });
    const unregistered = await h.service.review(northwind);
    expect(unregistered.canCheckout).toBe(false);
    expect(unregistered.reviewId).toBeNull();
    expect(unregistered.cart.lines[0]!.problems[0]).toMatchObject({
      code: 'cart-error-10011',
      message: 'Subscription not registered for reservations. Register it, then review again.',
      fix: 'register-subscription',
      partnerCenterCode: 10011,
    });

    const se = await pickReservationSku(h.client, 'SE');
    const tailspin: CartRef = { profileId: PROFILE, customerId: DEMO_CUSTOMERS.suspended };
    await h.service.addReservation(tailspin, {
      ...reservation(),
      productId: se.productId,
      skuId: se.skuId,
      termDuration: se.term,
      subscriptionId: DEMO_SUBSCRIPTIONS.suspended,
    });
    const suspended = await h.service.review(tailspin);
    expect(suspended.cart.lines[0]!.problems[0]).toMatchObject({
      code: 'cart-error-10007',
      fix: 'choose-subscription',
    });
    expect(suspended.cart.lines[0]!.problems[0]!.message).toMatch(/not an active Azure subscription/);
  });

  it('recreates a cart Partner Center no longer has (expired) without the user noticing', async () => {
    await h.service.addReservation(contoso, reservation({ quantity: 4 }));
    const first = await h.service.review(contoso);
    const draft = h.store.activeDraft(PROFILE, contoso.customerId)!;
    // The sandbox answers 404/800008 for an expired cart, as for an unknown one.
    h.store.saveDraft({ ...draft, remoteCartId: randomUUID() });
    const second = await h.service.review(contoso);
    expect(second.canCheckout).toBe(true);
    const recreated = h.store.activeDraft(PROFILE, contoso.customerId)!.remoteCartId;
    expect(recreated).not.toBe(draft.remoteCartId);
    const record = await h.service.confirm(contoso, second.reviewId!, { confirmDuplicates: true });
    expect(record.state).toBe('ordered');
    expect(first.reviewId).not.toBe(second.reviewId);
  });

  it('partial success: the failed order group’s lines come back in a new draft with the reason', async () => {
    await h.service.addReservation(contoso, reservation({ quantity: 5 }));
    await h.service.addSavingsPlan(contoso, {
      termDuration: 'P3Y',
      billingPlan: 'monthly',
      hourlyCommitment: 0.25,
      scope: 'shared',
      subscriptionId: DEMO_SUBSCRIPTIONS.azurePlan,
    });
    const review = await h.service.review(contoso);
    expect(review.canCheckout).toBe(true);
    // Between review and confirm, Partner Center's side changes: the reservation's quantity is no
    // longer available (the sandbox reports QuotaNotAvailable, then 800017 for its order group).
    const draft = h.store.activeDraft(PROFILE, contoso.customerId)!;
    const cart = await h.client.getCart(contoso.customerId, draft.remoteCartId!);
    await h.client.updateCart(contoso.customerId, cart.id, {
      lineItems: cart.lineItems.map((line) => ({
        id: line.id,
        catalogItemId: line.catalogItemId,
        quantity: line.catalogItemId.startsWith('DZH318Z09V6F') ? line.quantity : sku.maximumQuantity + 1,
        billingCycle: line.billingCycle === 'monthly' ? 'monthly' : 'one_time',
        ...(line.termDuration ? { termDuration: line.termDuration } : {}),
        provisioningContext: line.provisioningContext as Record<string, string>,
        ...(line.catalogItemId.startsWith('DZH318Z09V6F')
          ? { purchaseCommitment: { amount: 0.25, grain: 'hourly' as const, currency: 'usd' } }
          : {}),
      })),
    });
    const record = await h.service.confirm(contoso, review.reviewId!, { confirmDuplicates: true });
    expect(record.state).toBe('partially-ordered');
    expect(record.orders).toHaveLength(1);
    expect(record.groupErrors).toHaveLength(1);
    expect(record.groupErrors[0]).toMatchObject({ partnerCenterCode: 800017, fix: 'change-quantity' });
    expect(record.groupErrors[0]!.message).toMatch(/quantity is not available/);
    const reservationLine = review.cart.lines.find((l) => l.kind === 'reservation')!;
    expect(record.groupErrors[0]!.lineIds).toEqual([reservationLine.lineId]);
    const next = await h.service.cart(contoso);
    expect(next.draftId).toBe(record.newDraftId);
    expect(next.lines.map((l) => l.lineId)).toEqual([reservationLine.lineId]);
    expect(next.lines[0]!.problems[0]!.message).toMatch(/quantity is not available/);
    await h.service.removeLine(contoso, reservationLine.lineId);
  });

  it('offline: review and checkout say they need a connection, and the cart is saved', async () => {
    await h.service.addReservation(contoso, reservation({ quantity: 6 }));
    const review = await h.service.review(contoso);
    const db = openDatabase({ dataDir: h.dataDir });
    const journal = openDurableConnection(db.name);
    try {
      const dead = clientFor('http://127.0.0.1:9', 'token', { retry: { maxRetries: 0 } });
      const { service } = buildService(db, journal, dead, 'http://127.0.0.1:9', {});
      const confirm = await failure(service.confirm(contoso, review.reviewId!, { confirmDuplicates: true }));
      expect(confirm.code).toBe('OFFLINE');
      expect(confirm.message).toMatch(/needs a connection to Partner Center; your cart is saved/);
      const again = await failure(service.review(contoso));
      expect(again.code).toBe('OFFLINE');
      expect((await service.cart(contoso)).lines).toHaveLength(1);
      expect(await service.inDoubt(PROFILE)).toEqual([]);
    } finally {
      journal.close();
      db.close();
    }
    const record = await h.service.confirm(contoso, review.reviewId!, { confirmDuplicates: true });
    expect(record.state).toBe('ordered');
  });

  it('a stale availability is fetched again and the cart sent once more, without the user noticing', async () => {
    // Partner Center changes an availability's catalog item ID between our fetch and the cart: the
    // first availabilities answer carries an ID the cart then calls invalid (CartErrorCode 10001).
    let staleOnce = true;
    const rotating: typeof fetch = async (url, init) => {
      const response = await fetch(url, init);
      // The client always passes a URL object.
      if (!staleOnce || !(url as URL).pathname.includes('/availabilities')) return response;
      staleOnce = false;
      const body = (await response.text()).replace(
        /"catalogItemId":"([^":]+):([^":]+):[^"]+"/g,
        '"catalogItemId":"$1:$2:STALE0000000"',
      );
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const stale = await startBuyHarness({ client: { fetch: rotating } });
    try {
      await stale.service.addReservation(contoso, reservation());
      const review = await stale.service.review(contoso);
      expect(staleOnce).toBe(false);
      expect(review.cart.lines[0]!.problems).toEqual([]);
      const [line] = review.cart.lines;
      expect(line?.kind === 'reservation' ? line.catalogItemId : null).toMatch(/^[^:]+:[^:]+:(?!STALE)/);
      expect(review.canCheckout).toBe(true);
    } finally {
      await stale.close();
    }
  });

  it('removing a profile removes its drafts, journal and price sheets', async () => {
    await h.service.addReservation(contoso, reservation());
    expect((await h.service.recent(contoso)).length).toBeGreaterThan(0);
    h.service.removeProfileData(PROFILE);
    expect((await h.service.cart(contoso)).lines).toEqual([]);
    expect(await h.service.recent(contoso)).toEqual([]);
    expect(h.store.priceSheetFetchedAt(PROFILE, 'US')).toBeUndefined();
  });
});
