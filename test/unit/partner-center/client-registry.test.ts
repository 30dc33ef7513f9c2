/** The client registry: one client per profile, remade when the profile changes, one budget per tenant. */
import { describe, expect, it } from 'vitest';
import { RequestBudget, defaultBudgetOptions } from '../../../main/partner-center';
import { createClientRegistry, type ClientEndpoint } from '../../../main/partner-center/client-registry';

function registry(endpoints: Record<string, ClientEndpoint>) {
  const budgets = new Map<string, RequestBudget>();
  const budgetAskedFor: string[] = [];
  const clients = createClientRegistry({
    appName: 'Reservation Desk',
    endpointFor: (profileId) => {
      const endpoint = endpoints[profileId];
      return endpoint ? Promise.resolve(endpoint) : Promise.reject(new Error('no such profile'));
    },
    getAccessToken: (profileId) => Promise.resolve(`token-${profileId}`),
    budgetFor: (tenantId) => {
      budgetAskedFor.push(tenantId);
      const budget = budgets.get(tenantId) ?? new RequestBudget(defaultBudgetOptions);
      budgets.set(tenantId, budget);
      return budget;
    },
  });
  return { clients, budgetAskedFor, budgets };
}

const endpoint = (tenantId: string, version = '1'): ClientEndpoint => ({
  tenantId,
  baseUrl: 'http://127.0.0.1:1',
  locale: 'en-US',
  version,
});

describe('client registry', () => {
  it('gives every capability the same client for a profile, until the profile changes', async () => {
    const endpoints = { a: endpoint('t1') };
    const { clients } = registry(endpoints);
    const first = await clients.clientFor('a');
    expect(await clients.clientFor('a')).toBe(first);
    endpoints.a = endpoint('t1', '2');
    expect(await clients.clientFor('a')).not.toBe(first);
  });

  it('makes a new client after forget (sign-out, removal)', async () => {
    const { clients } = registry({ a: endpoint('t1') });
    const first = await clients.clientFor('a');
    clients.forget('a');
    expect(await clients.clientFor('a')).not.toBe(first);
  });

  it('gives each client the budget of its tenant, so profiles of one tenant share one limit', async () => {
    const t = registry({ a: endpoint('t1'), b: endpoint('t1'), c: endpoint('t2') });
    await Promise.all(['a', 'b', 'c'].map((id) => t.clients.clientFor(id)));
    expect(t.budgetAskedFor).toEqual(['t1', 't1', 't2']);
    expect(t.budgets.size).toBe(2);
  });

  it('refuses a profile that does not exist', async () => {
    const { clients } = registry({});
    await expect(clients.clientFor('gone')).rejects.toThrow('no such profile');
  });
});
