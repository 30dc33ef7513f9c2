/**
 * The customer list with billing countries: Partner Center's list has no address, so the service reads
 * each customer once (remembered for the run), tolerates one that cannot be read, and stops doing so
 * for partners with so many customers that it would spend minutes of the request budget.
 */
import { describe, expect, it } from 'vitest';
import {
  BILLING_COUNTRY_LOOKUP_LIMIT,
  createCustomerService,
} from '../../../main/customers/customer-service';
import type { Customer, PartnerCenterClient } from '../../../main/partner-center';

function listItem(id: string, name: string): Customer {
  return { id, companyProfile: { companyName: name, domain: `${id}.onmicrosoft.com` } } as Customer;
}

/** A client that lists `count` customers and answers details with a billing country, counting calls. */
function fakeClient(count: number, options: { failFor?: string } = {}) {
  const calls = { details: 0 };
  const listed = Array.from({ length: count }, (_, i) =>
    listItem(`c${i}`, `Customer ${String(i).padStart(4, '0')}`),
  );
  const client = {
    listCustomers: () => ({ toArray: () => Promise.resolve(listed) }),
    getCustomer: (id: string) => {
      calls.details += 1;
      if (id === options.failFor) return Promise.reject(new Error('403 no relationship'));
      const item = listed.find((c) => c.id === id)!;
      return Promise.resolve({ ...item, billingProfile: { defaultAddress: { country: 'de' } } } as Customer);
    },
  };
  return { client: client as unknown as PartnerCenterClient, calls };
}

describe('customer list', () => {
  it('fills in each billing country once per run', async () => {
    const { client, calls } = fakeClient(3);
    const service = createCustomerService(() => Promise.resolve(client));
    const first = await service.list('p1');
    expect(first.map((c) => c.country)).toEqual(['DE', 'DE', 'DE']);
    expect(calls.details).toBe(3);
    await service.list('p1');
    expect(calls.details).toBe(3);
  });

  it('leaves the country of a customer that cannot be read unknown, and lists the others', async () => {
    const { client } = fakeClient(3, { failFor: 'c1' });
    const list = await createCustomerService(() => Promise.resolve(client)).list('p1');
    expect(list.map((c) => [c.id, c.country])).toEqual([
      ['c0', 'DE'],
      ['c1', null],
      ['c2', 'DE'],
    ]);
  });

  it('does not read every customer of a very large partner', async () => {
    const { client, calls } = fakeClient(BILLING_COUNTRY_LOOKUP_LIMIT + 1);
    const list = await createCustomerService(() => Promise.resolve(client)).list('p1');
    expect(list).toHaveLength(BILLING_COUNTRY_LOOKUP_LIMIT + 1);
    expect(calls.details).toBe(0);
    expect(list.every((c) => c.country === null)).toBe(true);
  });

  it('reads one customer with its country, and remembers it for the list', async () => {
    const { client, calls } = fakeClient(2);
    const service = createCustomerService(() => Promise.resolve(client));
    expect(await service.get('p1', 'c1')).toMatchObject({ id: 'c1', country: 'DE' });
    await service.list('p1');
    expect(calls.details).toBe(2);
  });
});
