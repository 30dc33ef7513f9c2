/**
 * Checkout, exactly once.
 *
 * 1. A journal entry with a fresh `MS-RequestId` is written durably (`prepared`) before anything is
 *    sent, and moved to `sending` (durably) right before the request goes out.
 * 2. Every attempt carries that request id: the pipeline's own retries, a resolution after a lost
 *    answer, and a resolution after a restart. Partner Center answers a repeat with the first result.
 * 3. A lost answer makes the entry `in-doubt`. Resolution re-sends with the same id; when that is
 *    refused it reads the cart's status and the customer's orders. It never creates a new request id.
 * 4. While a customer has a checkout that is not settled, its cart cannot be checked out again.
 * 5. A stale availability (404/400019) is a definite refusal: the journal records it, with the one
 *    retry's new request id, before the cart is refreshed and the same cart checked out again.
 */
import { randomUUID } from 'node:crypto';
import type { CartRef, CheckoutGroupError, CheckoutOrder, LineProblem } from '../../preload/contract';
import { DeskFailure } from '../ipc/failure';
import {
  PartnerCenterError,
  type Cart,
  type CartCheckoutResult,
  type Order,
  type PartnerCenterClient,
} from '../partner-center';
import { refreshAvailability, wireLine } from './cart-lines';
import { blocksCheckout, isSettled, type CheckoutEvent } from './checkout-state';
import { isUnreachable, toDeskError, type BuyContext } from './context';
import {
  emptyDraft,
  type JournalEntry,
  type JournalLine,
  type JournalResult,
  type StoredDraft,
  type StoredLine,
} from './model';
import { orderErrorExplained } from './partner-center-problems';
import type { TransitionPatch } from './store';

const SENDING = 'Placing the order with Partner Center…';

/** How far before a checkout's journal time an order may be dated and still be its order. */
const ORDER_CLOCK_SLACK_MS = 5 * 60 * 1000;

/** How a person confirmed a checkout: `confirmDuplicates` when they saw the duplicate warnings. */
export interface ConfirmOptions {
  readonly confirmDuplicates: boolean;
}

export interface Checkouts {
  confirm(ref: CartRef, reviewId: string, options: ConfirmOptions): Promise<JournalEntry>;
  resolve(profileId: string, checkoutId: string): Promise<JournalEntry>;
  /** At start: entries never sent fail (lines back in the cart); sent ones are in doubt and resolved. */
  resumeAll(): Promise<void>;
}

/** A refusal that proves nothing was bought by this request (as opposed to a lost answer). */
function isDefiniteRefusal(error: unknown): error is PartnerCenterError {
  if (!(error instanceof PartnerCenterError)) return false;
  if (error.kind === 'auth' || error.kind === 'invalid-request') return true;
  return error.kind === 'http' && [400, 401, 403, 404, 417].includes(error.status ?? 0);
}

/** Partner Center's refusal when an availability in the cart changed (§4.13): nothing was ordered. */
function isStaleAvailability(error: PartnerCenterError): boolean {
  return error.status === 404 && error.code === '400019';
}

function summaryOf(lines: ReadonlyArray<StoredLine>): string {
  return lines
    .map((line) =>
      line.fields.kind === 'reservation'
        ? `${line.fields.quantity} × ${line.fields.title}`
        : `${line.fields.title} at ${line.fields.hourlyCommitment}/hour`,
    )
    .join('; ');
}

function journalLines(draft: StoredDraft, cart: Cart): JournalLine[] | undefined {
  const remote = [...cart.lineItems].sort((a, b) => a.id - b.id);
  if (remote.length !== draft.lines.length) return undefined;
  return draft.lines.map((line, index) => {
    const f = line.fields;
    const r = remote[index]!;
    return {
      lineId: line.lineId,
      kind: f.kind,
      productId: f.kind === 'reservation' ? f.productId : 'DZH318Z09V6F',
      skuId: f.skuId,
      quantity: f.kind === 'reservation' ? f.quantity : 1,
      subscriptionId: f.subscriptionId,
      termDuration: f.termDuration,
      hourlyCommitment: f.kind === 'savings-plan' ? f.hourlyCommitment : null,
      catalogItemId: r.catalogItemId,
      cartLineNumber: r.id,
      orderGroup: r.orderGroup ?? null,
      title: f.title,
    };
  });
}

function offerMatches(line: JournalLine, offerId: string | undefined): boolean {
  return (offerId ?? '').toLowerCase() === line.catalogItemId.toLowerCase();
}

