/**
 * The Add-to-cart and savings-plan forms: what a person types, checked as they type, in plain words
 * next to the field. Pure functions, tested on their own; main checks everything again.
 */
import type { CatalogAvailability, CatalogSku, TermDuration } from '../../../preload/contract';
import { termLabel } from './catalog-labels';

/** Partner Center writes this where a SKU has no real maximum (issue 14: say "no limit"). */
export const NO_LIMIT_SENTINEL = 999_999_999;
/** The longest friendly name a cart line keeps (Partner Center shows it on the order and in Azure). */
export const FRIENDLY_NAME_MAX_LENGTH = 64;
/** An hourly commitment above this is a typo, not a plan. */
export const MAX_HOURLY_COMMITMENT = 100_000;

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** The SKU's quantity limits; a missing or sentinel maximum means none. */
export function quantityLimits(sku: Pick<CatalogSku, 'minimumQuantity' | 'maximumQuantity'>): {
  readonly min: number;
  readonly max: number | null;
} {
  const min = sku.minimumQuantity !== null && sku.minimumQuantity > 0 ? sku.minimumQuantity : 1;
  const max =
    sku.maximumQuantity === null || sku.maximumQuantity >= NO_LIMIT_SENTINEL ? null : sku.maximumQuantity;
  return { min, max };
}

/** A quantity as typed: a whole number within the SKU's limits. */
export function checkQuantity(text: string, limits: { min: number; max: number | null }): Checked<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'Enter how many to buy.' };
  if (!/^[+-]?\d+([.,]\d+)?$/.test(trimmed)) return { ok: false, error: 'Enter a whole number, such as 2.' };
  if (/[.,]/.test(trimmed))
    return { ok: false, error: 'Reservations are bought in whole units: enter a whole number.' };
  const value = Number(trimmed);
  if (value < limits.min) {
    return {
      ok: false,
      error: limits.min === 1 ? 'Buy at least 1.' : `This SKU is sold from ${limits.min} units.`,
    };
  }
  if (limits.max !== null && value > limits.max) {
    return { ok: false, error: `This SKU is sold up to ${limits.max.toLocaleString('en-US')} at a time.` };
  }
  if (!Number.isSafeInteger(value)) return { ok: false, error: 'That number is too large.' };
  return { ok: true, value };
}

/** An amount per hour as typed: positive, at most three decimals, at least the SKU's minimum. */
export function checkHourlyCommitment(text: string, minimum: number | null): Checked<number> {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: false, error: 'Enter an amount per hour, such as 0.50.' };
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return { ok: false, error: 'Enter an amount per hour, such as 0.50.' };
  const value = Number(trimmed);
  if (value <= 0) return { ok: false, error: 'The amount per hour must be more than 0.' };
  if ((trimmed.split('.')[1] ?? '').length > 3) {
    return { ok: false, error: 'Use at most three decimals, such as 0.125.' };
  }
  if (minimum !== null && value < minimum)
    return { ok: false, error: `The smallest commitment is ${minimum} per hour.` };
  if (value > MAX_HOURLY_COMMITMENT) {
    return {
      ok: false,
      error: `That is more than ${MAX_HOURLY_COMMITMENT.toLocaleString('en-US')} per hour: check the amount.`,
    };
  }
  return { ok: true, value };
}

/** A friendly name as typed: empty means "make one", otherwise within the length limit. */
export function checkFriendlyName(text: string): Checked<string> {
  const trimmed = text.trim();
  if (trimmed.length > FRIENDLY_NAME_MAX_LENGTH) {
    return { ok: false, error: `Use at most ${FRIENDLY_NAME_MAX_LENGTH} characters.` };
  }
  return { ok: true, value: trimmed };
}

const TERMS: ReadonlyArray<TermDuration> = ['P1Y', 'P3Y', 'P5Y'];

/** `P1Y`, `1Year`, `1 year` or `3years` as an ISO term the cart takes, or null. */
export function toTerm(raw: string | null): TermDuration | null {
  if (!raw) return null;
  const iso = raw.trim().toUpperCase();
  if ((TERMS as ReadonlyArray<string>).includes(iso)) return iso as TermDuration;
  const years = /^(\d)\s*YEARS?$/.exec(iso)?.[1];
  const term = years ? `P${years}Y` : null;
  return term && (TERMS as ReadonlyArray<string>).includes(term) ? (term as TermDuration) : null;
}

/** "1 year", "3 years": declared with the catalog's other labels. */
export { termLabel };

/** A term the SKU can be bought for, with the availability that offers it. */
export interface TermChoice {
  readonly term: TermDuration;
  readonly availabilityId: string;
}

/** The terms the SKU's purchasable availabilities list, each once, shortest first. */
export function termChoices(
  sku: Pick<CatalogSku, 'term'>,
  availabilities: ReadonlyArray<CatalogAvailability>,
): TermChoice[] {
  const choices = new Map<TermDuration, string>();
  for (const availability of availabilities) {
    if (availability.isPurchasable === false) continue;
    const terms = availability.terms.map((t) => toTerm(t.duration) ?? toTerm(t.description));
    // A legacy SKU's availability may list no term: the SKU's own term applies.
    for (const term of terms.length > 0 ? terms : [toTerm(sku.term)]) {
      if (term && !choices.has(term)) choices.set(term, availability.availabilityId);
    }
  }
  return [...choices]
    .map(([term, availabilityId]) => ({ term, availabilityId }))
    .sort((a, b) => a.term.localeCompare(b.term));
}

/** The name a line gets when the person gives none: what and where, within the length limit. */
export function defaultFriendlyName(
  sku: Pick<CatalogSku, 'armSkuName' | 'title' | 'armRegionName'>,
  term: TermDuration,
): string {
  const name = [sku.armSkuName ?? sku.title, sku.armRegionName, termLabel(term).replace(' ', '')]
    .filter(Boolean)
    .join('-')
    .replace(/\s+/g, '_');
  return name.slice(0, FRIENDLY_NAME_MAX_LENGTH);
}

/** "Monthly" and "Up front" for the billing plans a SKU lists. */
export function billingPlanLabel(plan: 'one_time' | 'monthly'): string {
  return plan === 'monthly' ? 'Monthly' : 'All up front';
}
