/**
 * A stale availability at checkout (404/400019, §4.13) through the app's own checkout service and
 * the sandbox over HTTP: the journal records the refusal and the retry's new request id before the
 * cart is refreshed and checked out once more; a second stale answer goes back to the user; and
 * faults around the retry never make a second order for the cart.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CartRef } from '../../../preload/contract';
import type { RunningSandbox } from '../../../main/sandbox';
import { DEMO_CUSTOMERS } from '../../../main/sandbox/data';
import {
  PROFILE,
  azurePlanLine,
  pickReservationSku,
  pickedSkuLookup,
  sandboxOrdersByCart,
  startBuyHarness,
  type BuyHarness,
  type PickedSku,
} from './harness';

const contoso: CartRef = { profileId: PROFILE, customerId: DEMO_CUSTOMERS.azurePlan };

/** What the client sent to the cart: each request's method, kind and MS-RequestId. */
interface Sent {
  readonly method: string;
  readonly kind: 'checkout' | 'update' | 'other';
  readonly requestId: string | null;
  readonly status: number | null;
}

/**
 * A harness whose client records every cart request and lets a test act on them: force a sandbox
 * fault on a request (`X-Sandbox-Fault`), or change an availability after a cart update.
 */
async function recordingHarness(
  sku: PickedSku | undefined,
  hooks: {
    faultFor?: (sent: ReadonlyArray<Sent>, kind: Sent['kind']) => string | undefined;
    afterUpdate?: (sandbox: RunningSandbox, catalogItemId: string) => void;
  } = {},
): Promise<{ h: BuyHarness; sent: Sent[] }> {
  const sent: Sent[] = [];
  // The sandbox starts after the client that records for it.
  const live: { sandbox?: RunningSandbox } = {};
  const recording: typeof fetch = async (url, init) => {
    const path = (url as URL).pathname;
    const isCart = /\/carts(\/|$)/.test(path);
    const kind: Sent['kind'] = path.endsWith('/checkout')
      ? 'checkout'
      : isCart && init?.method === 'PUT'
        ? 'update'
        : 'other';
    const headers = new Headers(init?.headers);
    const fault = isCart ? hooks.faultFor?.(sent, kind) : undefined;
    if (fault) headers.set('X-Sandbox-Fault', fault);
    const record = { method: init?.method ?? 'GET', kind, requestId: headers.get('MS-RequestId') };
    try {
      const response = await fetch(url, { ...init, headers });
      if (isCart) sent.push({ ...record, status: response.status });
      if (kind === 'update' && response.ok && hooks.afterUpdate && live.sandbox) {
        const cart = (await response.clone().json()) as { lineItems: Array<{ catalogItemId: string }> };
        hooks.afterUpdate(live.sandbox, cart.lineItems[0]!.catalogItemId);
      }
      return response;
    } catch (error) {
      if (isCart) sent.push({ ...record, status: null });
      throw error;
    }
  };
  const h = await startBuyHarness({
    client: { fetch: recording, retry: { baseDelayMs: 10, maxDelayMs: 50 } },
    ...(sku ? { cachedSku: pickedSkuLookup([sku]) } : {}),
  });
  live.sandbox = h.sandbox;
  return { h, sent };
}

