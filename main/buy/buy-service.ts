/**
 * The Buy capability: cart drafts kept in SQLite per profile and customer, review against Partner
 * Center with prices, and checkout exactly once through a durable journal (see checkout.ts).
 */
import type {
  CartLineChanges,
  CartRef,
  CartReview,
  CartView,
  CheckoutRecord,
  ReservationLineInput,
  SavingsPlanLineInput,
} from '../../preload/contract';
import { DeskFailure } from '../ipc/failure';
import { createCheckouts, type ConfirmOptions } from './checkout';
import { blocksCheckout } from './checkout-state';
import { createContext, toCartView, toRecord, type BuyServiceOptions } from './context';
import { createDraftOps, type CachedSkuLookup } from './drafts';
import type { StoredDraft } from './model';
import { createReviewer } from './review';

export type { BuyServiceOptions } from './context';

/** What the bridge handlers call. */
export interface BuyService {
  cart(ref: CartRef): Promise<CartView>;
  addReservation(ref: CartRef, line: ReservationLineInput): Promise<CartView>;
  addSavingsPlan(ref: CartRef, line: SavingsPlanLineInput): Promise<CartView>;
  updateLine(ref: CartRef, lineId: string, changes: CartLineChanges): Promise<CartView>;
  removeLine(ref: CartRef, lineId: string): Promise<CartView>;
  review(ref: CartRef): Promise<CartReview>;
  confirm(ref: CartRef, reviewId: string, options: ConfirmOptions): Promise<CheckoutRecord>;
  checkoutStatus(profileId: string, checkoutId: string): Promise<CheckoutRecord>;
  inDoubt(profileId: string): Promise<ReadonlyArray<CheckoutRecord>>;
  resolve(profileId: string, checkoutId: string): Promise<CheckoutRecord>;
  recent(ref: CartRef): Promise<ReadonlyArray<CheckoutRecord>>;
  /** Settles what the last run left open: call once at start (it may take a few requests). */
  resumeJournal(): Promise<void>;
  /** Deletes a profile's drafts, journal and price sheets (profile lifecycle). */
  removeProfileData(profileId: string): void;
  close(): Promise<void>;
}

const RECENT_WINDOW_MS = 30 * 24 * 3600 * 1000;

export function createBuyService(
  options: BuyServiceOptions & { readonly cachedSku?: CachedSkuLookup },
): BuyService {
  const ctx = createContext(options);
  const { store } = ctx;
  const drafts = createDraftOps(ctx, options.cachedSku);
  const reviewer = createReviewer(ctx, drafts);
  const checkouts = createCheckouts(ctx);

  const view = (ref: CartRef, draft: StoredDraft | undefined): CartView => {
    const pending = store
      .openCheckouts(ref.profileId)
      .find((entry) => entry.customerId === ref.customerId && blocksCheckout(entry.state));
    return toCartView(ref.profileId, ref.customerId, draft, pending, ctx.now());
  };
  const refOf = (ref: CartRef): CartRef => ({ profileId: ref.profileId, customerId: ref.customerId });

  return {
    cart: (ref) => Promise.resolve(view(ref, store.activeDraft(ref.profileId, ref.customerId))),
    addReservation: async (ref, line) => view(ref, await drafts.addReservation(refOf(ref), line)),
    addSavingsPlan: async (ref, line) => view(ref, await drafts.addSavingsPlan(refOf(ref), line)),
    updateLine: async (ref, lineId, changes) =>
      view(ref, await drafts.updateLine(refOf(ref), lineId, changes)),
    removeLine: (ref, lineId) => Promise.resolve(view(ref, drafts.removeLine(refOf(ref), lineId))),
    review: (ref) => reviewer.review(refOf(ref)),
    confirm: async (ref, reviewId, confirmOptions) =>
      toRecord(await checkouts.confirm(refOf(ref), reviewId, confirmOptions)),
    checkoutStatus(profileId, checkoutId) {
      const entry = store.checkout(checkoutId);
      if (!entry || entry.profileId !== profileId) {
        return Promise.reject(
          new DeskFailure('NOT_FOUND', 'That checkout is not in this profile’s journal.'),
        );
      }
      return Promise.resolve(toRecord(entry));
    },
    inDoubt: (profileId) => Promise.resolve(store.openCheckouts(profileId).map(toRecord)),
    resolve: async (profileId, checkoutId) => toRecord(await checkouts.resolve(profileId, checkoutId)),
    recent: (ref) =>
      Promise.resolve(
        store.recentCheckouts(ref.profileId, ref.customerId, ctx.now() - RECENT_WINDOW_MS).map(toRecord),
      ),
    resumeJournal: () => checkouts.resumeAll(),
    removeProfileData: (profileId) => store.removeProfileData(profileId),
    close: () => Promise.resolve(),
  };
}
