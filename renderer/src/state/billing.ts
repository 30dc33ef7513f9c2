/**
 * The Billing screen's state: balance, invoices (filtered), the selected invoice, the line-item
 * export and statement download running for it, and the statement library. Pure changes, tested
 * without React or a bridge; `billing-store.ts` binds them to zustand and the bridge.
 */
import {
  periodLabel,
  type BillingFolders,
  type BillingOverview,
  type DeskResult,
  type InvoiceList,
  type InvoiceListInput,
  type InvoiceRow,
  type StatementLibrary,
  type TaskFinished,
} from '../../../preload/contract';
import { idle, loading, settle, valueOf, type Load } from './load';

/** What the invoice list is narrowed to, as typed (checked before it is sent). */
export interface InvoiceFilter {
  /** `yyyy-mm`, or empty for every period. */
  readonly period: string;
  /** A currency code, or empty for every currency. */
  readonly currencyCode: string;
  /** Part of an invoice number. */
  readonly search: string;
  /** Recurring or OneTime, or empty for both. */
  readonly invoiceType: '' | 'Recurring' | 'OneTime';
}

/** A job started for an invoice (line-item export, statement) or a period (statements), and how it ended. */
export interface InvoiceJob {
  /** The invoice number, or the period or currency of a bulk download. */
  readonly subject: string;
  readonly taskId: string | null;
  /** The sentence main sent when it ended. */
  readonly ended?: { readonly outcome: TaskFinished['outcome']; readonly message: string };
}

export interface BillingState {
  readonly profileId: string | null;
  readonly overview: Load<BillingOverview>;
  readonly invoices: Load<InvoiceList>;
  readonly filter: InvoiceFilter;
  readonly selectedInvoiceId: string | null;
  readonly lineItemExport: InvoiceJob | null;
  readonly statement: InvoiceJob | null;
  /** Every statement of the filtered period or currency. */
  readonly bulkStatements: InvoiceJob | null;
  readonly library: Load<StatementLibrary>;
  /** Where statements and exports go. */
  readonly folders: Load<BillingFolders>;
  /** Index of the first invoice shown (the list is read a page at a time). */
  readonly offset: number;
  /** The unbilled export started from the screen ("USD current"). */
  readonly unbilledExport: InvoiceJob | null;
}

export const emptyFilter: InvoiceFilter = { period: '', currencyCode: '', search: '', invoiceType: '' };

export const initialBillingState: BillingState = {
  profileId: null,
  overview: idle,
  invoices: idle,
  filter: emptyFilter,
  selectedInvoiceId: null,
  lineItemExport: null,
  statement: null,
  bulkStatements: null,
  library: idle,
  folders: idle,
  offset: 0,
  unbilledExport: null,
};

/** Invoices per page of the list. */
export const INVOICE_PAGE_SIZE = 100;

/** The screen shows another profile: everything of the last one goes. */
export function billingTargeted(state: BillingState, profileId: string): BillingState {
  return state.profileId === profileId ? state : { ...initialBillingState, profileId };
}

export function overviewRequested(state: BillingState): BillingState {
  return { ...state, overview: loading(state.overview) };
}

export function overviewSettled(state: BillingState, result: DeskResult<BillingOverview>): BillingState {
  return { ...state, overview: settle(state.overview, result) };
}

export function invoicesRequested(state: BillingState): BillingState {
  return { ...state, invoices: loading(state.invoices) };
}

export function invoicesSettled(state: BillingState, result: DeskResult<InvoiceList>): BillingState {
  return { ...state, invoices: settle(state.invoices, result) };
}

/** A new filter starts at the first page. */
export function filterChanged(state: BillingState, change: Partial<InvoiceFilter>): BillingState {
  return { ...state, filter: { ...state.filter, ...change }, offset: 0 };
}

/** Another page of the list: `direction` pages on (1) or back (-1), within the list. */
export function invoicePageMoved(state: BillingState, direction: 1 | -1): BillingState {
  const total = valueOf(state.invoices)?.total ?? 0;
  const offset = state.offset + direction * INVOICE_PAGE_SIZE;
  if (offset < 0 || offset >= total) return state;
  return { ...state, offset };
}

