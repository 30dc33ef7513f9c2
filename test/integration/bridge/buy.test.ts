/**
 * The Buy channels over the real dispatcher and the embedded sandbox, as the Cart screen calls them:
 * add a line, review, confirm, and read the journal; bad input and a stale review id answer in plain
 * words; every checkout change is announced with `checkout.changed`.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS } from '../../../main/sandbox/data/customers';
import type { CartReview, CartView, CatalogSearchResult, CheckoutRecord } from '../../../preload/contract';
import { azurePlanLine } from '../buy/harness';
import { appPerFile } from './app-core';

const ref = { profileId: 'demo', customerId: DEMO_CUSTOMERS.azurePlan };
const changes: CheckoutRecord[] = [];
const app = appPerFile('desk-buy-bridge-', {
  onStart: (run) =>
    run.core.events.subscribe((event) => {
      if (event.event === 'checkout.changed') changes.push(event.payload as CheckoutRecord);
    }),
});

/** A SKU from the synced Catalog, as the SKU panel hands it to the cart. */
async function usSku(): Promise<{ productId: string; skuId: string; term: 'P1Y' | 'P3Y' }> {
  const catalog = { profileId: 'demo', country: 'US', scope: 'AzurePlan' };
  const { taskId } = await app.value<{ taskId: string }>('catalog.sync', catalog);
  expect((await app.taskFinished(taskId)).outcome).toBe('completed');
  const found = await app.value<CatalogSearchResult>('catalog.search', { catalog, limit: 200 });
  const row = found.rows.find((r) => !r.needsInventoryCheck && (r.term === 'P1Y' || r.term === 'P3Y'));
  if (!row) throw new Error('no SKU without an inventory check in the catalog');
  return { productId: row.productId, skuId: row.skuId, term: row.term as 'P1Y' | 'P3Y' };
}

describe('buying over the bridge', () => {
  it('adds, reviews and confirms; the journal and the events tell what happened', async () => {
    const sku = await usSku();
    const line = azurePlanLine(sku);
    const zero = await app.call('cart.addReservation', { ...ref, line: { ...line, quantity: 0 } });
    expect(zero.ok).toBe(false);
    if (!zero.ok) {
      expect(zero.error.code).toBe('INVALID_INPUT');
      expect(zero.error.message).toBe('Enter a quantity of at least 1. Your cart is unchanged.');
    }
    const cart = await app.value<CartView>('cart.addReservation', { ...ref, line });
    expect(cart.lines).toHaveLength(1);
    const review = await app.value<CartReview>('cart.review', ref);
    expect(review.canCheckout).toBe(true);
    // Priced from the sheet, which takes only the partner API token the demo sign-in mints (§16).
    expect(review.cart.lines[0]!.price?.source).toBe('price-sheet');

    await app.value('cart.updateLine', { ...ref, lineId: cart.lines[0]!.lineId, changes: { quantity: 2 } });
    const stale = await app.call('checkout.confirm', { ...ref, reviewId: review.reviewId });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.message).toMatch(/changed after it was reviewed/);

    const again = await app.value<CartReview>('cart.review', ref);
    const record = await app.value<CheckoutRecord>('checkout.confirm', { ...ref, reviewId: again.reviewId });
    expect(record.state).toBe('ordered');
    expect(changes.map((c) => c.state)).toEqual(['sending', 'ordered']);
    expect((await app.value<CartView>('cart.get', ref)).lines).toEqual([]);
    const recent = await app.value<{ checkouts: CheckoutRecord[] }>('checkout.recent', ref);
    expect(recent.checkouts.map((c) => c.checkoutId)).toEqual([record.checkoutId]);
    expect(
      (await app.value<{ checkouts: CheckoutRecord[] }>('checkout.inDoubt', { profileId: 'demo' })).checkouts,
    ).toEqual([]);
    const status = await app.value<CheckoutRecord>('checkout.status', {
      profileId: 'demo',
      checkoutId: record.checkoutId,
    });
    expect(status.orders[0]!.orderId).toBe(record.orders[0]!.orderId);
    expect(app.unexpected).toEqual([]);
  });
});
