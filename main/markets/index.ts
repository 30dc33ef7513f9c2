/**
 * Markets (countries) and whether Azure reservations are sold there.
 * The list of unavailable markets comes from Partner Center's purchase docs (see the JSON's `source`).
 */
import unavailable from './unavailable-markets.json' with { type: 'json' };

const unavailableIso = new Set(unavailable.isoCodes.map((code) => code.toUpperCase()));
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** Partner Center uses a few codes that are not ISO 3166 regions; name them ourselves. */
const aliasNames: Readonly<Record<string, string>> = unavailable.partnerCenterAliases;

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