/** "Invoices 101–200 of 1,234", or null when one page holds them all. */
export function invoicePageSentence(state: BillingState): string | null {
  const list = valueOf(state.invoices);
  if (!list || list.total <= INVOICE_PAGE_SIZE) return null;
  const first = state.offset + 1;
  const last = state.offset + list.items.length;
  return `Invoices ${first.toLocaleString()}–${last.toLocaleString()} of ${list.total.toLocaleString()}`;
}

export function foldersSettled(state: BillingState, result: DeskResult<BillingFolders>): BillingState {
  return { ...state, folders: settle(state.folders, result) };
}

/** The list call's filter: only what is complete (a half-typed month is not sent). */
export function invoiceQuery(
  profileId: string,
  filter: InvoiceFilter,
  offset = 0,
): Omit<InvoiceListInput, 'refresh'> & { profileId: string } {
  const search = filter.search.trim();
  return {
    profileId,
    ...(/^\d{4}-\d{2}$/.test(filter.period) ? { period: filter.period } : {}),
    ...(/^[A-Za-z]{3}$/.test(filter.currencyCode) ? { currencyCode: filter.currencyCode } : {}),
    ...(search ? { search } : {}),
    ...(filter.invoiceType ? { invoiceType: filter.invoiceType } : {}),
    offset,
    limit: INVOICE_PAGE_SIZE,
  };
}

export function invoiceSelected(state: BillingState, invoiceId: string | null): BillingState {
  return { ...state, selectedInvoiceId: invoiceId };
}

/** The selected invoice, when the list still holds it. */
export function selectedInvoice(state: BillingState): InvoiceRow | undefined {
  return valueOf(state.invoices)?.items.find((invoice) => invoice.id === state.selectedInvoiceId);
}

/** Every currency the balance knows, for the currency filter. */
export function currenciesOf(state: BillingState): string[] {
  const overview = valueOf(state.overview);
  const codes = new Set((overview?.perCurrency ?? []).map((summary) => summary.currencyCode));
  for (const invoice of valueOf(state.invoices)?.items ?? [])
    if (invoice.currencyCode) codes.add(invoice.currencyCode);
  return [...codes].filter(Boolean).sort();
}

export type JobSlot = 'lineItemExport' | 'statement' | 'bulkStatements' | 'unbilledExport';

/** A job was asked for: its task id, or the sentence saying why it did not start. */
export function jobStarted(
  state: BillingState,
  slot: JobSlot,
  subject: string,
  result: DeskResult<{ taskId: string }>,
): BillingState {
  const job: InvoiceJob = result.ok
    ? { subject, taskId: result.value.taskId }
    : { subject, taskId: null, ended: { outcome: 'failed', message: result.error.message } };
  return { ...state, [slot]: job };
}

/** A task ended: the job it belongs to keeps main's sentence. */
export function jobEnded(state: BillingState, slot: JobSlot, finished: TaskFinished): BillingState {
  const job = state[slot];
  if (!job || job.taskId !== finished.taskId) return state;
  return {
    ...state,
    [slot]: { ...job, taskId: null, ended: { outcome: finished.outcome, message: finished.message } },
  };
}

export function libraryRequested(state: BillingState): BillingState {
  return { ...state, library: loading(state.library) };
}

export function librarySettled(state: BillingState, result: DeskResult<StatementLibrary>): BillingState {
  return { ...state, library: settle(state.library, result) };
}

/** What a bulk download covers with this filter: "October 2026 EUR", or "every invoice". */
export function bulkSubject(filter: InvoiceFilter): string {
  const parts = [
    /^\d{4}-\d{2}$/.test(filter.period) ? periodLabel(filter.period) : '',
    /^[A-Za-z]{3}$/.test(filter.currencyCode) ? filter.currencyCode.toUpperCase() : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : 'every invoice';
}

/** "Read 5 minutes ago." or "Offline: showing what was read 2 days ago." */
export function cacheAgeSentence(
  answer: { fetchedAt: number; offline: boolean },
  age: (iso: string) => string,
): string {
  const when = age(new Date(answer.fetchedAt).toISOString());
  return answer.offline ? `Offline: showing what was read ${when}.` : `Read ${when}.`;
}

/** Which folder: statements or CSV exports. */
export type FolderKind = 'statements' | 'exports';

/** The subject an unbilled export job is kept under: "USD current". */
export function unbilledSubject(currencyCode: string, period: 'current' | 'last'): string {
  return `${currencyCode.toUpperCase()} ${period}`;
}
