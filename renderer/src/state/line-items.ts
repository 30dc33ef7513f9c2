/**
 * The in-app line-item table of an export (an invoice, or an unbilled period): filters, the rows read
 * a page at a time as the table scrolls, and totals per customer and currency. Pure changes, tested
 * without React or a bridge; `line-items-store.ts` binds them to zustand and the bridge.
 */
import type { DeskError, LineItemPage } from '../../../preload/contract';
import { pagesMissing, rowOfPages, type Pages } from './paged-rows';

/** Rows per `billing.lineItems` call. */
export const LINE_ITEM_PAGE_SIZE = 200;

/** What a table shows: an invoice's export, or an unbilled period's. */
export type LineItemSubject =
  | { readonly kind: 'invoice'; readonly invoiceId: string }
  | { readonly kind: 'unbilled'; readonly currencyCode: string; readonly period: 'current' | 'last' };

/** The filters as typed. */
export interface LineItemFilter {
  readonly customer: string;
  readonly product: string;
  readonly reservationOrderId: string;
  readonly chargeType: string;
}

export type LineItemRow = Readonly<Record<string, unknown>>;
export type LineItemTotals = LineItemPage['totals'];

export interface LineItemTableState {
  readonly profileId: string | null;
  readonly subject: LineItemSubject | null;
  readonly filter: LineItemFilter;
  /** Bumped whenever the subject or a filter changes: older answers are dropped. */
  readonly version: number;
  /** Rows matching the filters, once the first page is in. */
  readonly total: number | null;
  readonly totals: LineItemTotals;
  /** The export's state (`completed`, `running`, `none`, ...). */
  readonly exportState: string | null;
  readonly pages: Pages<LineItemRow>;
  readonly error: DeskError | null;
}

export const emptyLineItemFilter: LineItemFilter = {
  customer: '',
  product: '',
  reservationOrderId: '',
  chargeType: '',
};

export const initialLineItemTable: LineItemTableState = {
  profileId: null,
  subject: null,
  filter: emptyLineItemFilter,
  version: 0,
  total: null,
  totals: [],
  exportState: null,
  pages: {},
  error: null,
};

const restart = (state: LineItemTableState, change: Partial<LineItemTableState>): LineItemTableState => ({
  ...state,
  ...change,
  version: state.version + 1,
  total: null,
  totals: [],
  exportState: null,
  pages: {},
  error: null,
});

/** The table shows another export (with no filters), or closes with `null`. */
export function tableOpened(
  state: LineItemTableState,
  profileId: string,
  subject: LineItemSubject | null,
): LineItemTableState {
  return restart(state, { profileId, subject, filter: emptyLineItemFilter });
}

export function lineItemFilterChanged(
  state: LineItemTableState,
  change: Partial<LineItemFilter>,
): LineItemTableState {
  return restart(state, { filter: { ...state.filter, ...change } });
}

/** The call for one page: only filters that say something are sent. */
export function lineItemQuery(state: LineItemTableState, pageIndex: number) {
  if (state.profileId === null || state.subject === null) return undefined;
  const filters = Object.fromEntries(
    (Object.entries(state.filter) as Array<[keyof LineItemFilter, string]>)
      .map(([key, value]) => [key, value.trim()] as const)
      .filter(([, value]) => value !== ''),
  ) as Partial<LineItemFilter>;
  return {
    profileId: state.profileId,
    subject: state.subject,
    ...filters,
    offset: pageIndex * LINE_ITEM_PAGE_SIZE,
    limit: LINE_ITEM_PAGE_SIZE,
  };
}

/** A page arrived; it counts only if it answers the current subject and filters. */
export function lineItemPageLoaded(
  state: LineItemTableState,
  version: number,
  pageIndex: number,
  page: LineItemPage,
): LineItemTableState {
  if (version !== state.version) return state;
  return {
    ...state,
    total: page.total,
    totals: page.totals,
    exportState: page.state,
    pages: { ...state.pages, [pageIndex]: page.rows },
    error: null,
  };
}

export function lineItemPageFailed(
  state: LineItemTableState,
  version: number,
  error: DeskError,
): LineItemTableState {
  return version === state.version ? { ...state, error } : state;
}

export function lineItemAt(state: LineItemTableState, index: number): LineItemRow | undefined {
  return rowOfPages(state.pages, LINE_ITEM_PAGE_SIZE, index);
}

export function lineItemPagesMissing(state: LineItemTableState, first: number, last: number): number[] {
  return pagesMissing(state.pages, LINE_ITEM_PAGE_SIZE, first, last);
}

/** A field of a row as text for a cell ('' when absent). */
export function cellText(row: LineItemRow, field: string): string {
  const value = row[field];
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

/** "Invoice G000024130" or "Unbilled USD, current period". */
export function subjectTitle(subject: LineItemSubject): string {
  return subject.kind === 'invoice'
    ? `Invoice ${subject.invoiceId}`
    : `Unbilled ${subject.currencyCode}, ${subject.period} period`;
}

/** The sentence above the table: how many rows, and what the export says about itself. */
export function lineItemSummary(state: LineItemTableState): string {
  if (state.total === null) return 'Reading line items…';
  if (state.exportState === 'none') return 'Not exported yet: export the line items first.';
  const rows = `${state.total.toLocaleString()} line item${state.total === 1 ? '' : 's'}`;
  const filtered = (Object.values(state.filter) as string[]).some((value) => value.trim() !== '');
  const running = state.exportState === 'running' ? ' so far (the export has not finished)' : '';
  return `${rows}${filtered ? ' match the filters' : ''}${running}.`;
}
