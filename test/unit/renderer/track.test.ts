/** The Orders and Reservations screens' pure state, and the CSV of what the radar shows. */
import { describe, expect, it } from 'vitest';
import type { OrdersAnswer, OrderView, RadarAnswer, ReservationView } from '../../../preload/contract';
import { reservationsCsv } from '../../../renderer/src/state/reservations-csv';
import {
  ageInWords,
  exchangePolicyApplies,
  initialOrdersState,
  initialReservationsState,
  ordersSettled,
  ordersTargeted,
  radarSettled,
  reservationSelected,
  unwatchedPending,
  watchEnded,
  watchStarted,
} from '../../../renderer/src/state/track';

const order = (id: string, status: string): OrderView => ({
  id,
  customerId: 'c',
  billingCycle: 'one_time',
  status,
  creationDate: null,
  totalPrice: null,
  currencyCode: null,
  lines: [],
  justPlaced: false,
});

const reservation = (extra: Partial<ReservationView> = {}): ReservationView => ({
  key: 'k',
  customerId: 'c',
  customerName: 'Contoso, "West"',
  reservationType: 'virtualmachines',
  displayName: 'RI D2s',
  productId: 'P',
  skuId: 'S',
  region: 'eastus',
  scopeType: 'Shared',
  appliedScopes: [],
  quantity: 2,
  effectiveDate: '2026-01-01T00:00:00.000Z',
  expiryDate: '2027-01-01T00:00:00.000Z',
  provisioningState: 'Succeeded',
  orderId: 'o',
  reservationOrderId: 'ro',
  reservationId: 'r',
  daysLeft: 33,
  bucket: 'within60',
  ...extra,
});

describe('orders state', () => {
  const answer: OrdersAnswer = {
    orders: [order('a', 'pending'), order('b', 'completed'), order('c', 'pending review')],
    fetchedAt: null,
    offline: false,
  };

  it('watches each pending order once', () => {
    let state = ordersSettled(ordersTargeted(initialOrdersState, 'p', 'c'), { ok: true, value: answer });
    expect(unwatchedPending(state)).toEqual(['a', 'c']);
    state = watchStarted(state, 'a', 't1');
    expect(unwatchedPending(state)).toEqual(['c']);
    state = watchEnded(state, 't1');
    expect(state.watching).toEqual({});
  });

  it('forgets what it showed when the customer changes', () => {
    const state = ordersSettled(ordersTargeted(initialOrdersState, 'p', 'c'), { ok: true, value: answer });
    expect(ordersTargeted(state, 'p', 'c')).toBe(state);
    expect(ordersTargeted(state, 'p', 'other').list.status).toBe('idle');
  });
});

describe('reservations state', () => {
  it('drops a selection that the new filters no longer show', () => {
    const radar = { rows: [reservation()] } as unknown as RadarAnswer; // only rows matter here
    let state = reservationSelected(initialReservationsState, 'k');
    state = radarSettled(state, { ok: true, value: radar });
    expect(state.selectedKey).toBe('k');
    state = radarSettled(state, { ok: true, value: { ...radar, rows: [] } });
    expect(state.selectedKey).toBeNull();
  });

  it('shows the exchange-policy note for VM reservations bought from 1 February 2027 on', () => {
    expect(exchangePolicyApplies(reservation({ effectiveDate: '2027-02-01T00:00:00.000Z' }))).toBe(true);
    expect(exchangePolicyApplies(reservation({ effectiveDate: '2027-01-31T23:59:59.000Z' }))).toBe(false);
    expect(
      exchangePolicyApplies(
        reservation({ effectiveDate: '2027-03-01T00:00:00.000Z', reservationType: 'sqldatabases' }),
      ),
    ).toBe(false);
  });

  it('says how old the data is in words', () => {
    const now = Date.parse('2026-11-29T12:00:00Z');
    expect(ageInWords(null, now)).toBe('never read');
    expect(ageInWords('2026-11-29T11:55:00Z', now)).toBe('5 minutes ago');
    expect(ageInWords('2026-11-29T09:00:00Z', now)).toBe('3 hours ago');
    expect(ageInWords('2026-11-25T12:00:00Z', now)).toBe('4 days ago');
  });
});

describe('reservations CSV', () => {
  it('quotes as RFC 4180 says and keeps the rows in the order shown', () => {
    const csv = reservationsCsv([reservation(), reservation({ key: 'k2', customerName: 'Fabrikam' })]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^Customer,Reservation,Type,Region,Scope,Quantity,Effective,Expires,Days left,/);
    expect(lines[1]).toBe(
      '"Contoso, ""West""",RI D2s,virtualmachines,eastus,Shared,2,2026-01-01,2027-01-01,33,Succeeded,ro,r,o',
    );
    expect(lines[2]?.startsWith('Fabrikam,')).toBe(true);
  });
});
