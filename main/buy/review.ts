/**
 * Review: the draft goes to Partner Center (create a cart, or update the last one; an expired cart
 * is recreated silently), with every availability's catalog item ID fetched again right before.
 * Line errors come back on their lines in plain words; prices come from the partner price sheet.
 */
import { randomUUID } from 'node:crypto';
import type { CartRef, CartReview, LinePrice } from '../../preload/contract';
import { AuthFailure } from '../auth/errors';
import { DeskFailure } from '../ipc/failure';
import { marketName } from '../markets';
import {
  PartnerCenterError,
  type Cart,
  type CartLineItemInput,
  type Order,
  type PartnerCenterClient,
} from '../partner-center';
import { refreshAvailability, wireLine } from './cart-lines';
import { blocksCheckout } from './checkout-state';
import { isUnreachable, toCartView, type BuyContext, type CustomerFacts } from './context';
import type { DraftOps } from './drafts';
import { DUPLICATE_WINDOW_MS, findDuplicates } from './duplicates';
import type { LineFields, StoredDraft, StoredLine } from './model';
import { cartLineProblem } from './partner-center-problems';
import { cartTotal, readPriceSheet, reservationPrice, savingsPlanPrice } from './prices';
import { localProblems } from './validation';

/** A price sheet older than this is fetched again at review. */
const PRICE_SHEET_MAX_AGE_MS = 24 * 3600 * 1000;
/** Partner Center keeps a cart this long (§4.10). */
export const CART_LIFETIME_MS = 7 * 24 * 3600 * 1000;

const IRREVERSIBLE = [
  'Reservations and savings plans are commitments for their whole term; Partner Center cannot cancel them once the order is placed.',
  'Exchanges and refunds go through the Azure portal, within Microsoft’s yearly refund limit per customer.',
  'Virtual machine reservations bought from 1 February 2027 cannot be exchanged; a savings plan is the flexible alternative.',
];

/** Why an App-only profile sees no prices (§16: the price sheet serves signed-in users only). */
const PRICES_NEED_A_USER =
  'No price: partner prices come from the price sheet, which needs a signed-in user (App+User) with the Admin agent or Sales agent role in Partner Center. Add an App+User profile to see prices; you can still check out from this one.';

/** What the user or an administrator must do when the price sheet is refused; never a raw error. */
function priceSheetRefusal(error: unknown, market: string): string {
  const status = error instanceof PartnerCenterError ? error.status : undefined;
  const authFailure = error instanceof PartnerCenterError && error.kind === 'auth' ? error.cause : error;
  if (authFailure instanceof AuthFailure && authFailure.code === 'access-denied') {
    return `No price: ${authFailure.message}`;
  }
  if (status === 403) {
    return 'No price: your account may not read the partner price sheet. Ask an administrator of your partner tenant to give you the Admin agent or Sales agent role in Partner Center, then review again.';
  }
  if (status === 401 || status === 400 || (error instanceof PartnerCenterError && error.kind === 'auth')) {
    return 'No price: the partner price sheet did not accept this sign-in. Sign in again; if that does not help, an administrator of your partner tenant must allow this app to use the Microsoft partner API (prices), then review again.';
  }
  if (isUnreachable(error)) {
    return `No price: the partner price sheet for ${market} could not be reached. Review again when you are online.`;
  }
  const why = error instanceof PartnerCenterError ? error.userMessage : 'it could not be read';
  return `No price: the partner price sheet for ${market} could not be read (${why}).`;
}

export interface Reviewer {
  review(ref: CartRef): Promise<CartReview>;
}

