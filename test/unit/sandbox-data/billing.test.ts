import { describe, expect, it } from 'vitest';
import {
  allInvoiceLineItems,
  currencyInfo,
  generateWorld,
  INVOICE_CURRENCIES,
  invoiceLineItemAt,
  invoiceLineItemCount,
  invoiceLineItems,
  lineItemTotalMinor,
  toMinor,
  type Invoice,
  type World,
} from '../../../main/sandbox/data/index';
import { NOW, smallWorld } from './fixtures';

const everyDocument = (world: World): Invoice[] => [...world.invoicesById.values()];
const minor = (invoice: Invoice, value: number): number => toMinor(value, currencyInfo(invoice.currencyCode));

describe('invoices', () => {
  it('cover the year before now in USD, EUR, GBP and SEK, Recurring and OneTime', () => {
    const world = smallWorld();
    for (const code of ['USD', 'EUR', 'GBP', 'SEK']) {
      for (const type of ['Recurring', 'OneTime'] as const) {
        const matching = world.invoices.filter((i) => i.currencyCode === code && i.invoiceType === type);
        expect(matching.length, `${code} ${type}`).toBeGreaterThanOrEqual(11);
      }
    }
    for (const invoice of world.invoices) {
      const age = NOW.getTime() - new Date(invoice.invoiceDate).getTime();
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThanOrEqual(366 * 86_400_000);
      expect(invoice.documentType).toBe('invoice');
      expect(invoice.pdfDownloadLink).toBe(`/invoices/${invoice.id}/documents/statement`);
    }
    const dates = world.invoices.map((invoice) => invoice.invoiceDate);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(new Set(everyDocument(world).map((invoice) => invoice.id)).size).toBe(world.invoicesById.size);
  });

  it('total exactly the sum of their line items', () => {
    const world = smallWorld();
    for (const invoice of everyDocument(world)) {
      let sum = 0;
      let count = 0;
      for (const item of allInvoiceLineItems(world, invoice.id)) {
        expect(item.currency).toBe(invoice.currencyCode);
        sum += lineItemTotalMinor(item);
        count++;
      }
      expect(count, invoice.id).toBeGreaterThan(0);
      expect(sum, invoice.id).toBe(minor(invoice, invoice.totalCharges));
    }
  });

  it('carry credit-note amendments that point back to their invoice', () => {
    const world = smallWorld();
    const amended = world.invoices.filter((invoice) => invoice.amendments.length > 0);
    expect(amended.length).toBeGreaterThanOrEqual(INVOICE_CURRENCIES.length);
    for (const invoice of amended) {
      for (const amendment of invoice.amendments) {
        expect(amendment.documentType).toBe('adjustment_note');
        expect(amendment.amendsOf).toBe(invoice.id);
        expect(amendment.currencyCode).toBe(invoice.currencyCode);
        expect(amendment.totalCharges).toBeLessThan(0);
        expect(world.invoicesById.get(amendment.id)).toBe(amendment);
      }
    }
    expect(new Set(amended.map((invoice) => invoice.currencyCode))).toEqual(new Set(INVOICE_CURRENCIES));
  });

  it('give the largest invoice exactly `lineItems` line items and the rest no more', () => {
    const world = generateWorld({ seed: 21, catalog: 'small', lineItems: 12_345, now: NOW });
    expect(invoiceLineItemCount(world, world.largestInvoiceId, 'one_time')).toBe(12_345);
    for (const invoice of everyDocument(world)) {
      const plan = world.lineItemPlans.get(invoice.id);
      const count = Object.values(plan?.counts ?? {}).reduce((sum, n) => sum + n, 0);
      expect(count).toBeLessThanOrEqual(12_345);
    }
  });
});

