/**
 * The `billing.*` calls: the billing service's cached reads shaped for the bridge, and its jobs
 * (line-item export, statements) started on the task engine with sentences for the screen.
 */
import path from 'node:path';
import {
  periodLabel,
  type BalanceSummary,
  type BillingOverview,
  type InvoiceList,
  type InvoiceRow,
  type LineItemPage,
  type StatementLibrary,
  type TrackTaskStarted,
} from '../../preload/contract';
import { DeskFailure } from '../ipc/failure';
import type { Invoice, InvoiceSummary } from '../partner-center';
import type { TaskEngine } from '../tasks';
import type { BillingService, InvoiceFilter, LineItemFilter } from './billing-service';
import { sourceFor, type ExportSubject, type LineItemSource } from './line-item-export';

export interface BillingCallsOptions {
  readonly billing: BillingService;
  readonly tasks: Pick<TaskEngine, 'start'>;
  /** Where statements of a profile go (shown in the library). */
  readonly statementFolder: (profileId: string) => string;
  /**
   * Why the profile's cloud has no Graph reconciliation v2 (main/partner-center/clouds.ts), or null
   * where it has it: then every invoice's line items come from v1 and the screen says why.
   */
  readonly graphMissingNote?: (profileId: string) => string | null;
}

/** What the caller names: an invoice, or an unbilled period of one currency. */
type SubjectInput =
  | { readonly kind: 'invoice'; readonly invoiceId: string }
  | { readonly kind: 'unbilled'; readonly currencyCode: string; readonly period: 'current' | 'last' };

/** Every invoice, amendments included, to find one by number. */
const ALL_INVOICES = 1_000_000;

function balanceOf(summary: InvoiceSummary): BalanceSummary {
  const ofType = (type: string): number | null =>
    summary.details.find((detail) => detail.invoiceType === type)?.summary?.balanceAmount ?? null;
  return {
    currencyCode: summary.currencyCode ?? '',
    balanceAmount: summary.balanceAmount ?? 0,
    recurring: ofType('Recurring'),
    oneTime: ofType('OneTime'),
  };
}

/**
 * Where an invoice's line items come from in the profile's cloud: §14.1's rule, except that a cloud
 * without Graph reconciliation reads them all from v1, with a note saying why.
 */
export function lineItemSourceIn(
  invoice: Pick<Invoice, 'billingPeriodStartDate' | 'invoiceDate' | 'invoiceDetails'>,
  graphMissing: string | null,
): { source: LineItemSource; note?: string } {
  const rule = sourceFor(invoice);
  return rule === 'v2' && graphMissing ? { source: 'v1', note: graphMissing } : { source: rule };
}

function invoiceRow(invoice: Invoice, graphMissing: string | null): InvoiceRow {
  const { source, note } = lineItemSourceIn(invoice, graphMissing);
  return {
    id: invoice.id,
    invoiceDate: invoice.invoiceDate ?? null,
    billingPeriodStartDate: invoice.billingPeriodStartDate ?? null,
    invoiceType: invoice.invoiceType ?? null,
    currencyCode: invoice.currencyCode ?? null,
    totalCharges: invoice.totalCharges ?? null,
    paidAmount: invoice.paidAmount ?? null,
    lineItemSource: source,
    ...(note ? { lineItemNote: note } : {}),
    amendments: invoice.amendments.map((amendment) => ({
      id: amendment.id,
      invoiceDate: amendment.invoiceDate ?? null,
      totalCharges: amendment.totalCharges ?? null,
    })),
  };
}

