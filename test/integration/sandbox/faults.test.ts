/**
 * Fault injection (429, 500, 503, timeout, drop-after-commit, malformed), its determinism under the
 * seed, latency injection and the per-tenant rate limit on throttled operations (§3).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS } from '../../../main/sandbox/data';
import { parseFaultSpec } from '../../../main/sandbox/index';
import { at, azurePlanLine, startTestSandbox, type TestSandbox } from './sandbox-helpers';

const products = '/v1/products?country=US&targetView=AzureReservations';

async function withSandbox(
  options: Parameters<typeof startTestSandbox>[0],
  body: (t: TestSandbox) => Promise<void>,
): Promise<void> {
  const t = await startTestSandbox(options);
  try {
    await body(t);
  } finally {
    await t.close();
  }
}

describe('sandbox faults', () => {
  it('parses fault specs and rejects bad ones', () => {
    expect(
      parseFaultSpec('429:0.05,503:0.02,timeout:0.01,drop-after-commit:0.05,malformed:0.01'),
    ).toHaveLength(5);
    expect(() => parseFaultSpec('418:0.1')).toThrow(/unknown fault kind/);
    expect(() => parseFaultSpec('429:2')).toThrow(/from 0 to 1/);
    expect(() => parseFaultSpec('429:0.7,503:0.7')).toThrow(/more than 1/);
  });

  it('injects 429 with the gateway body and Retry-After, leaving identity alone', async () => {
    await withSandbox({ faults: '429:1' }, async (t) => {
      const response = await t.call(products);
      expect(response.status).toBe(429);
      expect(response.json).toEqual({
        statusCode: 429,
        message: 'Rate limit is exceeded. Try again in 1 seconds.',
      });
      expect(response.headers.get('retry-after')).toBe('1');
      const config = await fetch(`${t.sandbox.authority}/v2.0/.well-known/openid-configuration`);
      expect(config.status).toBe(200);
    });
  });

  it('injects 500 and 503 with Partner Center error bodies', async () => {
    await withSandbox({ faults: '500:1' }, async (t) => {
      const response = await t.call(products);
      expect(response.status).toBe(500);
      expect(response.json).toMatchObject({ code: 800003, source: 'PartnerFD' });
    });
    await withSandbox({ faults: '503:1' }, async (t) => {
      expect((await t.call(products)).status).toBe(503);
    });
  });

  it('injects malformed JSON and timeouts that answer after the client gave up', async () => {
    await withSandbox({ faults: 'malformed:1' }, async (t) => {
      const response = await t.call(products);
      expect(response.status).toBe(200);
      expect(() => JSON.parse(response.text) as unknown).toThrow();
    });
    await withSandbox({ faults: 'timeout:1', faultTimeoutMs: 1_500 }, async (t) => {
      const started = Date.now();
      await expect(
        fetch(`${t.sandbox.baseUrl}${products}`, {
          headers: { Authorization: `Bearer ${t.userToken}` },
          signal: AbortSignal.timeout(300),
        }),
      ).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(1_400);
      // A patient client does get the (late) answer.
      const late = await t.call(products);
      expect(late.status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
    });
  });

  it('drops the connection after committing a write; a retry with the same MS-RequestId gets the one order', async () => {
    await withSandbox({}, async (t) => {
      const customer = DEMO_CUSTOMERS.azurePlan;
      const cart = await t.call(`/v1/customers/${customer}/carts`, {
        method: 'POST',
        body: { lineItems: [await azurePlanLine(t)] },
      });
      expect(at(cart.json, 'lineItems', 0, 'error')).toBeUndefined();
      const checkout = `${t.sandbox.baseUrl}/v1/customers/${customer}/carts/${String(at(cart.json, 'id'))}/checkout`;
      const requestId = randomUUID();
      await expect(
        fetch(checkout, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${t.userToken}`,
            'MS-RequestId': requestId,
            'X-Sandbox-Fault': 'drop-after-commit',
          },
        }),
      ).rejects.toThrow();
      const retry = await t.call(checkout.slice(t.sandbox.baseUrl.length), {
        method: 'POST',
        headers: { 'MS-RequestId': requestId },
      });
      expect(retry.status).toBe(201);
      const orderId = String(at(retry.json, 'orders', 0, 'id'));
      const orders = (
        at((await t.call(`/v1/customers/${customer}/orders`)).json, 'items') as Record<string, unknown>[]
      ).filter(
        (o) =>
          at(o, 'lineItems', 0, 'offerId') === at(cart.json, 'lineItems', 0, 'catalogItemId') &&
          String(o.creationDate) >= String(at(cart.json, 'creationTimestamp')),
      );
      expect(orders.map((o) => o.id)).toEqual([orderId]);
    });
  });

  it('draws the same faults for the same seed and different ones for another seed', async () => {
    const statuses = async (seed: number): Promise<number[]> => {
      const out: number[] = [];
      await withSandbox({ seed, faults: '503:0.3,429:0.2' }, async (t) => {
        for (let i = 0; i < 40; i++) out.push((await t.call(products)).status);
      });
      return out;
    };
    const a = await statuses(7);
    const b = await statuses(7);
    const c = await statuses(8);
    expect(a).toEqual(b);
    expect(new Set(a)).toEqual(new Set([200, 429, 503]));
    expect(c).not.toEqual(a);
  });

  it('adds latency to API calls', async () => {
    await withSandbox({ latencyMs: 150 }, async (t) => {
      const started = Date.now();
      await t.call(products);
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    });
  });

  it('rate-limits throttled operations per partner tenant with 429 and Retry-After', async () => {
    await withSandbox({ rateLimitPerMinute: 3 }, async (t) => {
      const path = `/v1/customers/${DEMO_CUSTOMERS.azurePlan}/orders`;
      for (let i = 0; i < 3; i++) expect((await t.call(path)).status).toBe(200);
      const limited = await t.call(path, { token: t.appToken });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(String(at(limited.json, 'message'))).toMatch(
        /Rate limit is exceeded\. Try again in \d+ seconds\./,
      );
      // Catalog reads are not on §3's throttled list.
      expect((await t.call(products)).status).toBe(200);
    });
  });
});
