/**
 * The expiry radar over cached rows: days left in the user's calendar, the 30/60/90-day bucket
 * edges, filters, sorting, and the same answer whatever zone the machine itself runs in.
 */
import { describe, expect, it } from 'vitest';
import { bucketOf, daysLeft, queryRadar, type ReservationRecord } from '../../../main/reservations/radar';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const DAY = 86_400_000;

function record(
  key: string,
  expiryDate: string | null,
  extra: Partial<ReservationRecord> = {},
): ReservationRecord {
  return {
    key,
    customerId: 'c1',
    customerName: 'Contoso',
    reservationType: 'virtualmachines',
    displayName: key,
    productId: 'P',
    skuId: 'S',
    region: 'eastus',
    scopeType: 'Shared',
    appliedScopes: [],
    quantity: 1,
    effectiveDate: null,
    expiryDate,
    provisioningState: 'Succeeded',
    orderId: 'o1',
    reservationOrderId: 'ro1',
    reservationId: 'r1',
    ...extra,
  };
}

/** An expiry at noon UTC, `days` calendar days after NOW's day. */
const inDays = (days: number) => new Date(NOW + days * DAY).toISOString();

describe('days left and buckets', () => {
  it.each([
    [-1, 'expired'],
    [0, 'within30'],
    [30, 'within30'],
    [31, 'within60'],
    [60, 'within60'],
    [61, 'within90'],
    [90, 'within90'],
    [91, 'later'],
  ] as const)('%i days left is %s', (days, bucket) => {
    expect(daysLeft(Date.parse(inDays(days)), NOW)).toBe(days);
    expect(bucketOf(days)).toBe(bucket);
  });

  it('counts calendar days: an expiry late today is 0 days left, early tomorrow is 1', () => {
    expect(daysLeft(Date.parse('2026-11-29T23:59:59Z'), NOW)).toBe(0);
    expect(daysLeft(Date.parse('2026-11-30T00:00:00Z'), NOW)).toBe(1);
    expect(daysLeft(Date.parse('2026-11-28T23:59:59Z'), NOW)).toBe(-1);
  });

  it('counts in the user’s time zone, not UTC', () => {
    // Midnight UTC on 30 Dec is still 29 Dec in New York and already 30 Dec morning in Tokyo.
    const expiry = Date.parse('2026-12-30T00:00:00Z');
    const lateEvening = Date.parse('2026-11-29T23:30:00Z');
    expect(daysLeft(expiry, lateEvening, 'UTC')).toBe(31);
    expect(daysLeft(expiry, lateEvening, 'America/New_York')).toBe(30);
    expect(daysLeft(expiry, lateEvening, 'Asia/Tokyo')).toBe(30);
    // So the same reservation sits in different buckets at a 30-day edge.
    expect(bucketOf(daysLeft(expiry, lateEvening, 'UTC'))).toBe('within60');
    expect(bucketOf(daysLeft(expiry, lateEvening, 'America/New_York'))).toBe('within30');
  });

  it('is not fooled by a daylight-saving change inside the span', () => {
    // Europe/Berlin leaves summer time on 25 Oct 2026: 23-hour and 25-hour days still count as days.
    const now = Date.parse('2026-10-20T10:00:00+02:00');
    expect(daysLeft(Date.parse('2026-10-30T10:00:00+01:00'), now, 'Europe/Berlin')).toBe(10);
    expect(daysLeft(Date.parse('2026-10-30T00:30:00+01:00'), now, 'Europe/Berlin')).toBe(10);
  });

  it('falls back to UTC for an unknown zone name instead of failing', () => {
    expect(daysLeft(Date.parse(inDays(5)), NOW, 'Not/AZone')).toBe(5);
  });
});

describe('queryRadar', () => {
  const rows = [
    record('late', inDays(400), { customerId: 'c2', customerName: 'Fabrikam', region: 'westeurope' }),
    record('soon', inDays(10)),
    record('gone', inDays(-3), { reservationType: 'sqldatabases' }),
    record('mid', inDays(45), { customerId: 'c2', customerName: 'Fabrikam' }),
    record('edge90', inDays(90), { region: 'westeurope' }),
    record('nodate', null),
  ];

  it('sorts by expiry date, undated last, and counts every bucket', () => {
    const result = queryRadar(rows, { nowMs: NOW });
    expect(result.rows.map((row) => row.key)).toEqual(['gone', 'soon', 'mid', 'edge90', 'late', 'nodate']);
    expect(result.counts).toEqual({ expired: 1, within30: 1, within60: 1, within90: 1, later: 1 });
    expect(result.rows[1]).toMatchObject({ daysLeft: 10, bucket: 'within30' });
    expect(result.rows.at(-1)).toMatchObject({ daysLeft: null, bucket: null });
  });

  it('filters by bucket, customer, type and region, and offers the values to filter by', () => {
    const soon = queryRadar(rows, { nowMs: NOW, buckets: ['within30', 'within60', 'within90'] });
    expect(soon.rows.map((row) => row.key)).toEqual(['soon', 'mid', 'edge90']);
    // Counts ignore the bucket filter, so the bucket tabs always show their numbers.
    expect(soon.counts.expired).toBe(1);
    expect(queryRadar(rows, { nowMs: NOW, customerIds: ['c2'] }).rows.map((row) => row.key)).toEqual([
      'mid',
      'late',
    ]);
    expect(
      queryRadar(rows, { nowMs: NOW, reservationTypes: ['sqldatabases'] }).rows.map((r) => r.key),
    ).toEqual(['gone']);
    const west = queryRadar(rows, { nowMs: NOW, regions: ['westeurope'] });
    expect(west.rows.map((row) => row.key)).toEqual(['edge90', 'late']);
    expect(west.counts).toEqual({ expired: 0, within30: 0, within60: 0, within90: 1, later: 1 });
    expect(west.customers).toEqual([
      { id: 'c1', name: 'Contoso' },
      { id: 'c2', name: 'Fabrikam' },
    ]);
    expect(west.reservationTypes).toEqual(['sqldatabases', 'virtualmachines']);
    expect(west.regions).toEqual(['eastus', 'westeurope']);
  });

  it('cuts the rows at the limit but reports the full total', () => {
    const result = queryRadar(rows, { nowMs: NOW, limit: 2 });
    expect(result.rows).toHaveLength(2);
    expect(result.total).toBe(6);
  });
});