export function createBillingCalls(options: BillingCallsOptions) {
  const { billing, tasks } = options;
  const graphMissing = (profileId: string): string | null => options.graphMissingNote?.(profileId) ?? null;

  /** Invoices and amendments from the cache (read once when there is none). */
  async function invoicesById(profileId: string): Promise<Map<string, Invoice>> {
    const all = await billing.invoices(profileId, { limit: ALL_INVOICES });
    const byId = new Map<string, Invoice>();
    for (const invoice of all.items) {
      byId.set(invoice.id, invoice);
      for (const amendment of invoice.amendments) byId.set(amendment.id, amendment);
    }
    return byId;
  }

  async function invoiceOf(profileId: string, invoiceId: string): Promise<Invoice> {
    const invoice = (await invoicesById(profileId)).get(invoiceId);
    if (!invoice)
      throw new DeskFailure(
        'NOT_FOUND',
        `Invoice ${invoiceId} is not in the invoice list. Refresh it and try again.`,
      );
    return invoice;
  }

  /** An export subject with the invoice's source and providers, as the export needs them. */
  async function exportSubjectOf(profileId: string, subject: SubjectInput): Promise<ExportSubject> {
    const missing = graphMissing(profileId);
    if (subject.kind === 'unbilled') {
      // Unbilled estimates exist only as a v2 export: say so instead of failing on the network.
      if (missing) {
        throw new DeskFailure(
          'NOT_FOUND',
          "Unbilled line items come only from Microsoft Graph reconciliation, which this profile's cloud does not offer.",
        );
      }
      return subject;
    }
    const invoice = await invoiceOf(profileId, subject.invoiceId);
    return {
      kind: 'invoice',
      invoiceId: invoice.id,
      source: lineItemSourceIn(invoice, missing).source,
      providers: invoice.invoiceDetails.map((detail) => String(detail.billingProvider ?? '')),
    };
  }

  return {
    async overview(profileId: string, refresh = false): Promise<BillingOverview> {
      const [balance, summaries] = await Promise.all([
        billing.balance(profileId, refresh),
        billing.summaries(profileId, refresh),
      ]);
      return {
        balance: balanceOf(balance.value),
        perCurrency: summaries.value.map(balanceOf),
        fetchedAt: Math.min(balance.fetchedAt, summaries.fetchedAt),
        offline: balance.offline || summaries.offline,
      };
    },

    async invoices(profileId: string, filter: InvoiceFilter, refresh = false): Promise<InvoiceList> {
      const page = await billing.invoices(profileId, filter, refresh);
      return {
        items: page.items.map((invoice) => invoiceRow(invoice, graphMissing(profileId))),
        total: page.total,
        periods: page.periods,
        fetchedAt: page.fetchedAt,
        offline: page.offline,
      };
    },

    async exportLineItems(profileId: string, subject: SubjectInput): Promise<TrackTaskStarted> {
      const exportSubject = await exportSubjectOf(profileId, subject);
      const what =
        exportSubject.kind === 'invoice'
          ? `invoice ${exportSubject.invoiceId}`
          : `the unbilled ${exportSubject.currencyCode} ${exportSubject.period} period`;
      const job = billing.lineItemsJob(profileId, exportSubject);
      const invoice =
        exportSubject.kind === 'invoice' ? await invoiceOf(profileId, exportSubject.invoiceId) : null;
      const note = invoice ? lineItemSourceIn(invoice, graphMissing(profileId)).note : undefined;
      return tasks.start({
        kind: 'billing.lineItems',
        key: job.key,
        profileId,
        label: `Exporting the line items of ${what}`,
        run: async (context) => {
          const result = await job.run(context);
          return { ...result, file: path.basename(result.file), folder: path.dirname(result.file) };
        },
        message: ({ outcome, summary, error }) =>
          outcome === 'completed'
            ? `Saved ${String(summary?.rows ?? 0)} line items of ${what} to ${String(summary?.file ?? 'a CSV file')}.${note ? ` ${note}` : ''}`
            : outcome === 'cancelled'
              ? 'Export stopped; it continues where it stopped when you export again.'
              : outcome === 'offline'
                ? 'Partner Center cannot be reached; export again when you are online to continue.'
                : (error?.message ?? 'The line items could not be exported. Try again.'),
      });
    },

    async lineItems(profileId: string, subject: SubjectInput, filter: LineItemFilter): Promise<LineItemPage> {
      return billing.lineItems(profileId, await exportSubjectOf(profileId, subject), filter);
    },

    async downloadStatement(profileId: string, invoiceId: string): Promise<TrackTaskStarted> {
      const invoice = await invoiceOf(profileId, invoiceId);
      return startStatements(
        profileId,
        [invoice],
        `invoice ${invoice.id}`,
        `the statement of invoice ${invoice.id}`,
      );
    },

    async downloadStatements(
      profileId: string,
      filter: { period?: string | undefined; currencyCode?: string | undefined },
    ): Promise<TrackTaskStarted> {
      const page = await billing.invoices(profileId, { ...filter, limit: ALL_INVOICES });
      const label = [filter.period, filter.currencyCode].filter(Boolean).join(' ') || 'all';
      const words = [filter.period && periodLabel(filter.period), filter.currencyCode].filter(Boolean);
      return startStatements(
        profileId,
        page.items,
        label,
        `the statements of ${words.length > 0 ? words.join(' ') : 'every invoice'}`,
      );
    },

    library(profileId: string): StatementLibrary {
      return {
        statements: billing.library(profileId).map(({ filePath, ...entry }) => ({
          ...entry,
          fileName: path.basename(filePath),
        })),
        folder: options.statementFolder(profileId),
      };
    },
  };

  function startStatements(
    profileId: string,
    invoices: ReadonlyArray<Invoice>,
    key: string,
    what: string,
  ): TrackTaskStarted {
    const job = billing.statementsJob(profileId, invoices, key);
    return tasks.start({
      kind: 'billing.statements',
      key: job.key,
      profileId,
      label: `Downloading ${what}`,
      run: async (context) => {
        const result = await job.run(context);
        return { downloaded: result.downloaded, skipped: result.skipped, failed: result.failed.length };
      },
      message: ({ outcome, summary, error }) => {
        if (outcome === 'completed') {
          const failed = Number(summary?.failed ?? 0);
          return failed > 0
            ? `${failed} statement${failed === 1 ? '' : 's'} could not be downloaded; download again to retry them.`
            : `Saved ${what} in the statement library.`;
        }
        if (outcome === 'cancelled') return 'Download stopped; statements already saved are kept.';
        if (outcome === 'offline')
          return 'Partner Center cannot be reached; download again when you are online.';
        return error?.message ?? 'The statements could not be downloaded. Try again.';
      },
    });
  }
}

export type BillingCalls = ReturnType<typeof createBillingCalls>;
