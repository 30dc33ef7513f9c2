/**
 * Markets as the user reads them: named in the user's language, the customer's market and the ones
 * picked recently first, then every other market by name. Pure, so the order is tested on its own.
 */
import type { Market } from '../../../preload/contract';

/** How many hand-picked markets are remembered as "recent". */
export const RECENT_MARKETS_KEPT = 5;

/** One entry of the market picker. */
export interface MarketOption {
  readonly code: string;
  /** The market's name in the user's language, e.g. `Deutschland` for `DE` in German. */
  readonly name: string;
  readonly reservationsSold: boolean;
  /** The group it is listed under. */
  readonly group: 'suggested' | 'all';
}

/** A market's name in `locale` (Intl.DisplayNames), falling back to main's English name. */
export function localMarketName(market: Market, locale: string): string {
  try {
    const names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'none' });
    return names.of(market.code) ?? market.name;
  } catch {
    return market.name;
  }
}

/**
 * The picker's entries: the customer's market, then recent ones (newest first), then all the others
 * sorted by their local name. A code that is not a known market is left out.
 */
export function marketOptions(
  markets: ReadonlyArray<Market>,
  input: { locale: string; customerCountry: string | null; recent: ReadonlyArray<string> },
): ReadonlyArray<MarketOption> {
  const byCode = new Map(markets.map((market) => [market.code, market]));
  const option = (market: Market, group: MarketOption['group']): MarketOption => ({
    code: market.code,
    name: localMarketName(market, input.locale),
    reservationsSold: market.reservationsSold,
    group,
  });
  const suggestedCodes = [
    ...new Set(
      [input.customerCountry, ...input.recent]
        .filter((code): code is string => Boolean(code))
        .map((code) => code.toUpperCase()),
    ),
  ].filter((code) => byCode.has(code));
  const suggested = suggestedCodes.map((code) => option(byCode.get(code)!, 'suggested'));
  const collator = new Intl.Collator(input.locale);
  const rest = markets
    .filter((market) => !suggestedCodes.includes(market.code))
    .map((market) => option(market, 'all'))
    .sort((a, b) => collator.compare(a.name, b.name));
  return [...suggested, ...rest];
}

/** The recent list after the user picked `code` by hand: it goes first, duplicates and overflow go. */
export function marketUsed(recent: ReadonlyArray<string>, code: string): ReadonlyArray<string> {
  const upper = code.toUpperCase();
  return [upper, ...recent.filter((c) => c !== upper)].slice(0, RECENT_MARKETS_KEPT);
}

/** Whether `code` names a market Partner Center serves; null while the list is not known yet. */
export function isKnownMarket(markets: ReadonlyArray<Market>, code: string): boolean | null {
  if (markets.length === 0) return null;
  return markets.some((market) => market.code === code.toUpperCase());
}