/** Maps Partner Center's checkout result onto the journal's lines. */
export function mapCheckoutResult(
  lines: ReadonlyArray<JournalLine>,
  result: CartCheckoutResult,
): JournalResult {
  const failedGroups = new Set(result.orderErrors.map((e) => e.orderGroupId ?? null));
  const claimed = new Set<string>();
  const orders: CheckoutOrder[] = result.orders.map((order) => {
    const lineIds = lines
      .filter((line) => !failedGroups.has(line.orderGroup) && !claimed.has(line.lineId))
      .filter((line) => order.lineItems.some((item) => offerMatches(line, item.offerId)))
      .map((line) => line.lineId);
    lineIds.forEach((id) => claimed.add(id));
    const group = lines.find((line) => lineIds.includes(line.lineId))?.orderGroup ?? null;
    return {
      orderId: order.id,
      status: String(order.status ?? 'pending'),
      orderGroup: group,
      lineIds,
      createdAt: order.creationDate ?? null,
      totalPrice: order.totalPrice ?? null,
      currency: order.currencyCode ?? null,
    };
  });
  const groupErrors: CheckoutGroupError[] = result.orderErrors.map((error) => {
    const code = error.code === undefined ? null : Number(error.code);
    const explained = orderErrorExplained(Number.isFinite(code) ? code : null, error.description);
    return {
      orderGroup: error.orderGroupId ?? null,
      lineIds: lines.filter((line) => line.orderGroup === (error.orderGroupId ?? null)).map((l) => l.lineId),
      message: explained.message,
      fix: explained.fix,
      partnerCenterCode: Number.isFinite(code) ? code : null,
      detail: error.description ?? null,
    };
  });
  return { orders, groupErrors };
}

