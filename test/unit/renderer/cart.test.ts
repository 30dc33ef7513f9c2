import { describe, expect, it } from 'vitest';
import { FixAction, type CartReview, type CartView, type CheckoutRecord } from '../../../preload/contract';
import {
  cartSelected,
  cartSettled,
  checkoutChanged,
  checkoutsToShow,
  checkoutSettled,
  fixButton,
  formatMoney,
  initialCartState,
  inDoubtSettled,
  lineCount,
  pendingCount,
  reviewRequested,
  reviewSettled,
} from '../../../renderer/src/state/cart';
import { isOffline } from '../../../renderer/src/state/load';

const at = '2026-11-29T10:00:00.000Z';
const view = (lines: number): CartView => ({
  profileId: 'demo',
  customerId: 'c1',
  draftId: 'd1',
  lines: Array.from({ length: lines }, (_, i) => ({
    kind: 'savings-plan' as const,
    lineId: `l${i}`,
    title: 'Compute savings plan',
    termDuration: 'P1Y' as const,
    billingPlan: 'monthly' as const,
    scope: 'shared' as const,
    subscriptionId: 's1',
    friendlyName: 'Plan',
    problems: [],
    price: null,
    priceNote: null,
    hourlyCommitment: 0.5,
    minimumHourlyCommitment: 0.001,
    currency: 'USD',
  })),
  createdAt: at,
  updatedAt: at,
  reviewedAt: null,
  pendingCheckout: null,
});
const review = (lines: number): CartReview => ({
  cart: view(lines),
  reviewId: 'r1',
  customer: { id: 'c1', name: 'Contoso', country: 'US' },
  total: { amount: 4380, currency: 'USD' },
  totalNote: null,
  canCheckout: true,
  blockers: [],
  irreversible: ['Reservations cannot be cancelled here.'],
  duplicates: [],
  reviewedAt: at,
});
const record = (state: CheckoutRecord['state']): CheckoutRecord => ({
  checkoutId: 'k1',
  profileId: 'demo',
  customerId: 'c1',
  draftId: 'd1',
  cartId: 'cart',
  requestId: 'req',
  state,
  message: 'm',
  orders: [],
  groupErrors: [],
  newDraftId: null,
  summary: '1 plan',
  createdAt: at,
  updatedAt: at,
  error: null,
});
const offline = { code: 'OFFLINE' as const, message: 'Partner Center cannot be reached.' };
const open = cartSelected(initialCartState, 'demo', 'c1');

