import { describe, expect, it } from 'vitest';
import {
  checkFriendlyName,
  checkHourlyCommitment,
  checkQuantity,
  defaultFriendlyName,
  FRIENDLY_NAME_MAX_LENGTH,
  quantityLimits,
  termChoices,
  toTerm,
} from '../../../renderer/src/state/cart-form';

/** The message of a refused value, or undefined when it was taken. */
const errorOf = (checked: { ok: true } | { ok: false; error: string }) =>
  checked.ok ? undefined : checked.error;

describe('quantity, as typed', () => {
  const limits = quantityLimits({ minimumQuantity: 1, maximumQuantity: 40 });

  it('takes whole numbers within the SKU’s limits', () => {
    expect(checkQuantity('3', limits)).toEqual({ ok: true, value: 3 });
    expect(checkQuantity(' 40 ', limits)).toEqual({ ok: true, value: 40 });
  });

  it('refuses zero, negative, fractional, too many and not-a-number, in plain words', () => {
    expect(checkQuantity('', limits)).toEqual({ ok: false, error: 'Enter how many to buy.' });
    expect(checkQuantity('0', limits)).toEqual({ ok: false, error: 'Buy at least 1.' });
    expect(checkQuantity('-2', limits)).toEqual({ ok: false, error: 'Buy at least 1.' });
    expect(errorOf(checkQuantity('2.5', limits))).toMatch(/whole number/);
    expect(checkQuantity('41', limits)).toEqual({ ok: false, error: 'This SKU is sold up to 40 at a time.' });
    expect(errorOf(checkQuantity('two', limits))).toMatch(/whole number/);
    expect(checkQuantity('1e3', limits).ok).toBe(false);
  });

  it('reads the 999999999 sentinel as no limit, and still refuses absurd numbers', () => {
    const open = quantityLimits({ minimumQuantity: null, maximumQuantity: 999_999_999 });
    expect(open).toEqual({ min: 1, max: null });
    expect(checkQuantity('5000', open)).toEqual({ ok: true, value: 5000 });
    expect(checkQuantity('999999999999999999999', open)).toEqual({
      ok: false,
      error: 'That number is too large.',
    });
  });
});

describe('amount per hour, as typed', () => {
  it('takes positive amounts with up to three decimals, above the SKU’s minimum', () => {
    expect(checkHourlyCommitment('0.05', 0.001)).toEqual({ ok: true, value: 0.05 });
    expect(checkHourlyCommitment('1,5', null)).toEqual({ ok: true, value: 1.5 });
    expect(checkHourlyCommitment('0', null).ok).toBe(false);
    expect(checkHourlyCommitment('-1', null).ok).toBe(false);
    expect(errorOf(checkHourlyCommitment('0.0001', null))).toMatch(/three decimals/);
    expect(checkHourlyCommitment('0.001', 0.01)).toMatchObject({
      error: 'The smallest commitment is 0.01 per hour.',
    });
    expect(errorOf(checkHourlyCommitment('1000000', null))).toMatch(/check the amount/);
  });
});

describe('friendly name', () => {
  it('may be empty (a name is made), and is refused above the limit', () => {
    expect(checkFriendlyName('  ')).toEqual({ ok: true, value: '' });
    expect(checkFriendlyName('x'.repeat(FRIENDLY_NAME_MAX_LENGTH))).toMatchObject({ ok: true });
    expect(checkFriendlyName('x'.repeat(FRIENDLY_NAME_MAX_LENGTH + 1))).toMatchObject({ ok: false });
  });

  it('is made from the SKU, region and term, within the limit', () => {
    expect(
      defaultFriendlyName({ armSkuName: 'Standard_D2s_v3', title: 'D2s v3', armRegionName: 'eastus' }, 'P3Y'),
    ).toBe('Standard_D2s_v3-eastus-3years');
    const long = defaultFriendlyName({ armSkuName: 'x'.repeat(100), title: '', armRegionName: null }, 'P1Y');
    expect(long.length).toBe(FRIENDLY_NAME_MAX_LENGTH);
  });
});

describe('terms', () => {
  it('reads ISO, Partner Center’s words and the SKU’s own term', () => {
    expect(toTerm('P1Y')).toBe('P1Y');
    expect(toTerm('3Years')).toBe('P3Y');
    expect(toTerm('1 year')).toBe('P1Y');
    expect(toTerm('P2M')).toBeNull();
    expect(toTerm(null)).toBeNull();
  });

  it('offers each purchasable availability’s terms once, shortest first', () => {
    const availability = (id: string, durations: string[], isPurchasable: boolean | null = true) => ({
      availabilityId: id,
      catalogItemId: `p:s:${id}`,
      currencyCode: 'USD',
      isPurchasable,
      terms: durations.map((duration) => ({ duration, description: null })),
    });
    expect(
      termChoices({ term: null }, [
        availability('a3', ['P3Y']),
        availability('a1', ['P1Y']),
        availability('b1', ['P1Y']),
        availability('x', ['P5Y'], false),
      ]),
    ).toEqual([
      { term: 'P1Y', availabilityId: 'a1' },
      { term: 'P3Y', availabilityId: 'a3' },
    ]);
    expect(termChoices({ term: 'P3Y' }, [availability('legacy', [])])).toEqual([
      { term: 'P3Y', availabilityId: 'legacy' },
    ]);
  });
});
