/**
 * The checkout journal's states and transitions, as one pure function. Every change of a journal
 * entry goes through `nextCheckoutState`, and the journal refuses a transition it returns null for.
 *
 * The rule that keeps a purchase single: once an entry may have been sent (`sending`), the only ways
 * out are an answer from Partner Center, or `in-doubt`. An entry in doubt is never sent with a new
 * request id: it is re-sent with its own (Partner Center answers a repeat with the first result) or
 * settled by reading the cart and the orders.
 *
 * One answer sends an entry back to `prepared`: a stale availability (404/400019), a definite
 * refusal that proves no order was created. The journal records it, with the new request id of the
 * one retry, before the cart is refreshed and checked out again; the retry checks out the same cart,
 * which Partner Center orders at most once.
 */
import { CheckoutState } from '../../preload/contract';

/** What can happen to a checkout. */
export type CheckoutEvent =
  /** The request is about to go out (its request id is already on disk). */
  | 'send'
  /** Partner Center answered: every order group became an order. */
  | 'ordered'
  /** Partner Center answered: some groups became orders, some failed. */
  | 'partially-ordered'
  /** Partner Center answered that nothing was bought (a definite refusal, or no order at all). */
  | 'rejected'
  /** The answer was lost: timeout, dropped connection, retries exhausted. */
  | 'answer-lost'
  /**
   * Partner Center refused the checkout because an availability changed (404/400019): nothing was
   * bought; the cart is refreshed and checked out once more with a new request id.
   */
  | 'stale-availability'
  /** The app started and found the entry as it was left. */
  | 'restart';

export const checkoutEvents: ReadonlyArray<CheckoutEvent> = [
  'send',
  'ordered',
  'partially-ordered',
  'rejected',
  'answer-lost',
  'stale-availability',
  'restart',
];

/** Every state, as the contract declares them. */
export const checkoutStates: ReadonlyArray<CheckoutState> = CheckoutState.options;

/** States that never change again. */
export function isSettled(state: CheckoutState): boolean {
  return state === 'ordered' || state === 'partially-ordered' || state === 'failed';
}

/** Whether a checkout in this state blocks another checkout of the same cart. */
export function blocksCheckout(state: CheckoutState): boolean {
  return state === 'prepared' || state === 'sending' || state === 'in-doubt';
}

/** The state after `event`, or null when the event is not allowed in `state`. */
export function nextCheckoutState(state: CheckoutState, event: CheckoutEvent): CheckoutState | null {
  switch (state) {
    case 'prepared':
      // Nothing has gone out with this request id: a restart means it was never sent, and a refusal
      // before sending (a refreshed cart Partner Center would not take) means nothing was bought.
      if (event === 'send') return 'sending';
      if (event === 'restart' || event === 'rejected') return 'failed';
      return null;
    case 'sending':
      // A stale availability is a definite refusal: back to prepared, for one retry with a new id.
      if (event === 'stale-availability') return 'prepared';
      return answered(event) ?? (event === 'answer-lost' || event === 'restart' ? 'in-doubt' : null);
    case 'in-doubt':
      // Resolution re-sends with the same request id, or reads the cart and orders.
      if (event === 'send') return 'sending';
      if (event === 'answer-lost' || event === 'restart') return 'in-doubt';
      return answered(event);
    case 'ordered':
    case 'partially-ordered':
    case 'failed':
      return event === 'restart' ? state : null;
  }
}

function answered(event: CheckoutEvent): CheckoutState | null {
  if (event === 'ordered') return 'ordered';
  if (event === 'partially-ordered') return 'partially-ordered';
  if (event === 'rejected') return 'failed';
  return null;
}
