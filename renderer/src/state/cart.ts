/**
 * The cart of the current customer: the local draft, its review (prices, problems, total), and the
 * checkout. Pure changes, tested without React or a bridge; `cart-store.ts` binds them to zustand.
 */
import type {
  CartReview,
  CartView,
  CheckoutRecord,
  DeskError,
  DeskResult,
  FixAction,
} from '../../../preload/contract';
import { idle, loading, settle, valueOf, type Load } from './load';

export interface CartState {
  readonly profileId: string | null;
  readonly customerId: string | null;
  readonly cart: Load<CartView>;
  /** The last review; idle again as soon as the draft changes, because what is reviewed is what is bought. */
  readonly review: Load<CartReview>;
  /** The checkout this screen confirmed, or idle. */
  readonly checkout: Load<CheckoutRecord>;
  /** Checkouts of this profile that are running or whose answer was lost. */
  readonly inDoubt: Load<ReadonlyArray<CheckoutRecord>>;
  /** Why the last change to a line (by line id) or to the cart (`cart`) was refused, in main's words. */
  readonly refusals: Readonly<Record<string, DeskError>>;
}

export const initialCartState: CartState = {
  profileId: null,
  customerId: null,
  cart: idle,
  review: idle,
  checkout: idle,
  inDoubt: idle,
  refusals: {},
};

/** Another profile or customer: another cart. */
export function cartSelected(state: CartState, profileId: string, customerId: string | null): CartState {
  if (state.profileId === profileId && state.customerId === customerId) return state;
  return { ...initialCartState, profileId, customerId };
}

const isFor = (state: CartState, profileId: string, customerId: string) =>
  state.profileId === profileId && state.customerId === customerId;

export function cartRequested(state: CartState): CartState {
  return { ...state, cart: loading(state.cart) };
}

/** The draft as main answered a read or a change; a late answer for another customer is dropped. */
export function cartSettled(
  state: CartState,
  profileId: string,
  customerId: string,
  result: DeskResult<CartView>,
  change?: string,
): CartState {
  if (!isFor(state, profileId, customerId)) return state;
  if (!result.ok && change !== undefined) {
    // A refused change leaves the draft as it was: keep showing it, and say why next to what changed.
    return { ...state, refusals: { ...state.refusals, [change]: result.error } };
  }
  const { [change ?? '']: _cleared, ...refusals } = state.refusals;
  const changed = result.ok && change !== undefined;
  return {
    ...state,
    cart: settle(state.cart, result),
    refusals,
    review: changed ? idle : state.review,
  };
}

export function reviewRequested(state: CartState): CartState {
  return { ...state, review: loading(state.review), checkout: idle };
}

/** The review: its cart (with problems and prices on the lines) becomes the one shown. */
export function reviewSettled(
  state: CartState,
  profileId: string,
  customerId: string,
  result: DeskResult<CartReview>,
): CartState {
  if (!isFor(state, profileId, customerId)) return state;
  return {
    ...state,
    review: settle(state.review, result),
    cart: result.ok ? { status: 'ready', value: result.value.cart } : state.cart,
  };
}

export function checkoutRequested(state: CartState): CartState {
  return { ...state, checkout: loading(state.checkout) };
}

/** The checkout's answer; on success the review is spent, and the draft is read again by the store. */
export function checkoutSettled(
  state: CartState,
  profileId: string,
  customerId: string,
  result: DeskResult<CheckoutRecord>,
): CartState {
  if (!isFor(state, profileId, customerId)) return state;
  return { ...state, checkout: settle(state.checkout, result), review: result.ok ? idle : state.review };
}

export function inDoubtSettled(
  state: CartState,
  profileId: string,
  result: DeskResult<{ checkouts: ReadonlyArray<CheckoutRecord> }>,
): CartState {
  if (state.profileId !== profileId) return state;
  return {
    ...state,
    inDoubt: settle(state.inDoubt, result.ok ? { ok: true, value: result.value.checkouts } : result),
  };
}

