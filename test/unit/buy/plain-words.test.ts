/** Line errors, order errors, local checks and prices, as the person reading the cart sees them. */
import { describe, expect, it } from 'vitest';
import { cartLineProblem, orderErrorExplained } from '../../../main/buy/partner-center-problems';
import { cartTotal, hoursIn, readPriceSheet, reservationPrice } from '../../../main/buy/prices';
import {
  FRIENDLY_NAME_MAX,
  commitmentProblem,
  defaultFriendlyName,
  friendlyNameProblem,
  quantityProblem,
} from '../../../main/buy/validation';

/** Every CartErrorCode of §10 (10016–10019 are seat rules of other products). */
const cartErrorCodes = [
  0, 10000, 10001, 10002, 10003, 10004, 10006, 10007, 10008, 10009, 10010, 10011, 10012, 10013, 10014, 10015,
  500600,
];

describe('cart line errors in plain words', () => {
  it.each(cartErrorCodes)('CartErrorCode %i becomes one sentence without codes or field names', (code) => {
    const problem = cartLineProblem(code, 'The raw description.');
    expect(problem.message).toMatch(/^[A-Z].*\.$/);
    expect(problem.message).not.toMatch(/\d{4,}|errorCode|catalogItemId|provisioningContext/);
    expect(problem.detail).toBe('The raw description.');
    expect(problem.partnerCenterCode).toBe(code);
  });

  it('names the action that fixes the common ones', () => {
    expect(cartLineProblem(10011, undefined)).toMatchObject({
      message: 'Subscription not registered for reservations. Register it, then review again.',
      fix: 'register-subscription',
    });
    expect(cartLineProblem(10001, undefined).fix).toBe('refresh-availability');
    expect(cartLineProblem(10002, undefined).fix).toBe('change-quantity');
    expect(cartLineProblem(10007, undefined).fix).toBe('choose-subscription');
  });

  it('explains checkout order errors, and falls back to Partner Center’s description', () => {
    expect(orderErrorExplained(800030, undefined).fix).toBe('register-subscription');
    expect(orderErrorExplained(400019, undefined).fix).toBe('refresh-availability');
    expect(orderErrorExplained(123, 'Odd thing.').message).toBe(
      'Partner Center did not place this order: Odd thing.',
    );
  });
});

describe('local checks', () => {
  it('quantity: positive, whole, within the SKU’s limits', () => {
    expect(quantityProblem(0, 1, 10)?.code).toBe('quantity-not-positive');
    expect(quantityProblem(-1, 1, 10)?.code).toBe('quantity-not-positive');
    expect(quantityProblem(Number.NaN, 1, 10)?.code).toBe('quantity-not-positive');
    expect(quantityProblem(2.5, 1, 10)?.code).toBe('quantity-fractional');
    expect(quantityProblem(11, 1, 10)?.message).toMatch(/at most 10/);
    expect(quantityProblem(10, 1, 10)).toBeUndefined();
    expect(quantityProblem(500, null, null)).toBeUndefined();
  });

  it('friendly name: within the limit, no control characters; defaults fit too', () => {
    expect(friendlyNameProblem('x'.repeat(FRIENDLY_NAME_MAX))).toBeUndefined();
    expect(friendlyNameProblem('x'.repeat(FRIENDLY_NAME_MAX + 1))?.code).toBe('friendly-name-too-long');
    expect(friendlyNameProblem('tab\there')?.code).toBe('friendly-name-invalid');
    expect(defaultFriendlyName('y'.repeat(200), 'P3Y').length).toBe(FRIENDLY_NAME_MAX);
    expect(defaultFriendlyName('Standard_D2s_v3 East US', 'P3Y')).toBe('Standard_D2s_v3 East US, 3 years');
  });

  it('savings plan commitment: at least the minimum, at most three decimals, no absurd amounts', () => {
    expect(commitmentProblem(0.0005, 0.001)?.code).toBe('commitment-too-low');
    expect(commitmentProblem(0.0015, 0.001)?.code).toBe('commitment-precision');
    expect(commitmentProblem(1e9, 0.001)?.code).toBe('commitment-too-high');
    expect(commitmentProblem(0.05, 0.001)).toBeUndefined();
  });
});

describe('prices', () => {
  it('reads a price sheet by header name, in any order and case, with quoted fields', async () => {
    const rows = await readPriceSheet(
      'Currency,UnitPrice,SKUID,productid,TermDuration,SkuTitle\nusd,123.45,0001,ABC,p1y,"Title, with comma"\nUSD,oops,0002,ABC,P1Y,x\n',
    );
    expect(rows).toEqual([
      {
        productId: 'ABC',
        skuId: '0001',
        term: 'P1Y',
        currency: 'USD',
        unitPrice: 123.45,
        effectiveStart: null,
      },
    ]);
    expect(await readPriceSheet('Nothing,Useful\n1,2\n')).toEqual([]);
  });

  it('survives the typographic quote closing "ERP Price", a BOM, CRLF and bytes split anywhere', async () => {
    const sheet =
      '\uFEFFProductId,SkuId,Currency,Unit Price,"ERP Price\u201D\r\nP1,0001,EUR,10.5,12\r\nP1,0002,EUR,20,24\r\n';
    const bytes = new TextEncoder().encode(sheet);
    // Split inside the multi-byte quote and the BOM, as a network would.
    function* trickle(): Generator<Uint8Array> {
      for (let i = 0; i < bytes.length; i += 3) yield bytes.subarray(i, i + 3);
    }
    const rows = await readPriceSheet(trickle());
    expect(rows.map((row) => [row.skuId, row.currency, row.unitPrice])).toEqual([
      ['0001', 'EUR', 10.5],
      ['0002', 'EUR', 20],
    ]);
  });

  it('totals lines of one currency; says why when it cannot', () => {
    const a = reservationPrice(100.1, 3, 'EUR', 0);
    expect(a.termTotal).toBe(300.3);
    expect(cartTotal([a, a]).total).toEqual({ amount: 600.6, currency: 'EUR' });
    expect(cartTotal([a, null]).note).toMatch(/at least one line has no price/);
    expect(cartTotal([a, reservationPrice(1, 1, 'USD', 0)]).note).toMatch(
      /different currencies \(EUR, USD\)/,
    );
    expect(hoursIn('P1Y') * 0.05).toBeCloseTo(438, 6);
  });
});
