import { describe, expect, it } from 'vitest';
import type { Market } from '../../../preload/contract';
import {
  isKnownMarket,
  marketOptions,
  marketUsed,
  RECENT_MARKETS_KEPT,
} from '../../../renderer/src/state/markets';

const market = (code: string, name: string, reservationsSold = true): Market => ({
  code,
  name,
  reservationsSold,
});
const markets: Market[] = [
  market('AF', 'Afghanistan'),
  market('BR', 'Brazil', false),
  market('DE', 'Germany'),
  market('FR', 'France'),
  market('US', 'United States'),
];

describe('the market picker', () => {
  it('lists the customer’s market, then recent picks, then the rest by name', () => {
    const options = marketOptions(markets, { locale: 'en-US', customerCountry: 'de', recent: ['US', 'DE'] });
    expect(options.map((o) => `${o.group}:${o.code}`)).toEqual([
      'suggested:DE',
      'suggested:US',
      'all:AF',
      'all:BR',
      'all:FR',
    ]);
  });

  it('names markets in the user’s language and sorts them in it', () => {
    const options = marketOptions(markets, { locale: 'de-DE', customerCountry: null, recent: [] });
    expect(options.find((o) => o.code === 'DE')?.name).toBe('Deutschland');
    expect(options.find((o) => o.code === 'US')?.name).toBe('Vereinigte Staaten');
    // In German, Brasilien sorts before Deutschland and Frankreich.
    expect(options.map((o) => o.name)).toEqual([
      'Afghanistan',
      'Brasilien',
      'Deutschland',
      'Frankreich',
      'Vereinigte Staaten',
    ]);
  });

  it('keeps whether reservations are sold, and drops codes that are no market', () => {
    const options = marketOptions(markets, { locale: 'en', customerCountry: 'ZZ', recent: ['XX'] });
    expect(options.some((o) => o.group === 'suggested')).toBe(false);
    expect(options.find((o) => o.code === 'BR')?.reservationsSold).toBe(false);
  });

  it('remembers the latest hand-picked markets first, without repeats, up to a few', () => {
    let recent: ReadonlyArray<string> = [];
    for (const code of ['us', 'DE', 'FR', 'US', 'GB', 'IT', 'ES']) recent = marketUsed(recent, code);
    expect(recent).toEqual(['ES', 'IT', 'GB', 'US', 'FR']);
    expect(recent).toHaveLength(RECENT_MARKETS_KEPT);
  });

  it('knows a market only once the list is read', () => {
    expect(isKnownMarket([], 'ZZ')).toBeNull();
    expect(isKnownMarket(markets, 'zz')).toBe(false);
    expect(isKnownMarket(markets, 'de')).toBe(true);
  });
});
