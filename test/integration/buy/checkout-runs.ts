/**
 * Many checkouts through the app's own Buy service against one sandbox, as a person would do them
 * (add a line, review, confirm; try again when Partner Center is briefly unavailable; resolve a
 * checkout in doubt), then the sandbox's own record of orders per cart. Used by the exactly-once
 * test and the checkout benchmark.
 */
import type { CartRef, CheckoutRecord } from '../../../preload/contract';
import { toDeskError } from '../../../main/buy/context';
import type { BuyService } from '../../../main/buy/buy-service';
import type { BuyStore } from '../../../main/buy/store';
import { reservationsSoldIn } from '../../../main/markets';
import type { PartnerCenterClient } from '../../../main/partner-center';
import type { RunningSandbox } from '../../../main/sandbox';
import { PROFILE, azurePlanLine, pickReservationSku, sandboxOrdersByCart, type PickedSku } from './harness';

export interface CheckoutRun {
  readonly record: CheckoutRecord;
  /** Confirm → settled, in ms (includes resolutions). */
  readonly confirmToSettledMs: number;
  /** Whether the checkout was in doubt at some point (its journal went through `in-doubt`). */
  readonly wasInDoubt: boolean;
}

export interface CheckoutRunsReport {
  readonly runs: ReadonlyArray<CheckoutRun>;
  readonly carts: number;
  /** Carts the sandbox placed more than one order for. */
  readonly duplicates: number;
  /** Carts reported ordered without an order, or with an order but reported failed or unresolved. */
  readonly lost: number;
  readonly inDoubt: number;
  readonly inDoubtResolved: number;
}

interface Buyer {
  readonly ref: CartRef;
  readonly subscriptionId: string;
  readonly sku: PickedSku;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries what a person would retry when Partner Center is briefly unavailable (never a checkout). */
async function patiently<T>(what: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await what();
    } catch (error) {
      const code = toDeskError(error).code;
      const transient =
        code === 'OFFLINE' || code === 'THROTTLED' || code === 'PARTNER_CENTER' || code === 'TIMEOUT';
      if (!transient || attempt >= attempts) throw error;
      await sleep(20 * attempt);
    }
  }
}

/** Customers with a registered, active Azure plan in a market that sells reservations. */
export async function buyersOf(
  sandbox: RunningSandbox,
  client: PartnerCenterClient,
  max: number,
): Promise<Buyer[]> {
  const skus = new Map<string, Buyer['sku']>();
  const buyers: Buyer[] = [];
  for (const customer of sandbox.world.customers) {
    const country = customer.billingProfile.defaultAddress.country.toUpperCase();
    if (!reservationsSoldIn(country)) continue;
    const plan = (sandbox.world.subscriptionsByCustomer.get(customer.id) ?? []).find(
      (sub) =>
        sub.offerId.startsWith('DZH318Z0BPS6') &&
        sub.status === 'active' &&
        sandbox.world.registrations.get(sub.id) === 'Registered',
    );
    if (!plan) continue;
    let sku = skus.get(country);
    if (!sku) {
      sku = await patiently(() => pickReservationSku(client, country));
      skus.set(country, sku);
    }
    buyers.push({ ref: { profileId: PROFILE, customerId: customer.id }, subscriptionId: plan.id, sku });
    if (buyers.length >= max) break;
  }
  return buyers;
}

async function oneCheckout(service: BuyService, buyer: Buyer, quantity: number): Promise<CheckoutRun> {
  await patiently(() =>
    service.addReservation(
      buyer.ref,
      azurePlanLine(buyer.sku, { subscriptionId: buyer.subscriptionId, quantity }),
    ),
  );
  for (;;) {
    const review = await patiently(() => service.review(buyer.ref));
    if (!review.reviewId) throw new Error(`review refused checkout: ${review.blockers.join(' ')}`);
    const started = performance.now();
    let record: CheckoutRecord;
    try {
      record = await service.confirm(buyer.ref, review.reviewId, { confirmDuplicates: true });
    } catch (error) {
      // Refused before anything was journaled (Partner Center unreachable, the cart changed):
      // the cart is kept, and a person reviews and confirms again.
      const code = toDeskError(error).code;
      if (code === 'OFFLINE' || code === 'CONFLICT' || code === 'THROTTLED' || code === 'PARTNER_CENTER')
        continue;
      throw error;
    }
    let wasInDoubt = record.state === 'in-doubt';
    while (record.state === 'in-doubt' || record.state === 'sending') {
      wasInDoubt = true;
      await sleep(20);
      record = await service.resolve(buyer.ref.profileId, record.checkoutId);
    }
    const confirmToSettledMs = performance.now() - started;
    if (record.state === 'failed' && record.newDraftId) {
      // Nothing bought: the lines are back in the cart; clear them so the next run starts clean.
      for (const line of (await service.cart(buyer.ref)).lines)
        await service.removeLine(buyer.ref, line.lineId);
    }
    return { record, confirmToSettledMs, wasInDoubt };
  }
}

/** Runs `carts` checkouts, `buyers.length` at a time (one customer each), and counts orders per cart. */
export async function runCheckouts(
  service: BuyService,
  store: BuyStore,
  sandboxDir: string,
  buyers: ReadonlyArray<Buyer>,
  carts: number,
): Promise<CheckoutRunsReport> {
  const runs: CheckoutRun[] = [];
  let next = 0;
  await Promise.all(
    buyers.map(async (buyer) => {
      while (next < carts) {
        const index = next++;
        const run = await oneCheckout(service, buyer, 1 + (index % 3));
        const inDoubt = store.checkoutTransitions(run.record.checkoutId).some((t) => t.to === 'in-doubt');
        runs.push({ ...run, wasInDoubt: run.wasInDoubt || inDoubt });
      }
    }),
  );
  const ordersByCart = sandboxOrdersByCart(sandboxDir);
  let duplicates = 0;
  let lost = 0;
  for (const { record } of runs) {
    const orders = ordersByCart.get(record.cartId)?.length ?? 0;
    if (orders > 1) duplicates += 1;
    const reportedOrdered = record.state === 'ordered' || record.state === 'partially-ordered';
    if (reportedOrdered !== orders > 0) lost += 1;
    if (reportedOrdered && record.orders.length !== orders) lost += 1;
  }
  const inDoubt = runs.filter((run) => run.wasInDoubt);
  return {
    runs,
    carts: runs.length,
    duplicates,
    lost,
    inDoubt: inDoubt.length,
    inDoubtResolved: inDoubt.filter((run) => run.record.state !== 'in-doubt').length,
  };
}