/** main says a checkout moved on (sent, in doubt, resolved): the one shown here follows it. */
export function checkoutChanged(state: CartState, record: CheckoutRecord): CartState {
  if (state.profileId !== record.profileId || state.customerId !== record.customerId) return state;
  const shown = valueOf(state.checkout);
  if (shown?.checkoutId !== record.checkoutId) return state;
  return { ...state, checkout: { status: 'ready', value: record } };
}

/** How many lines the draft has, for the navigation's badge (0 when unknown). */
export function lineCount(state: CartState): number {
  return valueOf(state.cart)?.lines.length ?? 0;
}

/**
 * The checkouts the Cart shows, newest word first: those of this customer still waiting for an answer,
 * and the one just confirmed. One record per checkout: answers and events can arrive in any order, so
 * the most recently updated version of each wins.
 */
export function checkoutsToShow(state: CartState): {
  readonly pending: ReadonlyArray<CheckoutRecord>;
  readonly confirmed: CheckoutRecord | null;
} {
  const latest = new Map<string, CheckoutRecord>();
  const candidates = [
    valueOf(state.cart)?.pendingCheckout ?? null,
    ...(valueOf(state.inDoubt) ?? []),
    state.checkout.status === 'ready' ? state.checkout.value : null,
  ];
  for (const record of candidates) {
    if (!record) continue;
    const known = latest.get(record.checkoutId);
    if (!known || Date.parse(record.updatedAt) >= Date.parse(known.updatedAt)) {
      latest.set(record.checkoutId, record);
    }
  }
  const shown = state.checkout.status === 'ready' ? latest.get(state.checkout.value.checkoutId) : undefined;
  return {
    pending: [...latest.values()].filter(isPending),
    confirmed: shown && !isPending(shown) ? shown : null,
  };
}

/** Checkouts of the profile still waiting for an answer: the navigation flags them on every screen. */
export function pendingCount(state: CartState): number {
  return (valueOf(state.inDoubt) ?? []).filter(isPending).length;
}

/** The checkout states that block buying this cart again until resolved. */
export function isPending(record: CheckoutRecord): boolean {
  return record.state === 'prepared' || record.state === 'sending' || record.state === 'in-doubt';
}

/** The words on a line problem's button, and what it does on this screen. */
export interface FixButton {
  readonly label: string;
  readonly does: 'register' | 'edit' | 'review-again' | 'catalog' | 'remove' | 'connect';
}

/** The button that fixes a problem, or null when none can (the message says what to do). */
export function fixButton(fix: FixAction | null): FixButton | null {
  switch (fix) {
    case null:
      return null;
    case 'register-subscription':
      return { label: 'Register', does: 'register' };
    case 'choose-subscription':
      return { label: 'Choose another subscription', does: 'edit' };
    case 'change-scope':
      return { label: 'Change the scope', does: 'edit' };
    case 'change-quantity':
      return { label: 'Change the quantity', does: 'edit' };
    case 'change-commitment':
      return { label: 'Change the amount', does: 'edit' };
    case 'change-term':
      return { label: 'Change the term', does: 'edit' };
    case 'change-billing-plan':
      return { label: 'Change the billing plan', does: 'edit' };
    case 'change-friendly-name':
      return { label: 'Change the name', does: 'edit' };
    case 'refresh-availability':
      return { label: 'Review again', does: 'review-again' };
    case 'retry-later':
      return { label: 'Try again', does: 'review-again' };
    case 'choose-another-sku':
      return { label: 'Find another SKU', does: 'catalog' };
    case 'remove-line':
      return { label: 'Remove the line', does: 'remove' };
    case 'sign-in-as-user':
      return { label: 'Go to Connect', does: 'connect' };
  }
}

/** "US$1,234.50" in the customer's currency. */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`; // not a currency code the runtime knows
  }
}
