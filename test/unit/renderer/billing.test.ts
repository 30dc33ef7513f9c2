/** The Billing screen's pure state: what the list asks for, jobs and their endings, another profile. */
import { describe, expect, it } from 'vitest';
import type { InvoiceList, TaskFinished } from '../../../preload/contract';
import {
  billingTargeted,
  bulkSubject,
  cacheAgeSentence,
  emptyFilter,
  initialBillingState,
  invoiceQuery,
  invoiceSelected,
  invoicesSettled,
  jobEnded,
  jobStarted,
  selectedInvoice,
} from '../../../renderer/src/state/billing';

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
  it('sends only a complete month and currency, and a trimmed search', () => {
    expect(invoiceQuery('p', { period: '2026-1', currencyCode: 'US', search: '  ' })).toEqual({
      profileId: 'p',
      limit: 500,
    });
    expect(invoiceQuery('p', { period: '2026-10', currencyCode: 'EUR', search: ' G00 ' })).toEqual({
      profileId: 'p',
      period: '2026-10',
      currencyCode: 'EUR',
      search: 'G00',
      limit: 500,
    });
  });
});

describe('a bulk download', () => {
  it('covers the complete period and currency typed, or every invoice', () => {
    expect(bulkSubject({ period: '2026-10', currencyCode: 'eur', search: 'x' })).toBe('2026-10 EUR');
    expect(bulkSubject({ period: '2026-1', currencyCode: '', search: '' })).toBe('every invoice');
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
