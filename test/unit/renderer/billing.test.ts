/** The Billing screen's pure state: what the list asks for, jobs and their endings, another profile. */
import { describe, expect, it } from 'vitest';
import type { InvoiceList, TaskFinished } from '../../../preload/contract';
import {
  billingTargeted,
  bulkSubject,
  cacheAgeSentence,
  emptyFilter,
  filterChanged,
  initialBillingState,
  INVOICE_PAGE_SIZE,
  invoicePageMoved,
  invoicePageSentence,
  invoiceQuery,
  invoiceSelected,
  invoicesSettled,
  jobEnded,
  jobStarted,
  selectedInvoice,
} from '../../../renderer/src/state/billing';
import { periodLabel } from '../../../preload/contract';

const list: InvoiceList = {
  items: [
    {
      id: 'G0001',
      invoiceDate: '2026-10-08',
      billingPeriodStartDate: '2026-09-01',
      invoiceType: 'Recurring',
      currencyCode: 'USD',
      totalCharges: 10,
      paidAmount: 0,
      lineItemSource: 'v2',
      amendments: [],
    },
  ],
  total: 1,
  periods: ['2026-09'],
  fetchedAt: 0,
  offline: false,
};

const finished = (taskId: string, outcome: TaskFinished['outcome'], message: string): TaskFinished => ({
  taskId,
  kind: 'billing.lineItems',
  key: 'k',
  outcome,
  message,
});

describe('the invoice query', () => {
  it('sends only a complete month and currency, a trimmed search, the type, and the page', () => {
    expect(invoiceQuery('p', { ...emptyFilter, period: '2026-1', currencyCode: 'US', search: '  ' })).toEqual(
      {
        profileId: 'p',
        offset: 0,
        limit: INVOICE_PAGE_SIZE,
      },
    );
    expect(
      invoiceQuery(
        'p',
        { period: '2026-10', currencyCode: 'EUR', search: ' G00 ', invoiceType: 'OneTime' },
        200,
      ),
    ).toEqual({
      profileId: 'p',
      period: '2026-10',
      currencyCode: 'EUR',
      search: 'G00',
      invoiceType: 'OneTime',
      offset: 200,
      limit: INVOICE_PAGE_SIZE,
    });
  });
});

describe('pages of the invoice list', () => {
  const many = (total: number, count: number): InvoiceList => ({
    ...list,
    items: Array.from({ length: count }, (_, i) => ({ ...list.items[0]!, id: `G${i}` })),
    total,
  });

  it('pages on and back within the list, and a new filter starts at the first page', () => {
    let state = invoicesSettled(initialBillingState, { ok: true, value: many(1234, INVOICE_PAGE_SIZE) });
    expect(invoicePageSentence(state)).toBe(`Invoices 1–${INVOICE_PAGE_SIZE} of 1,234`);
    expect(invoicePageMoved(state, -1)).toBe(state);
    state = invoicePageMoved(state, 1);
    expect(state.offset).toBe(INVOICE_PAGE_SIZE);
    for (let i = 0; i < 20; i++) state = invoicePageMoved(state, 1);
    // The last page starts below the total: no page past the end.
    expect(state.offset).toBe(Math.floor(1233 / INVOICE_PAGE_SIZE) * INVOICE_PAGE_SIZE);
    expect(filterChanged(state, { invoiceType: 'Recurring' }).offset).toBe(0);
  });

  it('says nothing about pages when one page holds the list', () => {
    expect(
      invoicePageSentence(invoicesSettled(initialBillingState, { ok: true, value: many(3, 3) })),
    ).toBeNull();
  });
});

describe('a bulk download', () => {
  it('covers the complete period and currency typed, or every invoice', () => {
    expect(bulkSubject({ ...emptyFilter, period: '2026-10', currencyCode: 'eur', search: 'x' })).toBe(
      'October 2026 EUR',
    );
    expect(bulkSubject({ ...emptyFilter, period: '2026-1' })).toBe('every invoice');
  });
});

describe('billing periods', () => {
  it('are named by month and year, not as a code', () => {
    expect(periodLabel('2026-10')).toBe('October 2026');
    expect(periodLabel('2024-02')).toBe('February 2024');
  });
});

describe('jobs of an invoice', () => {
  it('keep main’s sentence when their task ends, and ignore other tasks', () => {
    let state = jobStarted(initialBillingState, 'lineItemExport', 'G0001', {
      ok: true,
      value: { taskId: 't1' },
    });
    expect(jobEnded(state, 'lineItemExport', finished('t2', 'completed', 'x'))).toBe(state);
    state = jobEnded(state, 'lineItemExport', finished('t1', 'completed', 'Saved 3 line items.'));
    expect(state.lineItemExport).toEqual({
      subject: 'G0001',
      taskId: null,
      ended: { outcome: 'completed', message: 'Saved 3 line items.' },
    });
  });

  it('say why a job did not start', () => {
    const state = jobStarted(initialBillingState, 'statement', 'G0001', {
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Invoice G0001 is not in the invoice list.' },
    });
    expect(state.statement?.ended).toEqual({
      outcome: 'failed',
      message: 'Invoice G0001 is not in the invoice list.',
    });
  });
});

describe('another profile', () => {
  it('starts from nothing, and the same profile keeps what it had', () => {
    let state = billingTargeted(initialBillingState, 'a');
    state = invoiceSelected(invoicesSettled(state, { ok: true, value: list }), 'G0001');
    expect(selectedInvoice(state)?.id).toBe('G0001');
    expect(billingTargeted(state, 'a')).toBe(state);
    expect(billingTargeted(state, 'b')).toMatchObject({
      profileId: 'b',
      filter: emptyFilter,
      selectedInvoiceId: null,
    });
  });
});

describe('the age sentence', () => {
  it('says offline when the copy is the last one', () => {
    const age = () => '2 days ago';
    expect(cacheAgeSentence({ fetchedAt: 0, offline: true }, age)).toBe(
      'Offline: showing what was read 2 days ago.',
    );
    expect(cacheAgeSentence({ fetchedAt: 0, offline: false }, age)).toBe('Read 2 days ago.');
  });
});
