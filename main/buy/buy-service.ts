/**
 * The Buy capability: cart drafts, review against Partner Center, and checkout exactly once.
 * (Stubbed while the store, review and checkout land; the contract is final.)
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

/** What the bridge handlers call. */
export interface BuyService {
  cart(ref: CartRef): Promise<CartView>;
  addReservation(ref: CartRef, line: ReservationLineInput): Promise<CartView>;
  addSavingsPlan(ref: CartRef, line: SavingsPlanLineInput): Promise<CartView>;
  updateLine(ref: CartRef, lineId: string, changes: CartLineChanges): Promise<CartView>;
  removeLine(ref: CartRef, lineId: string): Promise<CartView>;
  review(ref: CartRef): Promise<CartReview>;
  confirm(
    ref: CartRef,
    reviewId: string,
    options: { readonly confirmDuplicates: boolean },
  ): Promise<CheckoutRecord>;
  checkoutStatus(profileId: string, checkoutId: string): Promise<CheckoutRecord>;
  inDoubt(profileId: string): Promise<ReadonlyArray<CheckoutRecord>>;
  resolve(profileId: string, checkoutId: string): Promise<CheckoutRecord>;
  recent(ref: CartRef): Promise<ReadonlyArray<CheckoutRecord>>;
  close(): Promise<void>;
}

function notYet(): Promise<never> {
  return Promise.reject(new DeskFailure('INTERNAL', 'Buying is not available in this build yet.'));
}

/** A placeholder until the real service is wired. */
export function createStubBuyService(): BuyService {
  return {
    cart: () => notYet(),
    addReservation: () => notYet(),
    addSavingsPlan: () => notYet(),
    updateLine: () => notYet(),
    removeLine: () => notYet(),
    review: () => notYet(),
    confirm: () => notYet(),
    checkoutStatus: () => notYet(),
    inDoubt: () => notYet(),
    resolve: () => notYet(),
    recent: () => notYet(),
    close: () => Promise.resolve(),
  };
}
