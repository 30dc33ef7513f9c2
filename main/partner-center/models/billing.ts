/**
 * Billing: balance, invoice summaries, invoices and invoice line items (contract §4.20–4.25, §5, §6).
 */
import { z } from 'zod';
import {
  currencyFields,
  type Lenient,
  lenientEnum,
  lenientNumber,
  lenientString,
  linksSchema,
  list,
  opt,
  resourceAttributesSchema,
  resourceFields,
} from './common';

/** Invoice types. */
export const invoiceTypeValues = ['Recurring', 'OneTime'] as const;
/** An invoice type (`one_time` reads as `OneTime`). */
export type InvoiceType = Lenient<(typeof invoiceTypeValues)[number]>;

/** Billing providers (contract §6). */
export const billingProviderValues = ['none', 'office', 'azure', 'one_time', 'marketplace', 'all'] as const;
/** A billing provider. */
export type BillingProvider = Lenient<(typeof billingProviderValues)[number]>;

/** Invoice line item types (contract §6). */
export const invoiceLineItemTypeValues = ['none', 'usage_line_items', 'billing_line_items'] as const;
/** An invoice line item type. */
export type InvoiceLineItemType = Lenient<(typeof invoiceLineItemTypeValues)[number]>;

/** Invoice document types (contract §6). */
export const documentTypeValues = ['none', 'invoice', 'void_note', 'adjustment_note'] as const;

const summaryFields = {
  balanceAmount: opt(lenientNumber),
  ...currencyFields,
  accountingDate: opt(z.string()),
  firstInvoiceCreationDate: opt(z.string()),
  lastPaymentDate: opt(z.string()),
  lastPaymentAmount: opt(lenientNumber),
  latestInvoiceDate: opt(z.string()),
};

/** An account balance in one currency, split by invoice type. */
export const invoiceSummarySchema = z.object({
  ...summaryFields,
  details: list(
    z.object({
      invoiceType: opt(lenientEnum(invoiceTypeValues)),
      summary: opt(z.object(summaryFields)),
    }),
  ),
  ...resourceFields,
});
/** An account balance in one currency. */
export type InvoiceSummary = z.output<typeof invoiceSummarySchema>;

/** Where an invoice's line items of one kind are. */
export const invoiceDetailSchema = z.object({
  invoiceLineItemType: opt(lenientEnum(invoiceLineItemTypeValues)),
  billingProvider: opt(lenientEnum(billingProviderValues)),
  links: linksSchema,
});

/** An invoice (amendments share the shape). */
export interface Invoice {
  readonly id: string;
  readonly invoiceDate: string | undefined;
  readonly billingPeriodStartDate: string | undefined;
  readonly billingPeriodEndDate: string | undefined;
  readonly totalCharges: number | undefined;
  readonly paidAmount: number | undefined;
  readonly currencyCode: string | undefined;
  readonly currencySymbol: string | undefined;
  /** Relative link to the statement PDF; expires 30 minutes after the invoice is read by id. */
  readonly pdfDownloadLink: string | undefined;
  readonly taxReceipts: ReadonlyArray<{
    readonly id: string | undefined;
    readonly taxReceiptPdfDownloadLink: string | undefined;
  }>;
  readonly invoiceDetails: ReadonlyArray<z.output<typeof invoiceDetailSchema>>;
  readonly amendments: ReadonlyArray<Invoice>;
  readonly documentType: Lenient<(typeof documentTypeValues)[number]> | undefined;
  readonly amendsOf: string | undefined;
  readonly invoiceType: InvoiceType | undefined;
  readonly status: string | undefined;
  readonly links: z.output<typeof linksSchema>;
}

/** An invoice. */
export const invoiceSchema: z.ZodType<Invoice, unknown> = z.lazy(() =>
  z.object({
    id: lenientString,
    invoiceDate: opt(z.string()),
    billingPeriodStartDate: opt(z.string()),
    billingPeriodEndDate: opt(z.string()),
    totalCharges: opt(lenientNumber),
    paidAmount: opt(lenientNumber),
    ...currencyFields,
    pdfDownloadLink: opt(z.string()),
    taxReceipts: list(z.object({ id: opt(lenientString), taxReceiptPdfDownloadLink: opt(z.string()) })),
    invoiceDetails: list(invoiceDetailSchema),
    amendments: list(invoiceSchema),
    documentType: opt(lenientEnum(documentTypeValues)),
    amendsOf: opt(lenientString),
    invoiceType: opt(lenientEnum(invoiceTypeValues)),
    status: opt(z.string()),
    links: linksSchema,
  }),
);

/**
 * An invoice line item. The fields are those of `OneTimeInvoiceLineItem` (reservations are billed
 * OneTime), read leniently; other providers' items have other fields, which are kept as they came
 * (`z.looseObject`) so that nothing is lost for CSV export.
 */
export const invoiceLineItemSchema = z.looseObject({
  partnerId: opt(lenientString),
  customerId: opt(lenientString),
  customerName: opt(z.string()),
  customerDomainName: opt(z.string()),
  customerCountry: opt(z.string()),
  invoiceNumber: opt(lenientString),
  mpnId: opt(lenientString),
  resellerMpnId: opt(lenientString),
  orderId: opt(lenientString),
  orderDate: opt(z.string()),
  productId: opt(lenientString),
  skuId: opt(lenientString),
  availabilityId: opt(lenientString),
  productName: opt(z.string()),
  skuName: opt(z.string()),
  chargeType: opt(z.string()),
  unitPrice: opt(lenientNumber),
  effectiveUnitPrice: opt(lenientNumber),
  unitType: opt(z.string()),
  quantity: opt(lenientNumber),
  subtotal: opt(lenientNumber),
  taxTotal: opt(lenientNumber),
  totalForCustomer: opt(lenientNumber),
  currency: opt(z.string()),
  subscriptionId: opt(lenientString),
  chargeStartDate: opt(z.string()),
  chargeEndDate: opt(z.string()),
  termAndBillingCycle: opt(z.string()),
  alternateId: opt(lenientString),
  pricingCurrency: opt(z.string()),
  pcToBCExchangeRate: opt(lenientNumber),
  billableQuantity: opt(lenientNumber),
  reservationOrderId: opt(lenientString),
  invoiceLineItemType: opt(lenientEnum(invoiceLineItemTypeValues)),
  billingProvider: opt(lenientEnum(billingProviderValues)),
  attributes: resourceAttributesSchema,
});
/** An invoice line item. */
export type InvoiceLineItem = z.output<typeof invoiceLineItemSchema>;
