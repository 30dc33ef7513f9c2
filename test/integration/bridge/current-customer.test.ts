/**
 * Customers and the current customer over the real dispatcher and the embedded sandbox: the list
 * carries billing countries (Partner Center's list has none, so main reads each customer), a chosen
 * customer is remembered with its billing country across a restart without the network, bad input is
 * refused, and the choice is cleared, and goes away with its profile.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS } from '../../../main/sandbox/data/customers';
import type { CurrentCustomerAnswer, CustomerSummary } from '../../../preload/contract';
import { appPerFile, signInDemo } from './app-core';

const app = appPerFile('desk-current-customer-');
let customers: CustomerSummary[];

beforeAll(async () => {
  ({ customers } = await app.value<{ customers: CustomerSummary[] }>('customers.list', {
    profileId: 'demo',
  }));
});

const choose = (customerId: unknown, profileId = 'demo') =>
  app.call('customers.choose', { profileId, customerId });

describe('the customer list', () => {
  it('names each customer’s billing country, which Partner Center’s list itself leaves out', () => {
    const byId = new Map(customers.map((c) => [c.id, c]));
    expect(byId.get(DEMO_CUSTOMERS.azurePlan)).toMatchObject({ name: 'Contoso Ltd.', country: 'US' });
    expect(byId.get(DEMO_CUSTOMERS.unregistered)).toMatchObject({
      name: 'Northwind Traders GmbH',
      country: 'DE',
    });
    expect(byId.get(DEMO_CUSTOMERS.unavailableMarket)?.country).toBe('BR');
    expect(customers.every((c) => c.country !== null)).toBe(true);
    expect(customers.map((c) => c.name)).toEqual(
      [...customers.map((c) => c.name)].sort((a, b) => a.localeCompare(b)),
    );
  });
});

describe('the current customer', () => {
  it('is none until one is chosen', async () => {
    expect(await app.value('customers.current', { profileId: 'demo' })).toEqual({ customer: null });
  });

  it('is remembered with its billing country, also after a restart with no network', async () => {
    const northwind = { id: DEMO_CUSTOMERS.unregistered, name: 'Northwind Traders GmbH', country: 'DE' };
    expect(await choose(DEMO_CUSTOMERS.unregistered)).toEqual({ ok: true, value: { customer: northwind } });

    await app.restart(); // a new run: not signed in, so Partner Center cannot be asked
    expect(await app.value<CurrentCustomerAnswer>('customers.current', { profileId: 'demo' })).toEqual({
      customer: northwind,
    });
    // Choosing needs Partner Center, so the app says so instead of guessing a country.
    expect(await choose(DEMO_CUSTOMERS.azurePlan)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    await signInDemo(app);
  });

  it('refuses bad input with INVALID_INPUT, an unknown profile with NOT_FOUND, and a stranger', async () => {
    for (const customerId of ['', 'x'.repeat(65), 42, { id: DEMO_CUSTOMERS.azurePlan }]) {
      expect(await choose(customerId), JSON.stringify(customerId)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(
      await app.call('customers.choose', {
        profileId: 'demo',
        customerId: DEMO_CUSTOMERS.azurePlan,
        country: 'US',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await choose(DEMO_CUSTOMERS.azurePlan, 'nobody')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // A customer that is not this partner's: Partner Center answers 403 (no relationship) or 404.
    const stranger = await choose('00000000-0000-4000-8000-000000000000');
    expect(stranger.ok).toBe(false);
    if (!stranger.ok) expect(['FORBIDDEN', 'NOT_FOUND']).toContain(stranger.error.code);
    expect(await app.call('customers.current', { profileId: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // The refused calls changed nothing.
    expect(await app.value<CurrentCustomerAnswer>('customers.current', { profileId: 'demo' })).toMatchObject({
      customer: { id: DEMO_CUSTOMERS.unregistered },
    });
  });

  it('is cleared with null, and goes away with its profile', async () => {
    expect(await choose(null)).toEqual({ ok: true, value: { customer: null } });
    expect(await choose(DEMO_CUSTOMERS.unavailableMarket)).toMatchObject({
      ok: true,
      value: { customer: { country: 'BR' } },
    });
    await app.value('profiles.remove', { profileId: 'demo' });
    const settings = readFileSync(path.join(app.dataDir, 'settings.json'), 'utf8');
    expect(settings).not.toContain(DEMO_CUSTOMERS.unavailableMarket);
    expect(app.unexpected).toEqual([]);
  });
});