describe('cart state', () => {
  it('counts the draft’s lines for the navigation, 0 while unknown', () => {
    expect(lineCount(open)).toBe(0);
    expect(lineCount(cartSettled(open, 'demo', 'c1', { ok: true, value: view(3) }))).toBe(3);
  });

  it('drops a late answer for another customer', () => {
    const other = cartSelected(open, 'demo', 'c2');
    expect(cartSettled(other, 'demo', 'c1', { ok: true, value: view(1) })).toBe(other);
  });

  it('keeps the draft and says why when a change is refused; a change that lands spends the review', () => {
    const reviewed = reviewSettled(
      cartSettled(open, 'demo', 'c1', { ok: true, value: view(2) }),
      'demo',
      'c1',
      {
        ok: true,
        value: review(2),
      },
    );
    expect(reviewed.review.status).toBe('ready');
    const refused = cartSettled(reviewed, 'demo', 'c1', { ok: false, error: offline }, 'l0');
    expect(refused.cart).toEqual(reviewed.cart);
    expect(refused.refusals.l0).toEqual(offline);
    expect(refused.review.status).toBe('ready');
    const changed = cartSettled(refused, 'demo', 'c1', { ok: true, value: view(1) }, 'l0');
    expect(changed.refusals.l0).toBeUndefined();
    expect(changed.review.status).toBe('idle');
  });

  it('a checkout spends the review; a failed one keeps it, so the person can try again', () => {
    const reviewed = reviewSettled(reviewRequested(open), 'demo', 'c1', { ok: true, value: review(1) });
    expect(checkoutSettled(reviewed, 'demo', 'c1', { ok: false, error: offline }).review.status).toBe(
      'ready',
    );
    const bought = checkoutSettled(reviewed, 'demo', 'c1', { ok: true, value: record('ordered') });
    expect(bought.review.status).toBe('idle');
    expect(bought.checkout).toEqual({ status: 'ready', value: record('ordered') });
  });

  it('follows the shown checkout when main says it changed, and ignores others', () => {
    const sent = checkoutSettled(open, 'demo', 'c1', { ok: true, value: record('sending') });
    expect(checkoutChanged(sent, record('in-doubt')).checkout).toEqual({
      status: 'ready',
      value: record('in-doubt'),
    });
    expect(checkoutChanged(sent, { ...record('ordered'), checkoutId: 'k2' })).toBe(sent);
    expect(checkoutChanged(open, record('ordered'))).toBe(open);
  });

  it('keeps the checkouts in doubt for the banner, and counts those still waiting', () => {
    const state = inDoubtSettled(open, 'demo', { ok: true, value: { checkouts: [record('in-doubt')] } });
    expect(state.inDoubt).toEqual({ status: 'ready', value: [record('in-doubt')] });
    expect(pendingCount(state)).toBe(1);
    expect(pendingCount(open)).toBe(0);
    expect(
      pendingCount(inDoubtSettled(open, 'demo', { ok: true, value: { checkouts: [record('ordered')] } })),
    ).toBe(0);
    expect(inDoubtSettled(open, 'other', { ok: true, value: { checkouts: [] } })).toBe(open);
  });

  it('knows offline when it sees it', () => {
    expect(isOffline(offline)).toBe(true);
    expect(isOffline({ code: 'TIMEOUT', message: '' })).toBe(true);
    expect(isOffline({ code: 'PARTNER_CENTER', message: '' })).toBe(false);
    expect(isOffline(undefined)).toBe(false);
  });
});

describe('checkouts shown', () => {
  it('show each checkout once, in its latest state, whatever order the answers came in', () => {
    const sending = { ...record('sending'), updatedAt: '2026-11-29T10:00:01.000Z' };
    const ordered = { ...record('ordered'), updatedAt: '2026-11-29T10:00:02.000Z' };
    const stale = cartSettled(open, 'demo', 'c1', {
      ok: true,
      value: { ...view(0), pendingCheckout: sending },
    });
    const answered = checkoutSettled(
      inDoubtSettled(stale, 'demo', { ok: true, value: { checkouts: [sending] } }),
      'demo',
      'c1',
      {
        ok: true,
        value: ordered,
      },
    );
    expect(checkoutsToShow(answered)).toEqual({ pending: [], confirmed: ordered });
    expect(checkoutsToShow(stale)).toEqual({ pending: [sending], confirmed: null });
  });

  it('keep a checkout in doubt in front, also one confirmed in another window', () => {
    const other = { ...record('in-doubt'), checkoutId: 'k2' };
    const state = inDoubtSettled(open, 'demo', {
      ok: true,
      value: { checkouts: [other, record('ordered')] },
    });
    expect(checkoutsToShow(state)).toEqual({ pending: [other], confirmed: null });
  });
});

describe('fix buttons', () => {
  it('name an action for every fix main can suggest', () => {
    for (const fix of FixAction.options) expect(fixButton(fix)?.label, fix).toMatch(/^[A-Z]/);
    expect(fixButton('register-subscription')).toEqual({ label: 'Register', does: 'register' });
    expect(fixButton(null)).toBeNull();
  });

  it('money shows in the customer’s currency', () => {
    expect(formatMoney(1234.5, 'USD')).toBe('$1,234.50');
    expect(formatMoney(10, 'EUR')).toBe('€10.00');
    expect(formatMoney(1, 'XYZ1')).toBe('1.00 XYZ1');
  });
});