describe('stale availability at checkout', () => {
  let sku: PickedSku;
  let h: BuyHarness | undefined;

  beforeAll(async () => {
    const probe = await startBuyHarness();
    try {
      sku = await pickReservationSku(probe.client, 'US');
    } finally {
      await probe.close();
    }
  });
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  /** Fills and reviews Contoso's cart, then changes the availability of its line at Partner Center. */
  const reviewThenChange = async (harness: BuyHarness) => {
    await harness.service.addReservation(contoso, azurePlanLine(sku));
    const review = await harness.service.review(contoso);
    expect(review.canCheckout).toBe(true);
    const line = review.cart.lines[0]!;
    const catalogItemId = line.kind === 'reservation' ? line.catalogItemId : null;
    expect(harness.sandbox.changeAvailability(catalogItemId!)).toBe(1);
    return review;
  };

  it('records the refusal and a new request id, refreshes the cart and buys once', async () => {
    const started = await recordingHarness(sku);
    h = started.h;
    const review = await reviewThenChange(h);
    const record = await h.service.confirm(contoso, review.reviewId!, { confirmDuplicates: true });

    expect(record.state).toBe('ordered');
    expect(sandboxOrdersByCart(h.sandboxDir).get(record.cartId)).toHaveLength(1);
    // The journal said "stale, back to prepared" before the refreshed cart was sent and checked out.
    expect(h.store.checkoutTransitions(record.checkoutId)).toEqual([
      { event: 'send', from: 'prepared', to: 'sending' },
      { event: 'stale-availability', from: 'sending', to: 'prepared' },
      { event: 'send', from: 'prepared', to: 'sending' },
      { event: 'ordered', from: 'sending', to: 'ordered' },
    ]);
    const afterConfirm = started.sent.slice(started.sent.findIndex((s) => s.kind === 'checkout'));
    expect(afterConfirm.map((s) => [s.kind, s.status])).toEqual([
      ['checkout', 404],
      ['update', 201],
      ['checkout', 201],
    ]);
    const [first, , second] = afterConfirm;
    expect(second!.requestId).not.toBe(first!.requestId);
    expect(h.store.checkout(record.checkoutId)!.requestId).toBe(second!.requestId);
  });

  it('a second stale answer is not retried again: nothing is bought and the lines wait in the cart', async () => {
    const started = await recordingHarness(sku, {
      // Partner Center changes the availability again right after our refresh.
      afterUpdate: (sandbox, catalogItemId) => sandbox.changeAvailability(catalogItemId),
    });
    h = started.h;
    const review = await reviewThenChange(h);
    const record = await h.service.confirm(contoso, review.reviewId!, { confirmDuplicates: true });

    expect(record.state).toBe('failed');
    expect(record.message).toMatch(/^Nothing was bought: An item’s availability changed/);
    expect(sandboxOrdersByCart(h.sandboxDir).get(record.cartId)).toBeUndefined();
    expect(started.sent.filter((s) => s.kind === 'checkout')).toHaveLength(2);
    const cart = await h.service.cart(contoso);
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0]!.problems[0]?.message).toMatch(/availability changed/);
  });

  it('under a 503 before the stale answer and a dropped answer after the retry, still exactly one order', async () => {
    const started = await recordingHarness(sku, {
      faultFor: (sent, kind) => {
        if (kind !== 'checkout') return undefined;
        const checkouts = sent.filter((s) => s.kind === 'checkout').length;
        // 1st checkout attempt: 503, so the 404/400019 comes on a retry (an attempt may have gone
        // through: the cart is read first). 1st attempt of the retry's new id: committed, answer lost.
        if (checkouts === 0) return '503';
        if (checkouts === 2) return 'drop-after-commit';
        return undefined;
      },
    });
    h = started.h;
    const review = await reviewThenChange(h);
    const record = await h.service.confirm(contoso, review.reviewId!, { confirmDuplicates: true });

    expect(record.state).toBe('ordered');
    expect(sandboxOrdersByCart(h.sandboxDir).get(record.cartId)).toHaveLength(1);
    const checkouts = started.sent.filter((s) => s.kind === 'checkout');
    expect(checkouts.map((s) => s.status)).toEqual([503, 404, null, 201]);
    // Retries of one request carry its id; the stale retry alone has a new one.
    expect(checkouts[1]!.requestId).toBe(checkouts[0]!.requestId);
    expect(checkouts[3]!.requestId).toBe(checkouts[2]!.requestId);
    expect(checkouts[2]!.requestId).not.toBe(checkouts[0]!.requestId);
  });
});
