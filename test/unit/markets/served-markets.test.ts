import { describe, expect, it } from 'vitest';
import { allMarkets } from '../../../main/catalog/catalog-service';
import { isServedMarket, servedMarkets } from '../../../main/markets';

describe('the markets Partner Center serves', () => {
  it('are real countries: no groupings, no reserved codes, no deprecated aliases', () => {
    const codes = servedMarkets();
    expect(codes).toContain('US');
    expect(codes).toContain('DE');
    expect(codes).toContain('XK');
    for (const code of ['ZZ', 'EU', 'UN', 'UK', 'QO']) expect(codes).not.toContain(code);
    expect(isServedMarket('zz')).toBe(false);
    expect(isServedMarket('de')).toBe(true);
  });

  it('leave out the embargoed countries Microsoft does no business in', () => {
    for (const code of ['CU', 'IR', 'KP', 'SY']) expect(isServedMarket(code)).toBe(false);
  });

  it('mark the markets where reservations are not sold, with the reason', () => {
    const brazil = allMarkets().find((m) => m.code === 'BR');
    expect(brazil).toMatchObject({ name: 'Brazil', reservationsSold: false });
    expect(brazil?.reason).toMatch(/not sold/);
    expect(allMarkets().find((m) => m.code === 'US')?.reservationsSold).toBe(true);
  });
});
