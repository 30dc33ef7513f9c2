/**
 * Every state × every event of the checkout journal, written out (the settled states share one row),
 * so a change to a rule shows here.
 */
import { describe, expect, it } from 'vitest';
import type { CheckoutState } from '../../../preload/contract';
import {
  blocksCheckout,
  checkoutEvents,
  checkoutStates,
  isSettled,
  nextCheckoutState,
  type CheckoutEvent,
} from '../../../main/buy/checkout-state';

/** The row of a settled state: no event moves it, and a restart finds it as it was. */
function settled(state: CheckoutState): Record<CheckoutEvent, CheckoutState | null> {
  return {
    send: null,
    ordered: null,
    'partially-ordered': null,
    rejected: null,
    'answer-lost': null,
    'stale-availability': null,
    restart: state,
  };
}

const table: Record<CheckoutState, Record<CheckoutEvent, CheckoutState | null>> = {
  prepared: {
    send: 'sending',
    ordered: null,
    'partially-ordered': null,
    rejected: 'failed',
    'answer-lost': null,
    'stale-availability': null,
    restart: 'failed',
  },
  sending: {
    send: null,
    ordered: 'ordered',
    'partially-ordered': 'partially-ordered',
    rejected: 'failed',
    'answer-lost': 'in-doubt',
    'stale-availability': 'prepared',
    restart: 'in-doubt',
  },
  'in-doubt': {
    send: 'sending',
    ordered: 'ordered',
    'partially-ordered': 'partially-ordered',
    rejected: 'failed',
    'answer-lost': 'in-doubt',
    'stale-availability': null,
    restart: 'in-doubt',
  },
  ordered: settled('ordered'),
  'partially-ordered': settled('partially-ordered'),
  failed: settled('failed'),
};

describe('checkout journal state machine', () => {
  for (const state of checkoutStates) {
    for (const event of checkoutEvents) {
      it(`${state} + ${event} → ${String(table[state][event])}`, () => {
        expect(nextCheckoutState(state, event)).toBe(table[state][event]);
      });
    }
  }

  it('never lets a checkout that may have been sent go back to a state that sends with a new id', () => {
    for (const state of ['sending', 'in-doubt'] as const) {
      for (const event of checkoutEvents) {
        // The one exception is a definite refusal that proves no order: a stale availability, answered
        // to a request that was sent (never to one in doubt).
        if (state === 'sending' && event === 'stale-availability') continue;
        expect(nextCheckoutState(state, event)).not.toBe('prepared');
      }
    }
    expect(nextCheckoutState('in-doubt', 'stale-availability')).toBeNull();
  });

  it('settled states never change, and only unsettled ones block another checkout of the cart', () => {
    for (const state of checkoutStates) {
      expect(blocksCheckout(state)).toBe(!isSettled(state));
      if (isSettled(state)) {
        for (const event of checkoutEvents) {
          expect([null, state]).toContain(nextCheckoutState(state, event));
        }
      }
    }
  });
});
