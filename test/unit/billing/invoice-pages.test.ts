/**
 * A large partner's invoice list: every invoice is read and cached (real SQLite), and the list is
 * served a page at a time with its filters, so the screen reaches the 1,234th invoice as well as the
 * first (the screen used to stop at 500).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBillingCalls } from '../../../main/billing/billing-calls';
import { createBillingService } from '../../../main/billing/billing-service';
import { openDatabase } from '../../../main/database';
import { invoiceSchema, type PartnerCenterClient } from '../../../main/partner-center';
import type { ReconciliationClient } from '../../../main/partner-center/reconciliation';

const TOTAL = 1_234;

function invoices() {
  return Array.from({ length: TOTAL }, (_, i) =>
    invoiceSchema.parse({
      id: `G${String(i).padStart(6, '0')}`,
      invoiceDate: `20${10 + Math.floor(i / 120)}-${String((i % 12) + 1).padStart(2, '0')}-08T00:00:00Z`,
      billingPeriodStartDate: `20${10 + Math.floor(i / 120)}-${String((i % 12) + 1).padStart(2, '0')}-01T00:00:00Z`,
      invoiceType: i % 2 === 0 ? 'Recurring' : 'OneTime',
      currencyCode: i % 3 === 0 ? 'EUR' : 'USD',
      totalCharges: i,
      invoiceDetails: [],
      amendments: [],
    }),
  );
}

describe('a large partner’s invoice list', () => {
  it('serves every invoice a page at a time, filtered by type and currency', async () => {
    const all = invoices();
    let reads = 0;
    const client = {
      listInvoices: () => ({
        toArray: () => {
          reads++;
          return Promise.resolve(all);
        },
      }),
    } as unknown as PartnerCenterClient; // only the list is read in this test
    const service = createBillingService({
      db: openDatabase({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'desk-invoices-')) }),
      clientFor: () => Promise.resolve(client),
      reconciliationFor: () => Promise.reject<ReconciliationClient>(new Error('not used')),
      statementFolder: () => '/unused',
      exportFolder: () => '/unused',
    });
    const calls = createBillingCalls({
      billing: service,
      tasks: { start: () => ({ taskId: 't', joined: false }) },
      statementFolder: () => '/unused',
    });

    const seen = new Set<string>();
    for (let offset = 0; offset < TOTAL; offset += 100) {
      const page = await calls.invoices('p1', { offset, limit: 100 });
      expect(page.total).toBe(TOTAL);
      for (const invoice of page.items) seen.add(invoice.id);
    }
    expect(seen.size).toBe(TOTAL);
    // Read from Partner Center once; the other pages come from the cache.
    expect(reads).toBe(1);

    const oneTimeEur = await calls.invoices('p1', {
      invoiceType: 'OneTime',
      currencyCode: 'EUR',
      offset: 200,
      limit: 100,
    });
    const expected = all.filter((i) => i.invoiceType === 'OneTime' && i.currencyCode === 'EUR');
    expect(oneTimeEur.total).toBe(expected.length);
    expect(oneTimeEur.items).toHaveLength(expected.length - 200);
    expect(oneTimeEur.items.every((i) => i.invoiceType === 'OneTime' && i.currencyCode === 'EUR')).toBe(true);
  });
});
