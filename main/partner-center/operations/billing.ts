/**
 * Billing: balance, invoice summaries, invoices, invoice line items and statement PDFs (contract §4.20–4.25).
 */
import type { CallOptions, HttpPipeline, StreamResponse } from '../http';
import {
  invoiceLineItemSchema,
  invoiceSchema,
  invoiceSummarySchema,
  type Invoice,
  type InvoiceLineItem,
  type InvoiceSummary,
} from '../models/billing';
import { paginate, type PagedCollection } from '../paging';
import { getItems } from './collection';
import { segment } from './path';

/** Gets the partner's current account balance, split into Recurring and OneTime. */
export async function getBalance(http: HttpPipeline, options?: CallOptions): Promise<InvoiceSummary> {
  return (
    await http.json(
      { operation: 'getBalance', method: 'GET', path: '/invoices/summary' },
      invoiceSummarySchema,
      options,
    )
  ).data;
}

/** Lists the account balance per currency (App+User only). */
export async function getInvoiceSummaries(
  http: HttpPipeline,
  options?: CallOptions,
): Promise<InvoiceSummary[]> {
  return getItems(
    http,
    { operation: 'getInvoiceSummaries', path: '/invoices/summaries' },
    invoiceSummarySchema,
    options,
  );
}

/** Lists invoices, offset-paged (`links.next`). */
export function listInvoices(
  http: HttpPipeline,
  query: { readonly size?: number; readonly offset?: number } = {},
  options?: CallOptions,
): PagedCollection<Invoice> {
  return paginate(
    http,
    {
      operation: 'listInvoices',
      method: 'GET',
      path: '/invoices',
      query: { size: query.size, offset: query.offset },
    },
    invoiceSchema,
    options,
  );
}

/** Gets one invoice; its `pdfDownloadLink` is valid for 30 minutes (App+User only). */
export async function getInvoice(
  http: HttpPipeline,
  invoiceId: string,
  options?: CallOptions,
): Promise<Invoice> {
  const operation = 'getInvoice';
  const path = `/invoices/${segment(operation, 'invoiceId', invoiceId)}`;
  return (await http.json({ operation, method: 'GET', path }, invoiceSchema, options)).data;
}

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
 * Lists an invoice's line items. OneTime items are seek-paged and legacy Azure/Office ones
 * offset-paged; both are followed through `links.next`.
 */
export function listInvoiceLineItems(
  http: HttpPipeline,
  invoiceId: string,
  query: InvoiceLineItemQuery,
  options?: CallOptions,
): PagedCollection<InvoiceLineItem> {
  const operation = 'listInvoiceLineItems';
  return paginate(
    http,
    {
      operation,
      method: 'GET',
      path: `/invoices/${segment(operation, 'invoiceId', invoiceId)}/lineitems`,
      query: {
        provider: query.provider,
        invoicelineitemtype: query.invoiceLineItemType,
        size: query.size,
        offset: query.offset,
        currencycode: query.currencyCode,
        period: query.period,
      },
    },
    invoiceLineItemSchema,
    options,
  );
}

/**
 * Streams an invoice's statement PDF (App+User only). The body is a Node `Readable`: pipe it to a file;
 * destroy it if you stop early, so the connection is released.
 */
export async function getInvoiceStatement(
  http: HttpPipeline,
  invoiceId: string,
  options?: CallOptions,
): Promise<StreamResponse> {
  const operation = 'getInvoiceStatement';
  const path = `/invoices/${segment(operation, 'invoiceId', invoiceId)}/documents/statement`;
  return http.stream({ operation, method: 'GET', path, accept: 'application/pdf' }, pdfTypes, options);
}

/** Streams a tax receipt's PDF. */
export async function getTaxReceiptStatement(
  http: HttpPipeline,
  invoiceId: string,
  receiptId: string,
  options?: CallOptions,
): Promise<StreamResponse> {
  const operation = 'getTaxReceiptStatement';
  const path = `/invoices/${segment(operation, 'invoiceId', invoiceId)}/receipts/${segment(operation, 'receiptId', receiptId)}/documents/statement`;
  return http.stream({ operation, method: 'GET', path, accept: 'application/pdf' }, pdfTypes, options);
}

const pdfTypes: ReadonlyArray<string> = ['application/pdf', 'application/octet-stream'];
