/**
 * Statement PDFs (§4.25): the data layer draws them with pdfkit (`renderStatementPdf`); this adapter
 * feeds it the invoice, its line items (lazily, for generated invoices) and who it is addressed to.
 */
import type { Readable } from 'node:stream';
import { allInvoiceLineItems, renderStatementPdf } from '../data';
import type { Invoice, InvoiceLineItem, World } from '../data/model';

/** A readable PDF of an invoice's statement (sandbox invoices pass their own lines). */
export function renderInvoiceStatement(
  world: World,
  invoice: Invoice,
  sandboxLines: ReadonlyArray<InvoiceLineItem> | undefined,
): Readable {
  const lines: Iterable<InvoiceLineItem> = sandboxLines ?? allInvoiceLineItems(world, invoice.id);
  return renderStatementPdf(invoice, lines, {
    billTo: {
      name: world.partner.companyName,
      lines: [world.partner.domain, `MPN ID ${world.partner.mpnId}`],
    },
  });
}