export function createCheckouts(ctx: BuyContext): Checkouts {
  const { store } = ctx;
  const confirming = new Map<string, Promise<JournalEntry>>();
  const running = new Map<string, Promise<JournalEntry>>();

  const step = (entry: JournalEntry, event: CheckoutEvent, patch: TransitionPatch = {}): JournalEntry => {
    const next = store.transition(entry.id, event, patch, ctx.now());
    ctx.emitChanged(next);
    return next;
  };

  /** Puts the lines of failed groups back into the customer's active cart (a new one if needed). */
  const restoreLines = (
    entry: JournalEntry,
    lineIds: ReadonlyArray<string>,
    problems: ReadonlyMap<string, LineProblem>,
  ): string | null => {
    const old = store.draft(entry.draftId);
    const back = (old?.lines ?? []).filter((line) => lineIds.includes(line.lineId));
    if (back.length === 0) return null;
    const now = ctx.now();
    const target =
      store.activeDraft(entry.profileId, entry.customerId) ?? emptyDraft(randomUUID(), entry, now, entry.id);
    if (!store.draft(target.id)) store.createDraft(target);
    const present = new Set(target.lines.map((line) => line.lineId));
    const restored = back
      .filter((line) => !present.has(line.lineId))
      .map((line) => {
        const problem = problems.get(line.lineId);
        return { ...line, problems: problem ? [problem] : [], price: null, priceNote: null };
      });
    const lines = [...target.lines, ...restored].map((line, position) => ({ ...line, position }));
    store.saveDraft({ ...target, lines, updatedAt: now, reviewId: null, reviewDuplicates: 0 });
    return target.id;
  };

  /** Records Partner Center's answer: ordered, partly ordered, or nothing bought. */
  const settle = (entry: JournalEntry, result: JournalResult): JournalEntry => {
    const ordered = new Set(result.orders.flatMap((order) => order.lineIds));
    const failedIds = entry.lines.map((line) => line.lineId).filter((id) => !ordered.has(id));
    const problems = new Map<string, LineProblem>();
    for (const error of result.groupErrors) {
      for (const lineId of error.lineIds) {
        problems.set(lineId, {
          code: `order-error-${error.partnerCenterCode ?? 'unknown'}`,
          message: error.message,
          fix: error.fix,
          source: 'partner-center',
          ...(error.partnerCenterCode !== null ? { partnerCenterCode: error.partnerCenterCode } : {}),
          ...(error.detail ? { detail: error.detail } : {}),
        });
      }
    }
    const newDraftId = failedIds.length > 0 ? restoreLines(entry, failedIds, problems) : null;
    const count = result.orders.length;
    if (count > 0 && failedIds.length === 0) {
      return step(entry, 'ordered', {
        result,
        error: null,
        newDraftId,
        message: `Ordered: ${count === 1 ? 'one order' : `${count} orders`} placed (${result.orders.map((o) => o.orderId).join(', ')}).`,
      });
    }
    if (count > 0) {
      return step(entry, 'partially-ordered', {
        result,
        error: null,
        newDraftId,
        message: `Partly ordered: ${count === 1 ? 'one order' : `${count} orders`} placed; the lines that failed are back in the cart with the reason.`,
      });
    }
    const reason = result.groupErrors[0]?.message ?? 'Partner Center placed no order.';
    return step(entry, 'rejected', {
      result,
      newDraftId,
      message: `Nothing was bought: ${reason} Your lines are back in the cart.`,
    });
  };

  /** A refusal proves nothing was bought: the lines go back to the cart with the reason. */
  const refuse = (entry: JournalEntry, error: PartnerCenterError): JournalEntry => {
    const code = error.code === undefined ? null : Number(error.code);
    const explained = orderErrorExplained(Number.isFinite(code) ? code : null, error.description);
    const problem: LineProblem = {
      code: `checkout-refused-${error.code ?? error.status ?? 'unknown'}`,
      message: explained.message,
      fix: explained.fix,
      source: 'partner-center',
      ...(Number.isFinite(code) && code !== null ? { partnerCenterCode: code } : {}),
      ...(error.description ? { detail: error.description } : {}),
    };
    const ids = entry.lines.map((line) => line.lineId);
    const newDraftId = restoreLines(entry, ids, new Map(ids.map((id) => [id, problem])));
    return step(entry, 'rejected', {
      error: toDeskError(error),
      newDraftId,
      message: `Nothing was bought: ${explained.message} Your lines are back in the cart.`,
    });
  };

  const lost = (entry: JournalEntry, error: unknown, why?: string): JournalEntry =>
    step(entry, 'answer-lost', {
      error: toDeskError(error),
      message:
        why ??
        'Partner Center’s answer was lost, so this order may or may not have been placed. Do not buy again: the app asks Partner Center with the same request and shows the result.',
    });

  /** Finds the orders a checkout placed, when Partner Center no longer replays its answer. */
  const ordersOfCheckout = async (client: PartnerCenterClient, entry: JournalEntry): Promise<Order[]> => {
    const claimed = new Set(
      store
        .recentCheckouts(entry.profileId, entry.customerId, entry.createdAt - ORDER_CLOCK_SLACK_MS)
        .filter((other) => other.id !== entry.id)
        .flatMap((other) => other.result?.orders.map((o) => o.orderId) ?? []),
    );
    const orders = await client.listOrders(entry.customerId);
    return orders.filter((order) => {
      const created = Date.parse(order.creationDate ?? '');
      return (
        !claimed.has(order.id) &&
        Number.isFinite(created) &&
        created >= entry.createdAt - ORDER_CLOCK_SLACK_MS &&
        order.lineItems.some((item) => entry.lines.some((line) => offerMatches(line, item.offerId)))
      );
    });
  };

  /** After a refusal of a repeat: what does the cart say? Ordered → find the orders; else nothing bought. */
  const settleByReading = async (
    client: PartnerCenterClient,
    entry: JournalEntry,
    refusal: PartnerCenterError,
  ): Promise<JournalEntry> => {
    let cart: Cart | undefined;
    try {
      cart = await client.getCart(entry.customerId, entry.cartId);
    } catch (error) {
      if (!(error instanceof PartnerCenterError && error.status === 404)) return lost(entry, error);
    }
    if (cart?.status !== 'Ordered') return refuse(entry, refusal);
    let orders: Order[];
    try {
      orders = await ordersOfCheckout(client, entry);
    } catch (error) {
      return lost(entry, error);
    }
    if (orders.length === 0) {
      return lost(
        entry,
        refusal,
        'Partner Center says this cart was ordered, but the order is not listed yet (it can take up to 15 minutes). Do not buy again; check again in a few minutes.',
      );
    }
    const settled = settle(entry, mapCheckoutResult(entry.lines, { orders, orderErrors: [] }));
    ctx.notifyOrdersPlaced(settled, orders);
    return settled;
  };

  /** One send with the entry's own request id, and what its answer (or silence) means. */
  const send = async (
    entry: JournalEntry,
    client: PartnerCenterClient,
    firstSend: boolean,
  ): Promise<JournalEntry> => {
    const sending = entry.state === 'sending' ? entry : step(entry, 'send', { message: SENDING });
    let result: CartCheckoutResult;
    try {
      result = await client.checkoutCart(sending.customerId, sending.cartId, {
        requestId: sending.requestId,
        correlationId: sending.id,
        ...(ctx.checkout?.retry ? { retry: ctx.checkout.retry } : {}),
        ...(ctx.checkout?.timeoutMs ? { timeoutMs: ctx.checkout.timeoutMs } : {}),
      });
    } catch (error) {
      if (!isDefiniteRefusal(error)) return lost(sending, error);
      // A refusal of the very first attempt proves nothing was bought. After any earlier attempt (a
      // retry, a resolution) an attempt may have gone through: the cart says whether it did.
      const proven = firstSend && error.attempts <= 1;
      if (isStaleAvailability(error)) return retryStale(client, sending, error, proven);
      if (proven) return refuse(sending, error);
      return settleByReading(client, sending, error);
    }
    const settled = settle(sending, mapCheckoutResult(sending.lines, result));
    ctx.notifyOrdersPlaced(settled, result.orders);
    return settled;
  };

  /**
   * The cart's lines sent again with fresh catalog item IDs (same cart, same line numbers), and the
   * journal lines that now match it; null when a line can no longer be bought as reviewed.
   */
  const refreshCart = async (
    client: PartnerCenterClient,
    entry: JournalEntry,
  ): Promise<JournalLine[] | null> => {
    const draft = store.draft(entry.draftId);
    if (!draft) return null;
    const market = (await ctx.customer(entry.profileId, entry.customerId)).country ?? 'US';
    const fresh = await Promise.all(
      draft.lines.map((line) => refreshAvailability(client, entry.customerId, market, line.fields)),
    );
    if (fresh.some((line) => line.problem || !line.catalogItemId)) return null;
    const lineItems = draft.lines.map((line, id) =>
      wireLine(id, line.fields, fresh[id]!.catalogItemId!, fresh[id]!.currency),
    );
    const cart = await client.updateCart(
      entry.customerId,
      entry.cartId,
      { lineItems },
      { correlationId: entry.id },
    );
    if (cart.lineItems.some((line) => line.error)) return null;
    return journalLines(draft, cart) ?? null;
  };

  /**
   * A stale availability at checkout: nothing was ordered. The journal says so first, with the new
   * request id of the one retry (durably, before anything else is sent); then the cart is refreshed
   * and checked out again. The retry checks out the same cart, and Partner Center orders a cart at
   * most once, so not even a lost earlier attempt of ours could make it a second order.
   */
  const retryStale = async (
    client: PartnerCenterClient,
    entry: JournalEntry,
    refusal: PartnerCenterError,
    proven: boolean,
  ): Promise<JournalEntry> => {
    if (!proven) {
      // An earlier attempt of this request may have gone through: the cart says whether it did.
      let cart: Cart;
      try {
        cart = await client.getCart(entry.customerId, entry.cartId);
      } catch (error) {
        return lost(entry, error);
      }
      if (cart.status === 'Ordered') return settleByReading(client, entry, refusal);
    }
    // Once only: a second stale answer goes back to the user, who reviews the cart again.
    if (store.checkoutTransitions(entry.id).some((t) => t.event === 'stale-availability')) {
      return refuse(entry, refusal);
    }
    const prepared = step(entry, 'stale-availability', {
      requestId: randomUUID(),
      error: toDeskError(refusal),
      message:
        'An item’s availability changed at Partner Center, so nothing was bought yet. Refreshing it and placing the order once more.',
    });
    let lines: JournalLine[] | null;
    try {
      lines = await refreshCart(client, prepared);
    } catch (error) {
      if (error instanceof PartnerCenterError && error.code === '800065') {
        // Partner Center will not change the cart because it was ordered after all: find that order
        // (or stay in doubt and ask again with the journaled id), never buy again.
        return settleByReading(client, step(prepared, 'send', { message: SENDING }), refusal);
      }
      return refuse(prepared, refusal);
    }
    if (!lines) return refuse(prepared, refusal);
    return send(step(prepared, 'send', { lines, message: SENDING }), client, true);
  };

  /** Runs one job per checkout at a time; a second caller joins it. */
  const exclusive = (id: string, job: () => Promise<JournalEntry>): Promise<JournalEntry> => {
    const current = running.get(id);
    if (current) return current;
    const started = job().finally(() => running.delete(id));
    running.set(id, started);
    return started;
  };

  const resolveEntry = (entry: JournalEntry): Promise<JournalEntry> =>
    exclusive(entry.id, async () => {
      let current = store.checkout(entry.id)!;
      if (isSettled(current.state)) return current;
      if (current.state === 'prepared') return refuseNeverSent(current);
      if (current.state === 'sending') current = step(current, 'restart');
      let client: PartnerCenterClient;
      try {
        client = await ctx.clientFor(current.profileId);
      } catch (error) {
        return lost(current, error);
      }
      return send(current, client, false);
    });

  const refuseNeverSent = (entry: JournalEntry): JournalEntry => {
    const ids = entry.lines.map((line) => line.lineId);
    const newDraftId = restoreLines(entry, ids, new Map());
    return step(entry, 'restart', {
      newDraftId,
      message:
        'This checkout stopped before it was sent, so nothing was bought. Your lines are back in the cart.',
    });
  };

  const confirmNow = async (
    ref: CartRef,
    reviewId: string,
    options: ConfirmOptions,
  ): Promise<JournalEntry> => {
    const existing = store.checkoutByReview(reviewId);
    if (existing) return running.get(existing.id) ?? existing;
    const draft = store.activeDraft(ref.profileId, ref.customerId);
    if (!draft || draft.reviewId !== reviewId || !draft.remoteCartId) {
      throw new DeskFailure(
        'CONFLICT',
        'The cart changed after it was reviewed. Review it again before you confirm.',
      );
    }
    const open = store
      .openCheckouts(ref.profileId)
      .find((e) => e.customerId === ref.customerId && blocksCheckout(e.state));
    if (open) {
      throw new DeskFailure(
        'CONFLICT',
        `A checkout for this customer is still in doubt (${open.summary}). Resolve it before buying more, so nothing is bought twice.`,
        { checkoutId: open.id },
      );
    }
    if (draft.reviewDuplicates > 0 && !options.confirmDuplicates) {
      throw new DeskFailure(
        'CONFLICT',
        'This cart repeats a purchase of the last 24 hours. Confirm the duplicate explicitly if you really mean to buy it again.',
        { reason: 'possible-duplicate' },
      );
    }
    let client: PartnerCenterClient;
    let cart: Cart;
    try {
      client = await ctx.clientFor(ref.profileId);
      cart = await client.getCart(ref.customerId, draft.remoteCartId);
    } catch (error) {
      if (isUnreachable(error)) {
        throw new DeskFailure(
          'OFFLINE',
          'Checkout needs a connection to Partner Center; your cart is saved. Confirm again when you are online.',
        );
      }
      if (error instanceof PartnerCenterError && error.status === 404) {
        store.saveDraft({ ...draft, reviewId: null, remoteCartId: null, remoteExpiresAt: null });
        throw new DeskFailure(
          'CONFLICT',
          'The cart expired at Partner Center. Review it again (your lines are kept), then confirm.',
        );
      }
      throw error;
    }
    const lines = cart.status === 'Ordered' ? undefined : journalLines(draft, cart);
    if (!lines) {
      store.saveDraft({ ...draft, reviewId: null });
      throw new DeskFailure(
        'CONFLICT',
        'The cart at Partner Center no longer matches this one. Review it again, then confirm.',
      );
    }
    const now = ctx.now();
    const entry: JournalEntry = {
      id: randomUUID(),
      profileId: ref.profileId,
      customerId: ref.customerId,
      draftId: draft.id,
      reviewId,
      cartId: draft.remoteCartId,
      requestId: randomUUID(),
      state: 'prepared',
      lines,
      summary: summaryOf(draft.lines),
      message: 'About to place the order.',
      result: null,
      error: null,
      newDraftId: null,
      createdAt: now,
      updatedAt: now,
    };
    // The request id is on disk (synchronous = FULL) before the first byte goes out.
    const sending = store.insertSending(entry, SENDING, now);
    ctx.emitChanged(sending);
    store.saveDraft({ ...draft, status: 'checked-out', updatedAt: now });
    return exclusive(entry.id, async () => {
      const first = await send(sending, client, true);
      // A lost answer is asked about once more right away; it usually comes back on the repeat.
      return first.state === 'in-doubt' ? send(first, client, false) : first;
    });
  };

  return {
    confirm(ref, reviewId, options) {
      const joining = confirming.get(reviewId);
      if (joining) return joining;
      const started = confirmNow(ref, reviewId, options).finally(() => confirming.delete(reviewId));
      confirming.set(reviewId, started);
      return started;
    },

    async resolve(profileId, checkoutId) {
      const entry = store.checkout(checkoutId);
      if (!entry || entry.profileId !== profileId) {
        throw new DeskFailure('NOT_FOUND', 'That checkout is not in this profile’s journal.');
      }
      return resolveEntry(entry);
    },

    async resumeAll() {
      for (const entry of store.openCheckouts()) {
        if (running.has(entry.id)) continue;
        try {
          await resolveEntry(entry);
        } catch {
          // Still in doubt: shown on the cart and in checkout.inDoubt until resolved.
        }
      }
    },
  };
}