export function createReviewer(ctx: BuyContext, drafts: DraftOps): Reviewer {
  const { store } = ctx;

  /** Sends the lines: update the last cart, or create one when there is none or it expired. */
  const sendCart = async (
    client: PartnerCenterClient,
    customerId: string,
    remote: { readonly id: string | null; readonly expiresAt: number | null },
    lineItems: CartLineItemInput[],
  ): Promise<Cart> => {
    const now = ctx.now();
    if (remote.id && (remote.expiresAt ?? 0) > now) {
      try {
        return await client.updateCart(customerId, remote.id, { lineItems });
      } catch (error) {
        // 404/800008: the cart expired or is gone; a new one is made without bothering the user.
        // 400/800065: it was checked out elsewhere; a new one it is, too.
        if (!(error instanceof PartnerCenterError && (error.status === 404 || error.code === '800065')))
          throw error;
      }
    }
    return client.createCart(customerId, { lineItems });
  };

  const ensurePriceSheet = async (
    client: PartnerCenterClient,
    profileId: string,
    market: string,
  ): Promise<string | null> => {
    const missing = ctx.priceSheetMissing?.(profileId);
    if (missing) return `No price: ${missing}`;
    if (ctx.authModeOf(profileId) !== 'app-user') return PRICES_NEED_A_USER;
    const fetchedAt = store.priceSheetFetchedAt(profileId, market);
    if (fetchedAt !== undefined && ctx.now() - fetchedAt < PRICE_SHEET_MAX_AGE_MS) return null;
    try {
      const sheet = await client.getPriceSheet(await ctx.priceSheet(profileId), market);
      store.replacePriceSheet(profileId, market, await readPriceSheet(sheet), ctx.now());
      return null;
    } catch (error) {
      if (fetchedAt !== undefined) return null; // An older sheet still prices the lines, with its date.
      return priceSheetRefusal(error, marketName(market));
    }
  };

  const priceOf = (
    profileId: string,
    market: string,
    fields: LineFields,
    currency: string | null,
    sheetNote: string | null,
  ): { price: LinePrice | null; note: string | null } => {
    if (fields.kind === 'savings-plan') {
      return currency
        ? { price: savingsPlanPrice(fields, currency, ctx.now()), note: null }
        : {
            price: null,
            note: 'No price: Partner Center did not say which currency this plan is billed in.',
          };
    }
    if (sheetNote) return { price: null, note: sheetNote };
    const row = store.price(profileId, market, fields.productId, fields.skuId, fields.termDuration);
    if (!row) {
      return { price: null, note: `No price: this SKU is not in the ${marketName(market)} price sheet.` };
    }
    return {
      price: reservationPrice(row.unitPrice, fields.quantity, row.currency, row.fetchedAt),
      note: null,
    };
  };

  const recentOrders = async (client: PartnerCenterClient, customerId: string): Promise<Order[]> => {
    try {
      return await client.listOrders(customerId);
    } catch (error) {
      if (error instanceof PartnerCenterError && error.kind !== 'cancelled') return [];
      throw error;
    }
  };

  return {
    async review(ref) {
      const draft = store.activeDraft(ref.profileId, ref.customerId);
      if (!draft || draft.lines.length === 0) {
        throw new DeskFailure(
          'INVALID_INPUT',
          'The cart is empty. Add a reservation or a savings plan first.',
          {
            fix: null,
          },
        );
      }
      const customer: CustomerFacts = await ctx.customer(ref.profileId, ref.customerId);
      const market = customer.country ?? 'US';
      let client: PartnerCenterClient;
      try {
        client = await ctx.clientFor(ref.profileId);
      } catch (error) {
        throw reviewOffline(error);
      }
      const open = store.openCheckouts(ref.profileId).filter((e) => e.customerId === ref.customerId);

      let lines: StoredLine[] = draft.lines.map((line) => ({
        ...line,
        problems: localProblems(line.fields),
        price: null,
        priceNote: null,
      }));
      const currencies = new Map<string, string | null>();
      let cart: Cart | undefined;
      try {
        // Fresh catalog item IDs, then the cart; one more round when Partner Center calls an ID stale.
        for (let round = 0; round < 2; round += 1) {
          const refreshed = await Promise.all(
            lines.map((line) =>
              line.problems.length > 0 && round === 0
                ? Promise.resolve({ catalogItemId: line.catalogItemId, currency: null, problem: null })
                : refreshAvailability(client, ref.customerId, market, line.fields),
            ),
          );
          lines = lines.map((line, i) => {
            const fresh = refreshed[i]!;
            currencies.set(line.lineId, fresh.currency ?? currencies.get(line.lineId) ?? null);
            return {
              ...line,
              catalogItemId: fresh.catalogItemId,
              problems: fresh.problem
                ? [...localProblems(line.fields), fresh.problem]
                : localProblems(line.fields),
            };
          });
          const sendable = lines.filter((line) => line.problems.length === 0 && line.catalogItemId);
          if (sendable.length === 0) break;
          const lineItems = sendable.map((line, id) =>
            wireLine(id, line.fields, line.catalogItemId!, currencies.get(line.lineId) ?? null),
          );
          try {
            cart = await sendCart(
              client,
              ref.customerId,
              cart
                ? { id: cart.id, expiresAt: expiryOf(cart, ctx.now()) }
                : { id: draft.remoteCartId, expiresAt: draft.remoteExpiresAt },
              lineItems,
            );
          } catch (error) {
            if (round === 0 && error instanceof PartnerCenterError && error.code === '400019') continue;
            throw error;
          }
          const byLineId = new Map(
            sendable.map((line, id) => [line.lineId, cart!.lineItems.find((l) => l.id === id)]),
          );
          lines = lines.map((line) => {
            const remote = byLineId.get(line.lineId);
            if (!remote?.error) return line;
            return {
              ...line,
              problems: [cartLineProblem(remote.error.errorCode, remote.error.errorDescription)],
            };
          });
          const stale = lines.some((line) => line.problems.some((p) => p.partnerCenterCode === 10001));
          if (!stale || round === 1) break;
        }
      } catch (error) {
        throw reviewOffline(error);
      }

      const sheetNote = await ensurePriceSheet(client, ref.profileId, market);
      lines = lines.map((line) => {
        const { price, note } = priceOf(
          ref.profileId,
          market,
          line.fields,
          currencies.get(line.lineId) ?? null,
          sheetNote,
        );
        return { ...line, price, priceNote: note };
      });
      const now = ctx.now();
      const duplicates = findDuplicates(
        lines,
        store.recentCheckouts(ref.profileId, ref.customerId, now - DUPLICATE_WINDOW_MS),
        await recentOrders(client, ref.customerId),
        now,
      );
      const blockers: string[] = [];
      const lineProblems = lines.filter((line) => line.problems.length > 0).length;
      if (lineProblems > 0) {
        blockers.push(
          `${lineProblems === 1 ? 'One line has a problem' : `${lineProblems} lines have problems`}: fix or remove ${lineProblems === 1 ? 'it' : 'them'}, then review again.`,
        );
      }
      if (open.some((entry) => blocksCheckout(entry.state))) {
        blockers.push(
          'A checkout for this customer has not finished or is in doubt. Resolve it before buying more.',
        );
      }
      const canCheckout = blockers.length === 0 && cart !== undefined;
      const reviewId = canCheckout ? randomUUID() : null;
      const saved = drafts.saveLines(draft, lines);
      const reviewed: StoredDraft = {
        ...saved,
        reviewedAt: now,
        reviewId,
        reviewDuplicates: duplicates.length,
        remoteCartId: cart?.id ?? draft.remoteCartId,
        remoteExpiresAt: cart ? expiryOf(cart, now) : draft.remoteExpiresAt,
      };
      store.saveDraft(reviewed);
      const { total, note } = cartTotal(lines.map((line) => line.price));
      return {
        cart: toCartView(ref.profileId, ref.customerId, reviewed, open[0], now),
        reviewId,
        customer: { id: customer.id, name: customer.name, country: customer.country },
        total,
        totalNote: note,
        canCheckout,
        blockers,
        irreversible: IRREVERSIBLE,
        duplicates,
        reviewedAt: new Date(now).toISOString(),
      };
    },
  };
}

/** When Partner Center will drop a cart: its own timestamp, else 7 days from now (a safe guess). */
function expiryOf(cart: Cart, now: number): number {
  return Date.parse(cart.expirationTimestamp ?? '') || now + CART_LIFETIME_MS;
}

/** Review's answer when Partner Center cannot be reached: the draft is kept. */
function reviewOffline(error: unknown): unknown {
  if (isUnreachable(error)) {
    return new DeskFailure(
      'OFFLINE',
      'Reviewing needs a connection to Partner Center; your cart is saved. Try again when you are online.',
    );
  }
  return error;
}
