/**
 * The billing service: balance, summaries and invoices cached per profile with their age and served
 * offline; a line-items job that leaves rows to filter and total, and a CSV file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBillingService, type BillingService } from '../../../main/billing/billing-service';
import { largestInvoiceId, startBillingFixture, type BillingFixture } from './helpers';

describe('billing service', () => {
  let f: BillingFixture;
  let service: BillingService;
  beforeAll(async () => {
    f = await startBillingFixture({ lineItems: 1_500 });
    service = createBillingService({
      db: f.openDb(),
      clientFor: () => Promise.resolve(f.partnerCenter),
      reconciliationFor: () => Promise.resolve(f.reconciliation),
      statementFolder: () => path.join(f.dir, 'statements'),
      exportFolder: () => path.join(f.dir, 'exports'),
    });
  });
  afterAll(() => f.close());

  it('filters invoices by currency, type and number, and marks where line items come from', async () => {
    const all = await service.invoices('p', { limit: 1000 });
    expect(all.total).toBe(f.sandbox.world.invoices.length);
    const eur = await service.invoices('p', { currencyCode: 'EUR', invoiceType: 'OneTime', limit: 1000 });
    expect(eur.items.length).toBeGreaterThan(0);
    expect(eur.items.every((i) => i.currencyCode === 'EUR' && i.invoiceType === 'OneTime')).toBe(true);
    expect(eur.items.every((i) => i.lineItemSource === 'v2')).toBe(true);
    const recurring = await service.invoices('p', { invoiceType: 'Recurring', limit: 1 });
    expect(recurring.items[0]?.lineItemSource).toBe('v1');
    const id = largestInvoiceId(f.sandbox);
    expect(
      (await service.invoices('p', { search: id.slice(-5).toLowerCase() })).items.map((i) => i.id),
    ).toContain(id);
  });

  it('runs a line-items job into rows to filter and total, and a CSV file', async () => {
    const invoiceId = largestInvoiceId(f.sandbox);
    const job = service.lineItemsJob('p', { kind: 'invoice', invoiceId, source: 'v2' });
    const phases: string[] = [];
    const summary = await job.run({
      signal: new AbortController().signal,
      progress: (p) => phases.push(p.phase ?? ''),
    });
    expect(summary.rows).toBe(1_500);
    // Written while the rows arrived: no second pass over SQLite, and no temporary file left over.
    expect(phases).not.toContain('Writing the CSV file');
    expect(readFileSync(summary.file, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(1_501);
    expect(readdirSync(path.dirname(summary.file))).toEqual([path.basename(summary.file)]);
    const table = service.lineItems('p', { kind: 'invoice', invoiceId, source: 'v2' }, { limit: 10 });
    expect(table.total).toBe(1_500);
    const customer = table.totals[0]!.customerName;
    const filtered = service.lineItems(
      'p',
      { kind: 'invoice', invoiceId, source: 'v2' },
      { customer, limit: 5000 },
    );
    expect(filtered.total).toBe(
      table.totals.filter((t) => t.customerName === customer).reduce((n, t) => n + t.lines, 0),
    );
  });

  it('serves the cached balance and invoices, with their age, when Partner Center is out of reach', async () => {
    const balance = await service.balance('p', true);
    const invoices = await service.invoices('p', {}, true);
    await f.sandbox.close();
    const offlineBalance = await service.balance('p', true);
    expect(offlineBalance).toMatchObject({ offline: true, fetchedAt: balance.fetchedAt });
    expect(offlineBalance.value.balanceAmount).toBe(balance.value.balanceAmount);
    const offlineInvoices = await service.invoices('p', {}, true);
    expect(offlineInvoices.offline).toBe(true);
    expect(offlineInvoices.items.map((i) => i.id)).toEqual(invoices.items.map((i) => i.id));
  });
});
