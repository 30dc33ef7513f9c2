/**
 * Whether a catalog can exist for a country: Partner Center does not sell Azure reservations in
 * some markets, and the app says so instead of showing an empty list.
 */
import { marketName, reservationsSoldIn } from '../markets/index';

/** A market and whether reservations are sold there. */
export interface MarketStatus {
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
  /** English name, e.g. `Brazil`. */
  readonly name: string;
  readonly available: boolean;
  /** Why not, in words for the screen; only when `available` is false. */
  readonly reason?: string;
}

/** The reservation market status of a country. */
export function marketStatus(country: string): MarketStatus {
  const code = country.trim().toUpperCase();
  const name = marketName(code);
  if (reservationsSoldIn(code)) return { country: code, name, available: true };
  return {
    country: code,
    name,
    available: false,
    reason: `Azure reservations are not sold to customers in ${name}: it is one of the markets Microsoft lists as unavailable for reservation purchases.`,
  };
}
