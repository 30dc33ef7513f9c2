import type { Readable } from 'node:stream';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import {
  allInvoiceLineItems,
  invoiceLineItems,
  renderStatementPdf,
  type Invoice,
  type InvoiceLineItem,
} from '../../../main/sandbox/data/index';
import { smallWorld } from './fixtures';

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Text of every page, one string per page (items joined by spaces). */
async function pagesText(pdf: Buffer): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, verbosity: 0 })
    .promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    // Collapse layout whitespace so assertions read like the printed text.
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  await document.destroy();
  return pages;
}

function invoiceWithItems(predicate: (invoice: Invoice) => boolean): {
  invoice: Invoice;
  items: InvoiceLineItem[];
} {
  const world = smallWorld();
  const invoice = [...world.invoicesById.values()].find(predicate);
  if (!invoice) throw new Error('no matching invoice');
  return { invoice, items: [...allInvoiceLineItems(world, invoice.id)] };
}

describe('renderStatementPdf', () => {
  it('renders a real PDF with the invoice number, a line item and the total', async () => {
    const world = smallWorld();
    const invoice = world.invoicesById.get(world.largestInvoiceId);
    if (!invoice) throw new Error('largest invoice missing');
    const items = invoiceLineItems(world, invoice.id, 'one_time', 0, 600);
    const pdf = await bytesOf(
      renderStatementPdf(invoice, items, {
        billTo: { name: world.partner.companyName, lines: ['1 Demo Way'] },
      }),
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = await pagesText(pdf);
    // 600 rows do not fit on one page: the table continues across pages.
    expect(pages.length).toBeGreaterThan(5);
    const text = pages.join('\n');
    expect(pages[0]).toContain(invoice.id);
    expect(text).toContain(world.partner.companyName);
    expect(text).toContain(
      `${invoice.billingPeriodStartDate.slice(0, 10)} to ${invoice.billingPeriodEndDate.slice(0, 10)}`,
    );
    const last = items[items.length - 1];
    if (last?.billingProvider !== 'one_time') throw new Error('expected a one-time line');
    expect(pages[pages.length - 1]).toContain(last.customerName);
    const total = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(invoice.totalCharges);
    expect(pages[pages.length - 1]).toContain(`Total USD ${total}`);
  });

  it('shows credit notes in their currency, with the amended invoice', async () => {
    const { invoice, items } = invoiceWithItems(
      (i) => i.documentType === 'adjustment_note' && i.currencyCode === 'SEK',
    );
    const text = (await pagesText(await bytesOf(renderStatementPdf(invoice, items)))).join('\n');
    expect(text).toContain('Credit note');
    expect(text).toContain(invoice.amendsOf ?? 'missing');
    const total = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(invoice.totalCharges);
    expect(total.startsWith('-')).toBe(true);
    expect(text).toContain(`SEK ${total}`);
  });

  it('prints legacy Azure and Office lines, and caps printed rows but not totals', async () => {
    const { invoice, items } = invoiceWithItems(
      (i) => i.invoiceType === 'Recurring' && i.currencyCode === 'EUR',
    );
    expect(items.length).toBeGreaterThan(3);
    const text = (await pagesText(await bytesOf(renderStatementPdf(invoice, items, { maxRows: 2 })))).join(
      '\n',
    );
    expect(text).toContain(`${items.length - 2} further line items are not printed`);
    expect(text).toContain(`Subtotal (${items.length} line items)`);
    const total = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(invoice.totalCharges);
    expect(text).toContain(`EUR ${total}`);
  });

  it('is deterministic', async () => {
    const { invoice, items } = invoiceWithItems(
      (i) => i.invoiceType === 'OneTime' && i.currencyCode === 'GBP',
    );
    const a = await bytesOf(renderStatementPdf(invoice, items));
    const b = await bytesOf(renderStatementPdf(invoice, items));
    expect(b.equals(a)).toBe(true);
  });
});
