import { describe, expect, it } from 'vitest';
import { initialCatalogState, marketPicked, selectCatalog } from '../../../renderer/src/state/catalog';
import { catalogMarket, type MarketInput } from '../../../renderer/src/state/catalog-market';

const base: MarketInput = {
  profileId: 'demo',
  profileCountry: 'US',
  customer: null,
  choice: 3,
  manual: null,
};
const northwind = { id: 'c3', name: 'Northwind Traders GmbH', country: 'DE' };

describe('the catalog’s market', () => {
  it('is the profile’s default market when no customer is chosen', () => {
    expect(catalogMarket(base)).toEqual({ country: 'US', source: 'profile' });
  });

  it('is the current customer’s billing country once a customer is chosen', () => {
    expect(catalogMarket({ ...base, customer: northwind })).toEqual({ country: 'DE', source: 'customer' });
  });

  it('falls back to the profile’s default for a customer without a billing country', () => {
    expect(catalogMarket({ ...base, customer: { ...northwind, country: null } })).toEqual({
      country: 'US',
      source: 'profile',
    });
  });

  it('is a market where reservations are not sold, too, when that is the billing country', () => {
    expect(catalogMarket({ ...base, customer: { ...northwind, country: 'BR' } }).country).toBe('BR');
  });

  it('is the market picked by hand until the customer changes', () => {
    const manual = { profileId: 'demo', choice: 3, country: 'se' };
    expect(catalogMarket({ ...base, customer: northwind, manual })).toEqual({
      country: 'SE',
      source: 'manual',
    });
    // Choosing a customer (even the same one again) bumps the choice: the customer's country wins again.
    expect(catalogMarket({ ...base, customer: northwind, choice: 4, manual })).toEqual({
      country: 'DE',
      source: 'customer',
    });
    // A pick made under another profile does not apply.
    expect(catalogMarket({ ...base, profileId: 'other', manual }).source).toBe('profile');
  });

  it('keeps a hand-picked market in the catalog state across catalog changes', () => {
    const us = selectCatalog(initialCatalogState, { profileId: 'demo', country: 'US', scope: 'AzurePlan' });
    const picked = marketPicked(us, { profileId: 'demo', choice: 3, country: 'gb' });
    expect(picked.manualMarket).toEqual({ profileId: 'demo', choice: 3, country: 'GB' });
    const gb = selectCatalog(picked, { profileId: 'demo', country: 'GB', scope: 'AzurePlan' });
    expect(gb.manualMarket).toEqual(picked.manualMarket);
    expect(gb.selection?.country).toBe('GB');
  });

  it('keeps a market picked by hand across a reload, for the customer it was picked under only', () => {
    const remembered = { profileId: 'demo', customerId: northwind.id, country: 'se' };
    expect(catalogMarket({ ...base, customer: northwind, remembered })).toEqual({
      country: 'SE',
      source: 'manual',
    });
    expect(
      catalogMarket({ ...base, customer: { ...northwind, id: 'c4', country: 'FR' }, remembered }),
    ).toEqual({ country: 'FR', source: 'customer' });
    expect(catalogMarket({ ...base, profileId: 'other', customer: northwind, remembered })).toEqual({
      country: 'DE',
      source: 'customer',
    });
    // Picked with no customer chosen: applies while there is still none.
    expect(catalogMarket({ ...base, remembered: { ...remembered, customerId: null } })).toEqual({
      country: 'SE',
      source: 'manual',
    });
  });
});
