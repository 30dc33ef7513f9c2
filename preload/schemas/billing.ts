/**
 * Billing over the bridge (issue 13): what the Billing screen asks for and gets back. Money stays a
 * number with its currency code; dates stay the ISO strings Partner Center sent.
 */
import { z } from 'zod';

const profileId = z.string().min(1).max(64);
const invoiceId = z.string().trim().min(1).max(64);
const currencyCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code')
  .transform((code) => code.toUpperCase());

/** How old a cached answer is, and whether Partner Center was out of reach. */
export const CacheAge = z.object({ fetchedAt: z.number().int(), offline: z.boolean() });

/** A balance in one currency, split by invoice type. */
export const BalanceSummary = z.object({
  currencyCode: z.string(),
  balanceAmount: z.number(),
  recurring: z.number().nullable(),
  oneTime: z.number().nullable(),
});
export type BalanceSummary = z.infer<typeof BalanceSummary>;

export const BillingOverview = CacheAge.extend({
  balance: BalanceSummary,
  perCurrency: z.array(BalanceSummary),
});
export type BillingOverview = z.infer<typeof BillingOverview>;

/** Which source an invoice's line items come from: v2 (Graph export) or v1 (paged). */
export const LineItemSource = z.enum(['v1', 'v2']);

export const InvoiceRow = z.object({
  id: z.string(),
  invoiceDate: z.string().nullable(),
  billingPeriodStartDate: z.string().nullable(),
  invoiceType: z.string().nullable(),
  currencyCode: z.string().nullable(),
  totalCharges: z.number().nullable(),
  paidAmount: z.number().nullable(),
  lineItemSource: LineItemSource,
  /** Why the line items come from v1 although the invoice is new commerce (a cloud without Graph). */
  lineItemNote: z.string().optional(),
  amendments: z.array(
    z.object({ id: z.string(), invoiceDate: z.string().nullable(), totalCharges: z.number().nullable() }),
  ),
});
export type InvoiceRow = z.infer<typeof InvoiceRow>;

export const InvoiceListInput = z.strictObject({
  profileId,
  period: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'must be a month like 2026-10')
    .optional(),
  invoiceType: z.enum(['Recurring', 'OneTime']).optional(),
  currencyCode: currencyCode.optional(),
  search: z.string().trim().max(64).optional(),
  offset: z.number().int().min(0).max(1_000_000).optional(),
  limit: z.number().int().min(1).max(500).optional(),
  refresh: z.boolean().optional(),
});

export const InvoiceList = CacheAge.extend({
  items: z.array(InvoiceRow),
  total: z.number().int(),
  /** Every billing period (`yyyy-mm`) the cached invoices cover, newest first: the period filter's choices. */
  periods: z.array(z.string()),
});

/** What to export: an invoice's line items, or an unbilled period of one currency. */
export const LineItemSubject = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('invoice'), invoiceId }),
  z.strictObject({ kind: z.literal('unbilled'), currencyCode, period: z.enum(['current', 'last']) }),
]);

export const LineItemExportInput = z.strictObject({ profileId, subject: LineItemSubject });

export const LineItemQuery = z.strictObject({
  profileId,
  subject: LineItemSubject,
  customer: z.string().trim().max(200).optional(),
  product: z.string().trim().max(200).optional(),
  reservationOrderId: z.string().trim().max(200).optional(),
  chargeType: z.string().trim().max(40).optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});

export const LineItemPage = z.object({
  state: z.string(),
  rows: z.array(z.record(z.string(), z.unknown())),
  total: z.number().int(),
  totals: z.array(
    z.object({
      customerId: z.string().nullable(),
      customerName: z.string().nullable(),
      currency: z.string().nullable(),
      amount: z.number().nullable(),
      lines: z.number().int(),
    }),
  ),
});

const monthNames = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A billing period (`yyyy-mm`) in the user's words, for both sides of the bridge: "October 2026". */
export function periodLabel(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return year && month ? monthNames.format(Date.UTC(year, month - 1, 1)) : period;
}

export const StatementInput = z.strictObject({ profileId, invoiceId });
export const BulkStatementsInput = z.strictObject({
  profileId,
  period: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  currencyCode: currencyCode.optional(),
});

export const StatementEntry = z.object({
  invoiceId: z.string(),
  invoiceDate: z.string().nullable(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  fileName: z.string(),
  bytes: z.number().int(),
  downloadedAt: z.number().int(),
  missing: z.boolean(),
});
export type StatementEntry = z.infer<typeof StatementEntry>;

/** The statement library, and the folder new statements go to. */
export const StatementLibrary = z.object({ statements: z.array(StatementEntry), folder: z.string() });
export type StatementLibrary = z.infer<typeof StatementLibrary>;
export type InvoiceList = z.infer<typeof InvoiceList>;
export type InvoiceListInput = z.input<typeof InvoiceListInput>;
export type LineItemPage = z.infer<typeof LineItemPage>;

/** The two kinds of files billing saves. */
export const BillingFolderKind = z.enum(['statements', 'exports']);
export type BillingFolderKind = z.infer<typeof BillingFolderKind>;

/** A folder files go to; `chosen` is false for the default under the data folder. */
const BillingFolder = z.object({ folder: z.string(), chosen: z.boolean() });

/** Where statements and exports go, and whether a native folder dialog can choose them. */
export const BillingFolders = z.object({
  statements: BillingFolder,
  exports: BillingFolder,
  nativeDialog: z.boolean(),
});
export type BillingFolders = z.infer<typeof BillingFolders>;

export const SetBillingFolderInput = z.strictObject({
  profileId,
  kind: BillingFolderKind,
  /** A full path, or null to go back to the default. */
  folder: z.string().max(1000).nullable(),
});

export const ChooseBillingFolderInput = z.strictObject({ profileId, kind: BillingFolderKind });

/** How a statement was opened: in the system's viewer, or to be shown in the page. */
export const StatementOpened = z.object({
  viewer: z.enum(['system', 'in-page']),
  invoiceId: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
});
export type StatementOpened = z.infer<typeof StatementOpened>;

/** Largest slice of a statement per call: its base64 stays well under the bridge's 1 MiB frames. */
export const STATEMENT_CHUNK_BYTES = 512 * 1024;

export const StatementChunkInput = z.strictObject({
  profileId,
  invoiceId,
  offset: z
    .number()
    .int()
    .min(0)
    .max(2 ** 40),
});

/** One slice of a statement file, base64; `total` is the file's size. */
export const StatementChunk = z.object({
  base64: z.string(),
  offset: z.number().int(),
  total: z.number().int(),
});
export type StatementChunk = z.infer<typeof StatementChunk>;
