/**
 * Small helpers shared by the generators: wire links, wire dates, currencies and money.
 * Money is computed in integer minor units and converted to a number only when written to a wire object.
 */
import type { CurrencyRef, Link, LinkHeader } from './model';

/** A GET link (the common case). */
export function getLink(uri: string, headers: ReadonlyArray<LinkHeader> = []): Link {
  return { uri, method: 'GET', headers };
}

/** A wire date-time: ISO-8601 UTC with 7 fractional digits, like Partner Center's examples. */
export function wireDate(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

/** A wire date at midnight UTC without fraction (`2018-03-16T00:00:00Z`), as invoice dates appear. */
export function wireDay(date: Date): string {
  return `${date.toISOString().slice(0, 10)}T00:00:00Z`;
}

/** The "empty" date Partner Center writes for missing values. */
export const EMPTY_DATE = '0001-01-01T00:00:00';

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** `date` plus `days` days. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** `date` plus `years` calendar years (same month and day, UTC). */
export function addYears(date: Date, years: number): Date {
  const out = new Date(date.getTime());
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
}

/** Midnight UTC of `date`'s day. */
export function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** A currency the sandbox prices and bills in. */
export interface CurrencyInfo {
  readonly code: string;
  readonly symbol: string;
  /** Digits after the decimal point. */
  readonly decimals: number;
  /** Units of this currency per US dollar (fixed, so prices are reproducible). */
  readonly perUsd: number;
}

const CURRENCIES: Readonly<Record<string, CurrencyInfo>> = {
  USD: { code: 'USD', symbol: '$', decimals: 2, perUsd: 1 },
  EUR: { code: 'EUR', symbol: '€', decimals: 2, perUsd: 0.92 },
  GBP: { code: 'GBP', symbol: '£', decimals: 2, perUsd: 0.79 },
  SEK: { code: 'SEK', symbol: 'kr', decimals: 2, perUsd: 10.5 },
  NOK: { code: 'NOK', symbol: 'kr', decimals: 2, perUsd: 10.7 },
  DKK: { code: 'DKK', symbol: 'kr.', decimals: 2, perUsd: 6.9 },
  CHF: { code: 'CHF', symbol: 'CHF', decimals: 2, perUsd: 0.88 },
  JPY: { code: 'JPY', symbol: '¥', decimals: 0, perUsd: 150 },
  AUD: { code: 'AUD', symbol: '$', decimals: 2, perUsd: 1.52 },
  CAD: { code: 'CAD', symbol: '$', decimals: 2, perUsd: 1.36 },
  BRL: { code: 'BRL', symbol: 'R$', decimals: 2, perUsd: 5.0 },
  CNY: { code: 'CNY', symbol: '¥', decimals: 2, perUsd: 7.2 },
  INR: { code: 'INR', symbol: '₹', decimals: 2, perUsd: 83 },
};

/** Billing currency per market; markets not listed bill in USD (as Partner Center does for many). */
const CURRENCY_BY_COUNTRY: Readonly<Record<string, string>> = {
  US: 'USD',
  GB: 'GBP',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  CH: 'CHF',
  JP: 'JPY',
  AU: 'AUD',
  CA: 'CAD',
  BR: 'BRL',
  CN: 'CNY',
  IN: 'INR',
  DE: 'EUR',
  FR: 'EUR',
  NL: 'EUR',
  BE: 'EUR',
  IE: 'EUR',
  IT: 'EUR',
  ES: 'EUR',
  PT: 'EUR',
  AT: 'EUR',
  FI: 'EUR',
  LU: 'EUR',
  GR: 'EUR',
  EE: 'EUR',
  LV: 'EUR',
  LT: 'EUR',
  SK: 'EUR',
  SI: 'EUR',
  MT: 'EUR',
  CY: 'EUR',
  HR: 'EUR',
};

/** Currency facts for a code (unknown codes are treated as 2-decimal, dollar-valued). */
export function currencyInfo(code: string): CurrencyInfo {
  const upper = code.toUpperCase();
  return CURRENCIES[upper] ?? { code: upper, symbol: upper, decimals: 2, perUsd: 1 };
}

/** The currency a market is billed in. */
export function currencyForCountry(country: string): CurrencyInfo {
  return currencyInfo(CURRENCY_BY_COUNTRY[country.toUpperCase()] ?? 'USD');
}

/** `{ code, symbol }` as availabilities carry it. */
export function currencyRef(info: CurrencyInfo): CurrencyRef {
  return { code: info.code, symbol: info.symbol };
}

/** Converts an amount in US cents to minor units of `currency` (rounded half away from zero). */
export function usdCentsTo(currency: CurrencyInfo, usdCents: number): number {
  const major = (usdCents / 100) * currency.perUsd;
  const factor = 10 ** currency.decimals;
  return Math.sign(major) * Math.round(Math.abs(major) * factor);
}

/** Minor units → the number written on the wire (e.g. 12345 → 123.45). */
export function toMajor(minor: number, currency: CurrencyInfo): number {
  const factor = 10 ** currency.decimals;
  // Division of an integer by a power of ten gives the nearest double, which prints exactly.
  return minor / factor;
}

/** The number on the wire → minor units (what tests and sums compare). */
export function toMinor(major: number, currency: CurrencyInfo): number {
  return Math.round(major * 10 ** currency.decimals);
}