describe('line items', () => {
  it('page consistently by offset and are stable per index', () => {
    const world = smallWorld();
    const id = world.largestInvoiceId;
    const total = invoiceLineItemCount(world, id, 'one_time');
    expect(total).toBe(600);
    const pages = [];
    for (let offset = 0; offset < total; offset += 250)
      pages.push(...invoiceLineItems(world, id, 'one_time', offset, 250));
    expect(pages).toHaveLength(total);
    expect(pages[417]).toEqual(invoiceLineItemAt(world, id, 'one_time', 417));
    expect(invoiceLineItemAt(world, id, 'one_time', total)).toBeUndefined();
    expect(invoiceLineItems(world, id, 'one_time', total - 5, 100)).toHaveLength(5);
    expect(invoiceLineItems(world, id, 'azure', 0, 10)).toEqual([]);
  });

  it('have the provider-specific wire shape', () => {
    const world = smallWorld();
    const oneTime = invoiceLineItemAt(world, world.largestInvoiceId, 'one_time', 0);
    expect(oneTime).toMatchObject({
      billingProvider: 'one_time',
      invoiceLineItemType: 'billing_line_items',
      invoiceNumber: world.largestInvoiceId,
      attributes: { objectType: 'OneTimeInvoiceLineItem' },
    });
    if (oneTime?.billingProvider !== 'one_time') throw new Error('unreachable');
    expect(world.catalog.skusByKey.has(`${oneTime.productId}:${oneTime.skuId}`)).toBe(true);
    expect(world.customersById.has(oneTime.customerId)).toBe(true);
    expect(oneTime.reservationOrderId).toMatch(/^[-0-9a-f]{36}$/);
    const recurring = world.invoices.find((invoice) => invoice.invoiceType === 'Recurring');
    expect(recurring?.invoiceDetails.map((detail) => detail.billingProvider)).toEqual(['azure', 'office']);
    const usage = invoiceLineItemAt(world, recurring?.id ?? '', 'azure', 0);
    expect(usage?.attributes.objectType).toBe('UsageBasedLineItem');
    const license = invoiceLineItemAt(world, recurring?.id ?? '', 'office', 0);
    expect(license?.attributes.objectType).toBe('LicenseBasedLineItem');
  });
});

describe('summaries', () => {
  it('add up per currency: balance = Σ(total − paid) = Σ details', () => {
    const world = smallWorld();
    expect(world.invoiceSummaries.map((summary) => summary.currencyCode)).toEqual([...INVOICE_CURRENCIES]);
    for (const summary of world.invoiceSummaries) {
      const currency = currencyInfo(summary.currencyCode);
      const documents = everyDocument(world).filter(
        (invoice) => invoice.currencyCode === summary.currencyCode,
      );
      const owed = (list: Invoice[]): number =>
        list.reduce(
          (sum, invoice) => sum + minor(invoice, invoice.totalCharges) - minor(invoice, invoice.paidAmount),
          0,
        );
      expect(toMinor(summary.balanceAmount, currency)).toBe(owed(documents));
      expect(owed(documents)).toBeGreaterThan(0);
      const details = summary.details ?? [];
      expect(details.map((detail) => detail.invoiceType)).toEqual(['Recurring', 'OneTime']);
      for (const detail of details) {
        expect(toMinor(detail.summary.balanceAmount, currency)).toBe(
          owed(documents.filter((invoice) => invoice.invoiceType === detail.invoiceType)),
        );
      }
      const detailSum = details.reduce(
        (sum, detail) => sum + toMinor(detail.summary.balanceAmount, currency),
        0,
      );
      expect(toMinor(summary.balanceAmount, currency)).toBe(detailSum);
    }
  });

  it('give the account balance in the partner default currency', () => {
    const world = smallWorld();
    expect(world.accountBalance.currencyCode).toBe(world.partner.defaultCurrency);
    expect(world.accountBalance.links?.self.uri).toBe('/invoices/summary');
    const usd = world.invoiceSummaries.find((summary) => summary.currencyCode === 'USD');
    expect(world.accountBalance.balanceAmount).toBe(usd?.balanceAmount);
  });

  it('mark older invoices paid and recent ones open', () => {
    const world = smallWorld();
    for (const invoice of world.invoices) {
      const ageDays = (NOW.getTime() - new Date(invoice.invoiceDate).getTime()) / 86_400_000;
      expect(invoice.paidAmount).toBe(ageDays > 40 ? invoice.totalCharges : 0);
    }
  });
});
