/**
 * `--customers N`: more customers, the default ones unchanged, and reservation expiries spread over
 * the next three years with some in every radar bucket and some expired.
 */
import { describe, expect, it } from 'vitest';
import { parseCliOptions } from '../../../main/sandbox/cli-options';
import { CUSTOMER_COUNT, generateWorld } from '../../../main/sandbox/data/index';
import { NOW, smallWorld } from './fixtures';

const DAY = 86_400_000;

describe('a world with more customers', () => {
  const big = generateWorld({ seed: 7, catalog: 'small', lineItems: 600, now: NOW, customers: 250 });

  it('has that many customers, the default ones first and unchanged', () => {
    expect(big.customers).toHaveLength(250);
    expect(smallWorld().customers).toHaveLength(CUSTOMER_COUNT);
    expect(big.customers.slice(0, CUSTOMER_COUNT)).toEqual(smallWorld().customers);
    expect(new Set(big.customers.map((customer) => customer.id)).size).toBe(250);
  });

  it('has reservations expiring within 30, 60 and 90 days, later, and already expired', () => {
    const daysLeft = [...big.entitlementsByCustomer.values()]
      .flat()
      .map((entitlement) => (Date.parse(entitlement.expiryDate) - NOW.getTime()) / DAY);
    expect(daysLeft.length).toBeGreaterThan(200);
    expect(daysLeft.filter((days) => days < 0).length).toBeGreaterThan(0);
    expect(daysLeft.filter((days) => days >= 0 && days <= 30).length).toBeGreaterThan(0);
    expect(daysLeft.filter((days) => days > 30 && days <= 60).length).toBeGreaterThan(0);
    expect(daysLeft.filter((days) => days > 60 && days <= 90).length).toBeGreaterThan(0);
    expect(daysLeft.filter((days) => days > 365).length).toBeGreaterThan(0);
    expect(Math.max(...daysLeft)).toBeLessThanOrEqual(3 * 366);
  });

  it('is the same for the same seed', () => {
    const again = generateWorld({ seed: 7, catalog: 'small', lineItems: 600, now: NOW, customers: 250 });
    expect(again.customers.map((customer) => customer.id)).toEqual(
      big.customers.map((customer) => customer.id),
    );
    expect([...again.entitlementsByCustomer.values()].flat()).toEqual(
      [...big.entitlementsByCustomer.values()].flat(),
    );
  });

  it('refuses fewer customers than the demo ones', () => {
    expect(() => generateWorld({ seed: 7, catalog: 'small', lineItems: 0, now: NOW, customers: 3 })).toThrow(
      RangeError,
    );
  });
});

describe('--customers', () => {
  it('is read from the command line', () => {
    expect(parseCliOptions(['--customers', '250'])).toMatchObject({ customers: 250 });
    expect(parseCliOptions([])).not.toHaveProperty('customers');
    expect(() => parseCliOptions(['--customers', '2'])).toThrow(/--customers/);
  });
});
