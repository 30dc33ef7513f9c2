/**
 * Markets (countries) and whether Azure reservations are sold there.
 * The list of unavailable markets comes from Partner Center's purchase docs (see the JSON's `source`).
 */
import unavailable from './unavailable-markets.json' with { type: 'json' };

const unavailableIso = new Set(unavailable.isoCodes.map((code) => code.toUpperCase()));
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** Partner Center uses a few codes that are not ISO 3166 regions; name them ourselves. */
const aliasNames: Readonly<Record<string, string>> = unavailable.partnerCenterAliases;

/**
 * Countries Microsoft does not do business in at all (embargoed under US export rules): Partner
 * Center has no customers there, so they are not markets the app offers, not even as "not sold".
 */
const NOT_SERVED = new Set(['CU', 'IR', 'KP', 'SY']);

/** Codes the runtime names that are groupings or reserved, not markets. */
const NOT_MARKETS = new Set([
  'EU',
  'EZ',
  'UN',
  'QO',
  'XA',
  'XB',
  'ZZ',
  'AC',
  'CP',
  'DG',
  'EA',
  'IC',
  'TA',
  'CQ',
]);

/** True when Azure reservations can be bought for customers in this market. */
export function reservationsSoldIn(countryCode: string): boolean {
  return !unavailableIso.has(countryCode.toUpperCase());
}

/** The English name of a market, e.g. `DE` → `Germany`. */
export function marketName(countryCode: string): string {
  const code = countryCode.toUpperCase();
  return aliasNames[code] ?? regionNames.of(code) ?? code;
}

/** ISO codes of every market where reservations are not sold. */
export function unavailableMarkets(): ReadonlyArray<string> {
  return [...unavailableIso].sort();
}

let served: ReadonlyArray<string> | undefined;

/**
 * Every market Partner Center serves, as ISO 3166-1 alpha-2 codes in alphabetical order: the regions
 * the runtime can name (Kosovo's XK included, as Partner Center uses it), less groupings, deprecated aliases (UK → GB) and the embargoed countries.
 */
export function servedMarkets(): ReadonlyArray<string> {
  if (served) return served;
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const codes: string[] = [];
  for (const first of letters) {
    for (const second of letters) {
      const code = first + second;
      if (NOT_MARKETS.has(code) || NOT_SERVED.has(code) || !names.of(code)) continue;
      if (Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
      codes.push(code);
    }
  }
  served = codes.sort();
  return served;
}

/** True for a market Partner Center serves (sold or not), e.g. `US`; false for `ZZ` or `CU`. */
export function isServedMarket(countryCode: string): boolean {
  return servedMarkets().includes(countryCode.toUpperCase());
}
