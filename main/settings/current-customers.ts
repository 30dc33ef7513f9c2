import { CurrentCustomer } from '../../preload/contract';
import { findProfile, invalid, type SettingsFailure } from './profiles';
import type { Settings } from './schema';

/** The customer a profile works for now, or null. */
export function currentCustomerOf(settings: Settings, profileId: string): CurrentCustomer | null {
  return Object.hasOwn(settings.currentCustomers, profileId)
    ? (settings.currentCustomers[profileId] ?? null)
    : null;
}

/** Makes a customer the current one of a profile, or forgets it with `null`. */
export function setCurrentCustomer(
  settings: Settings,
  profileId: string,
  customer: unknown,
): { ok: true; settings: Settings; customer: CurrentCustomer | null } | SettingsFailure {
  if (!findProfile(settings, profileId)) {
    return { ok: false, code: 'not-found', message: 'This profile no longer exists.', fieldErrors: {} };
  }
  const parsed = CurrentCustomer.nullable().safeParse(customer);
  if (!parsed.success) return invalid(parsed.error);
  const { [profileId]: _previous, ...others } = settings.currentCustomers;
  const currentCustomers = parsed.data ? { ...others, [profileId]: parsed.data } : others;
  return { ok: true, customer: parsed.data, settings: { ...settings, currentCustomers } };
}
