/**
 * Billing: balance, invoice summaries, invoices, invoice line items and statement PDFs (contract §4.20–4.25).
 */
import type { CallOptions, HttpPipeline, StreamResponse } from '../http';
import { invoiceLineItemSchema, invoiceSchema, invoiceSummarySchema } from '../models/billing';
import { list, one, paged, named, route, type PathIds, type Query } from './define';

const invoice = '/invoices/{invoiceId}';

/** Calls of the partner's balance and invoices. */
export const billingCalls = named({
  /** Gets the partner's current account balance, split into Recurring and OneTime. */
  getBalance: one('/invoices/summary', invoiceSummarySchema),
  /** Lists the account balance per currency (App+User only). */
  getInvoiceSummaries: list('/invoices/summaries', invoiceSummarySchema),
  /** Lists invoices, offset-paged (`links.next`). */
  listInvoices: paged(
    '/invoices',
    invoiceSchema,
    (query: { readonly size?: number; readonly offset?: number }): Query => ({
      size: query.size,
      offset: query.offset,
    }),
  ),
  /** Gets one invoice; its `pdfDownloadLink` is valid for 30 minutes (App+User only). */
  getInvoice: one(invoice, invoiceSchema),
  /**
   * Lists an invoice's line items. OneTime items are seek-paged and legacy Azure/Office ones
   * offset-paged; both are followed through `links.next`.
   */
  listInvoiceLineItems: paged(
    `${invoice}/lineitems`,
    invoiceLineItemSchema,
    (query: InvoiceLineItemQuery): Query => ({
      provider: query.provider,
      invoicelineitemtype: query.invoiceLineItemType,
      size: query.size,
      offset: query.offset,
      currencycode: query.currencyCode,
      period: query.period,
    }),
  ),
});

/** Which line items of an invoice to read. */
export interface InvoiceLineItemQuery {
  /** `onetime` (reservations; seek-paged), or `azure` / `office` (offset-paged). */
  readonly provider: 'onetime' | 'azure' | 'office';
  readonly invoiceLineItemType: 'billinglineitems' | 'usagelineitems';
  /** Page size; Partner Center's default and maximum is 2000. */
  readonly size?: number;
  /** Offset of the first item (offset-paged providers only). */
  readonly offset?: number;
  readonly currencyCode?: string;
  readonly period?: 'current' | 'previous';
}

/**
 * Streams an invoice's statement PDF (App+User only). The body is a Node `Readable`: pipe it to a file;
 * destroy it if you stop early, so the connection is released.
 */
export const getInvoiceStatement = statementPdf('getInvoiceStatement', `${invoice}/documents/statement`);

/** Streams a tax receipt's PDF. */
export const getTaxReceiptStatement = statementPdf(
  'getTaxReceiptStatement',
  `${invoice}/receipts/{receiptId}/documents/statement`,
);

const pdfTypes: ReadonlyArray<string> = ['application/pdf', 'application/octet-stream'];

/** A GET of a statement PDF, streamed. */
function statementPdf<P extends string>(operation: string, template: P) {
  return async (http: HttpPipeline, ids: PathIds<P>, options?: CallOptions): Promise<StreamResponse> =>
    http.stream(
      { operation, method: 'GET', path: route(operation, template, ids), accept: 'application/pdf' },
      pdfTypes,
      options,
    );
}
