import { describe, expect, it } from 'vitest';
import type { CustomerSummary, DeskError } from '../../../preload/contract';
import {
  countryName,
  currentFailed,
  customerPage,
  CUSTOMERS_PER_PAGE,
  filterChanged,
  pageChanged,
  sortChanged,
  currentLoaded,
  customerChosen,
  initialCustomersState,
  listSettled,
  listRequested,
  profileSelected,
  subscriptionsRequested,
  subscriptionsSettled,
  subscriptionsToggled,
  visibleCustomers,
} from '../../../renderer/src/state/customers';

const contoso: CustomerSummary = {
  id: 'c1',
  name: 'Contoso Ltd.',
  country: 'US',
  domain: 'contoso.onmicrosoft.com',
};
const northwind: CustomerSummary = {
  id: 'c3',
  name: 'Northwind Traders GmbH',
  country: 'DE',
  domain: 'northwind.onmicrosoft.com',
};
const nowhere: CustomerSummary = { id: 'c9', name: 'Stateless Inc', country: null, domain: null };
const offline: DeskError = { code: 'OFFLINE', message: 'Partner Center cannot be reached.' };

const demo = profileSelected(initialCustomersState, 'demo');
const current = (customer: CustomerSummary) => ({
  id: customer.id,
  name: customer.name,
  country: customer.country,
});

describe('customers state', () => {
  it('starts over for another profile, keeping the choice counter moving forward', () => {
    const chosen = customerChosen(currentLoaded(demo, 'demo', null), 'demo', current(contoso));
    const other = profileSelected(chosen, 'other');
    expect(other).toMatchObject({
      profileId: 'other',
      current: null,
      currentKnown: false,
      list: { status: 'idle' },
    });
    expect(other.choice).toBeGreaterThan(chosen.choice);
    expect(profileSelected(chosen, 'demo')).toBe(chosen);
  });

  it('knows the current customer once main answers, and ignores a late answer for another profile', () => {
    expect(demo.currentKnown).toBe(false);
    const known = currentLoaded(demo, 'demo', current(northwind));
    expect(known).toMatchObject({ currentKnown: true, current: { id: 'c3', country: 'DE' } });
    expect(currentLoaded(demo, 'someone-else', current(northwind))).toBe(demo);
  });

  it('carries on without a customer when the remembered one cannot be read', () => {
    const failed = currentFailed(demo, 'demo', offline);
    expect(failed).toMatchObject({ currentKnown: true, current: null, currentError: offline });
  });

  it('bumps the choice on every choice, even of the same customer, so a hand-picked market yields', () => {
    const first = customerChosen(demo, 'demo', current(contoso));
    const again = customerChosen(first, 'demo', current(contoso));
    const cleared = customerChosen(again, 'demo', null);
    expect(first.choice).toBeLessThan(again.choice);
    expect(again.choice).toBeLessThan(cleared.choice);
    expect(cleared.current).toBeNull();
  });

  it('tracks the list: loading, loaded, failed (offline keeps the current customer)', () => {
    const chosen = customerChosen(demo, 'demo', current(contoso));
    const loading = listRequested(chosen, 'demo');
    expect(loading.list.status).toBe('loading');
    expect(listSettled(loading, 'demo', { ok: true, value: [contoso, northwind] }).list).toEqual({
      status: 'ready',
      value: [contoso, northwind],
    });
    const failed = listSettled(loading, 'demo', { ok: false, error: offline });
    expect(failed.list).toEqual({ status: 'error', error: offline });
    expect(failed.current?.name).toBe('Contoso Ltd.');
    expect(listSettled(loading, 'other', { ok: true, value: [contoso] })).toBe(loading);
  });

  it('keeps the list read before while it is read again, and when that fails', () => {
    const loaded = listSettled(listRequested(demo, 'demo'), 'demo', { ok: true, value: [contoso] });
    const again = listRequested(loaded, 'demo');
    expect(again.list).toEqual({ status: 'loading', previous: [contoso] });
    const failed = listSettled(again, 'demo', { ok: false, error: offline });
    expect(failed.list).toEqual({ status: 'error', error: offline, previous: [contoso] });
  });

  it('shows one customer’s subscriptions at a time', () => {
    const open = subscriptionsToggled(demo, 'c1');
    expect(open.expandedId).toBe('c1');
    expect(subscriptionsToggled(open, 'c3').expandedId).toBe('c3');
    expect(subscriptionsToggled(open, 'c1').expandedId).toBeNull();
    const asked = subscriptionsRequested(open, 'demo', 'c1');
    expect(asked.subscriptions.c1).toEqual({ status: 'loading' });
    const loaded = subscriptionsSettled(asked, 'demo', 'c1', { ok: true, value: [] });
    expect(loaded.subscriptions.c1).toEqual({ status: 'ready', value: [] });
    expect(subscriptionsSettled(asked, 'other', 'c1', { ok: true, value: [] })).toBe(asked);
  });
});

describe('customer helpers', () => {
  it('names billing countries in English', () => {
    expect(countryName('DE')).toBe('Germany');
    expect(countryName('gb')).toBe('United Kingdom');
    expect(countryName(null)).toBe('No billing country');
  });

  it('filters on every word, in name, domain, country code and country name', () => {
    const all = [contoso, northwind, nowhere];
    expect(visibleCustomers(all, '')).toBe(all);
    expect(visibleCustomers(all, 'north')).toEqual([northwind]);
    expect(visibleCustomers(all, 'germany')).toEqual([northwind]);
    expect(visibleCustomers(all, 'contoso.onmicrosoft')).toEqual([contoso]);
    expect(visibleCustomers(all, 'ltd united')).toEqual([contoso]);
    expect(visibleCustomers(all, 'ltd germany')).toEqual([]);
    expect(visibleCustomers(all, '  STATELESS ')).toEqual([nowhere]);
  });
});

describe('the customer table’s order and pages', () => {
  const many = Array.from({ length: 120 }, (_, i) => ({
    id: `c${i}`,
    name: `Customer ${i + 1}`,
    domain: `d${(i * 7) % 120}.example`,
    country: i % 2 ? 'DE' : 'FR',
  }));

  it('sorts by a column, reversed by a second click, from the first page', () => {
    let state = pageChanged({ ...initialCustomersState }, 2);
    state = sortChanged(state, 'name');
    expect(state.sort).toEqual({ column: 'name', direction: 'descending' });
    expect(state.page).toBe(0);
    state = sortChanged(state, 'country');
    expect(state.sort).toEqual({ column: 'country', direction: 'ascending' });
    expect(filterChanged(pageChanged(state, 1), 'x').page).toBe(0);
  });

  it('pages through them, numbers in names in their natural order, ties by name', () => {
    const first = customerPage(many, { column: 'name', direction: 'ascending' }, 0);
    expect(first.pageCount).toBe(Math.ceil(120 / CUSTOMERS_PER_PAGE));
    expect(first.rows.slice(0, 3).map((c) => c.name)).toEqual(['Customer 1', 'Customer 2', 'Customer 3']);
    const last = customerPage(many, { column: 'name', direction: 'descending' }, 99);
    expect(last.page).toBe(first.pageCount - 1);
    expect(last.rows.at(-1)?.name).toBe('Customer 1');
    // By country name: France before Germany; within France, by name.
    const byCountry = customerPage(many, { column: 'country', direction: 'ascending' }, 0, 200).rows;
    expect(byCountry[0]).toMatchObject({ country: 'FR', name: 'Customer 1' });
    expect(byCountry.at(-1)?.country).toBe('DE');
  });
});
