/**
 * The duplicate-purchase guard: the same SKU, quantity and subscription bought for this customer in
 * the last 24 hours, from the checkout journal and from the customer's orders.
 */
import type { DuplicateWarning } from '../../preload/contract';
import type { Order } from '../partner-center';
import { iso } from './context';
import type { JournalEntry, LineFields, StoredLine } from './model';

export const DUPLICATE_WINDOW_MS = 24 * 3600 * 1000;

/** What makes two purchases "the same" for the guard. */
interface Purchase {
  readonly productId: string;
  readonly skuId: string;
  readonly quantity: number;
  readonly subscriptionId: string;
  readonly hourly: number | null;
}

const SAVINGS_PLAN_PRODUCT = 'DZH318Z09V6F';

function purchaseOf(fields: LineFields): Purchase {
  return fields.kind === 'reservation'
    ? {
        productId: fields.productId,
        skuId: fields.skuId,
        quantity: fields.quantity,
        subscriptionId: fields.subscriptionId,
        hourly: null,
      }
    : {
        productId: SAVINGS_PLAN_PRODUCT,
        skuId: fields.skuId,
        quantity: 1,
        subscriptionId: fields.subscriptionId,
        hourly: fields.hourlyCommitment,
      };
}

function same(a: Purchase, b: Purchase): boolean {
  return (
    a.productId.toLowerCase() === b.productId.toLowerCase() &&
    a.skuId.toLowerCase() === b.skuId.toLowerCase() &&
    a.quantity === b.quantity &&
    a.subscriptionId.toLowerCase() === b.subscriptionId.toLowerCase() &&
    (a.hourly === null || b.hourly === null || a.hourly === b.hourly)
  );
}

function orderPurchases(order: Order): Purchase[] {
  return order.lineItems.flatMap((line) => {
    const [productId = '', skuId = ''] = (line.offerId ?? '').split(':');
    const context = line.provisioningContext;
    const subscription = context.subscriptionId ?? context.entitlementId ?? context.SubscriptionId;
    if (!productId || typeof subscription !== 'string') return [];
    return [
      { productId, skuId, quantity: Number(line.quantity ?? 1), subscriptionId: subscription, hourly: null },
    ];
  });
}

/** Lines of a cart that look like a purchase of the last 24 hours. */
export function findDuplicates(
  lines: ReadonlyArray<StoredLine>,
  journal: ReadonlyArray<JournalEntry>,
  orders: ReadonlyArray<Order>,
  now: number,
): DuplicateWarning[] {
  const since = now - DUPLICATE_WINDOW_MS;
  const journaled = journal.filter((entry) => entry.state !== 'failed' && entry.createdAt >= since);
  const knownOrderIds = new Set(
    journaled.flatMap((entry) => entry.result?.orders.map((o) => o.orderId) ?? []),
  );
  const recentOrders = orders.filter((order) => {
    const created = Date.parse(order.creationDate ?? '');
    return Number.isFinite(created) && created >= since && !knownOrderIds.has(order.id);
  });
  const warnings: DuplicateWarning[] = [];
  for (const line of lines) {
    const wanted = purchaseOf(line.fields);
    const entry = journaled.find((candidate) =>
      candidate.lines.some((bought) =>
        same(wanted, {
          productId: bought.productId,
          skuId: bought.skuId,
          quantity: bought.quantity,
          subscriptionId: bought.subscriptionId,
          hourly: bought.hourlyCommitment,
        }),
      ),
    );
    if (entry) {
      const orderId = entry.result?.orders[0]?.orderId ?? null;
      warnings.push({
        lineId: line.lineId,
        message:
          entry.state === 'in-doubt' || entry.state === 'sending'
            ? `The same purchase is already being checked out (${entry.summary}); it may have gone through.`
            : `The same SKU, quantity and subscription were bought for this customer on ${iso(entry.createdAt)}.`,
        orderId,
        checkoutId: entry.id,
        boughtAt: iso(entry.createdAt),
      });
      continue;
    }
    const order = recentOrders.find((candidate) => orderPurchases(candidate).some((p) => same(wanted, p)));
    if (order) {
      warnings.push({
        lineId: line.lineId,
        message: `Order ${order.id} bought the same SKU, quantity and subscription for this customer in the last 24 hours.`,
        orderId: order.id,
        checkoutId: null,
        boughtAt: order.creationDate ?? iso(now),
      });
    }
  }
  return warnings;
}
