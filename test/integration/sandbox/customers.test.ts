/**
 * Customers and subscriptions (§13): seek paging over 3+ pages, customer by id, subscriptions,
 * and the demo customers' situations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS, DEMO_SUBSCRIPTIONS } from '../../../main/sandbox/data';
import { at, itemsOf, startTestSandbox, type TestSandbox } from './sandbox-helpers';

describe('sandbox customers', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(() => t.close());

  it('seek-pages every customer in 3+ pages with MS-ContinuationToken', async () => {
    let path: string | undefined = '/v1/customers?size=20';
    let headers: Record<string, string> = {};
    const ids: string[] = [];
    let pages = 0;
    while (path) {
      const page = await t.call(path, { headers, token: t.appToken });
      expect(page.status).toBe(200);
      pages++;
      const items = itemsOf(page.json);
      for (const item of items) {
        expect(Object.keys(item.companyProfile as object).sort()).toEqual([
          'attributes',
          'companyName',
          'domain',
          'tenantId',
        ]);
        expect(item.relationshipToPartner).toBe('reseller');
        expect(at(item, 'attributes', 'objectType')).toBe('Customer');
      }
      ids.push(...items.map((i) => String(i.id)));
      const next = at(page.json, 'links', 'next') as
        { uri: string; headers: { key: string; value: string }[] } | undefined;
      path = next ? `/v1${next.uri}` : undefined;
      headers = next ? Object.fromEntries(next.headers.map((h) => [h.key, h.value])) : {};
    }
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(ids).toHaveLength(t.sandbox.world.customers.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 6)).toEqual(Object.values(DEMO_CUSTOMERS));
    const badToken = await t.call('/v1/customers?size=20&seekOperation=Next', {
      headers: { 'MS-ContinuationToken': 'garbage' },
    });
    expect(badToken.status).toBe(400);
  });

  it('gets a customer by id with company and billing profiles; 403/20002 for strangers', async () => {
    const response = await t.call(`/v1/customers/${DEMO_CUSTOMERS.legacyAzure}`);
    expect(response.status).toBe(200);
    expect(at(response.json, 'billingProfile', 'defaultAddress', 'country')).toBe('GB');
    expect(at(response.json, 'companyProfile', 'companyName')).toEqual(expect.any(String));
    expect(at(response.json, 'attributes', 'objectType')).toBe('Customer');
    const stranger = await t.call('/v1/customers/00000000-0000-4000-8000-000000000000');
    expect(stranger.status).toBe(403);
    expect(at(stranger.json, 'code')).toBe(20002);
  });

  it('lists subscriptions: Azure plan, legacy MS-AZR-0145P, suspended, none', async () => {
    const plan = itemsOf((await t.call(`/v1/customers/${DEMO_CUSTOMERS.azurePlan}/subscriptions`)).json);
    expect(plan.some((s) => String(s.offerId).startsWith('DZH318Z0BPS6') && s.status === 'active')).toBe(
      true,
    );
    const legacy = itemsOf((await t.call(`/v1/customers/${DEMO_CUSTOMERS.legacyAzure}/subscriptions`)).json);
    expect(legacy.some((s) => s.offerId === 'MS-AZR-0145P')).toBe(true);
    const suspended = await t.call(
      `/v1/customers/${DEMO_CUSTOMERS.suspended}/subscriptions/${DEMO_SUBSCRIPTIONS.suspended}`,
    );
    expect(at(suspended.json, 'status')).toBe('suspended');
    const none = itemsOf((await t.call(`/v1/customers/${DEMO_CUSTOMERS.noAzure}/subscriptions`)).json);
    expect(
      none.some((s) => s.offerId === 'MS-AZR-0145P' || String(s.offerId).startsWith('DZH318Z0BPS6')),
    ).toBe(false);
    const missing = await t.call(
      `/v1/customers/${DEMO_CUSTOMERS.azurePlan}/subscriptions/00000000-0000-4000-8000-000000000000`,
    );
    expect(missing.status).toBe(404);
    expect(at(missing.json, 'code')).toBe(20003);
  });
});
