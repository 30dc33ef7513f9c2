/**
 * Same seed, same data: two sandboxes started with one seed serve identical catalogs, customers and
 * invoices; another seed serves different history.
 */
import { describe, expect, it } from 'vitest';
import { itemsOf, startTestSandbox, type TestSandbox } from './sandbox-helpers';

const NOW = new Date('2026-06-15T12:00:00Z');

async function snapshot(t: TestSandbox): Promise<unknown[]> {
  const products = await t.call(
    '/v1/products?country=US&targetView=AzureReservations&reservationScope=AzurePlan',
  );
  const first = itemsOf(products.json)[0]!;
  const skus = await t.call(`/v1/products/${String(first.id)}/skus?country=US&reservationScope=AzurePlan`);
  const customers = await t.call('/v1/customers?size=50');
  const invoices = await t.call('/v1/invoices?size=50');
  const lines = await t.call(
    `/v1/invoices/${t.sandbox.world.largestInvoiceId}/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&size=50`,
  );
  return [
    products.json,
    skus.json,
    customers.json,
    invoices.json,
    lines.json,
    t.sandbox.tenantId,
    t.sandbox.clientId,
  ];
}

describe('sandbox determinism', () => {
  it('serves identical data for the same seed and different history for another', async () => {
    const a = await startTestSandbox({ seed: 42, now: NOW });
    const b = await startTestSandbox({ seed: 42, now: NOW });
    const c = await startTestSandbox({ seed: 43, now: NOW });
    try {
      const [sa, sb, sc] = await Promise.all([snapshot(a), snapshot(b), snapshot(c)]);
      expect(sb).toEqual(sa);
      expect(sc[3]).not.toEqual(sa[3]);
      expect(sc[5]).not.toEqual(sa[5]);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });
});
