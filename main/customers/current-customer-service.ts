/**
 * Serves `customers.current` and `customers.choose`: the customer each profile works for, remembered
 * in settings so the app opens where the user left it. Reading it needs no network (it works offline);
 * choosing one reads the customer from Partner Center, so its billing country is the real one.
 */
import type { CurrentCustomer } from '../../preload/contract';
import { settingsFailure } from '../failures';
import { DeskFailure } from '../ipc/failure';
import { currentCustomerOf, findProfile, type SettingsStore } from '../settings';
import type { CustomerService } from './customer-service';

export interface CurrentCustomerService {
  current(profileId: string): CurrentCustomer | null;
  /** Remembers a customer of the profile (null forgets it); NOT_FOUND for an unknown profile or customer. */
  choose(profileId: string, customerId: string | null): Promise<CurrentCustomer | null>;
}

/** A two-letter billing country as markets are keyed, or null when Partner Center has none usable. */
function marketCode(country: string | null): string | null {
  const code = country?.trim() ?? '';
  return /^[A-Za-z]{2}$/.test(code) ? code.toUpperCase() : null;
}

export function createCurrentCustomerService(
  settings: SettingsStore,
  customers: Pick<CustomerService, 'get'>,
): CurrentCustomerService {
  const requireProfile = (profileId: string) => {
    if (!findProfile(settings.read(), profileId)) {
      throw new DeskFailure('NOT_FOUND', 'This profile no longer exists. Pick another one.');
    }
  };
  const save = (profileId: string, customer: CurrentCustomer | null) => {
    const result = settings.setCurrentCustomer(profileId, customer);
    if (!result.ok) throw settingsFailure(result);
    return result.customer;
  };

  return {
    current(profileId) {
      requireProfile(profileId);
      return currentCustomerOf(settings.read(), profileId);
    },
    async choose(profileId, customerId) {
      requireProfile(profileId);
      if (customerId === null) return save(profileId, null);
      const customer = await customers.get(profileId, customerId);
      return save(profileId, {
        id: customer.id,
        name: customer.name.slice(0, 200),
        country: marketCode(customer.country),
      });
    },
  };
}
