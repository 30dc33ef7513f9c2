/**
 * Which market the Catalog shows: a market picked by hand wins until the customer changes; otherwise
 * the current customer's billing country (Partner Center prices and sells in that market); otherwise
 * the profile's default country. Pure, so the rule is tested on its own.
 */
import type { CurrentCustomer } from '../../../preload/contract';

/** A market the user picked by hand, and the customer choice it was picked under. */
export interface ManualMarket {
  readonly profileId: string;
  /** The customers state's `choice` when it was picked: a later choice of customer overrides it. */
  readonly choice: number;
  readonly country: string;
}

/**
 * A hand-picked market as remembered across reloads: for the customer it was picked under (null:
 * none). Choosing a customer forgets it, as it ends the in-memory pick.
 */
export interface RememberedMarket {
  readonly profileId: string;
  readonly customerId: string | null;
  readonly country: string;
}

/** Why the Catalog shows the market it shows. */
export type MarketSource = 'manual' | 'customer' | 'profile';

export interface MarketInput {
  readonly profileId: string;
  readonly profileCountry: string;
  readonly customer: CurrentCustomer | null;
  readonly choice: number;
  readonly manual: ManualMarket | null;
  /** The hand-picked market of an earlier run of this window, if any. */
  readonly remembered?: RememberedMarket | null;
}

export function catalogMarket(input: MarketInput): { country: string; source: MarketSource } {
  const { manual } = input;
  if (manual && manual.profileId === input.profileId && manual.choice === input.choice) {
    return { country: manual.country.toUpperCase(), source: 'manual' };
  }
  const { remembered } = input;
  if (remembered?.profileId === input.profileId && remembered.customerId === (input.customer?.id ?? null)) {
    return { country: remembered.country.toUpperCase(), source: 'manual' };
  }
  if (input.customer?.country) return { country: input.customer.country.toUpperCase(), source: 'customer' };
  return { country: input.profileCountry.toUpperCase(), source: 'profile' };
}
