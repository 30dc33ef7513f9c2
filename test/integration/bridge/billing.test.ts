/**
 * Billing over the real dispatcher and the embedded sandbox: the balance and the invoice list with
 * their age, one invoice's line items exported to CSV through a task, one statement downloaded into
 * the library, the library offline after a restart, and everything forgotten with the profile.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  BillingOverview,
  InvoiceList,
  StatementLibrary,
  TrackTaskStarted,
} from '../../../preload/contract';
import { appPerFile, billingSandbox } from './app-core';

const app = appPerFile('desk-billing-bridge-', { sandbox: billingSandbox(1_200) });
let invoices: InvoiceList;

beforeAll(async () => {
  invoices = await app.value<InvoiceList>('billing.invoices', { profileId: 'demo' });
});

describe('balance and invoices', () => {
  it('answers the balance with its per-currency summaries and when they were read', async () => {
    const overview = await app.value<BillingOverview>('billing.overview', { profileId: 'demo' });
    expect(overview.balance.currencyCode).toMatch(/^[A-Z]{3}$/);
    expect(overview.perCurrency.length).toBeGreaterThan(0);
    expect(overview.offline).toBe(false);
    expect(overview.fetchedAt).toBeLessThanOrEqual(Date.now());
  });

  it('lists invoices, each with the source its line items come from, and finds one by number', async () => {
    expect(invoices.total).toBeGreaterThan(0);
    expect(
      invoices.items.every((invoice) => invoice.lineItemSource === 'v1' || invoice.lineItemSource === 'v2'),
    ).toBe(true);
    const first = invoices.items[0]!;
    const found = await app.value<InvoiceList>('billing.invoices', {
      profileId: 'demo',
      search: first.id.slice(-4).toLowerCase(),
    });
    expect(found.items.map((invoice) => invoice.id)).toContain(first.id);
  });

  it('offers the periods its invoices cover, newest first, and filters by one of them', async () => {
    const { periods } = invoices;
    expect(periods.length).toBeGreaterThan(1);
    expect([...periods].sort().reverse()).toEqual(periods);
    const oldest = periods.at(-1)!;
    const inOldest = await app.value<InvoiceList>('billing.invoices', { profileId: 'demo', period: oldest });
    expect(inOldest.total).toBeGreaterThan(0);
    expect(inOldest.total).toBeLessThan(invoices.total);
    expect(
      inOldest.items.every((i) => (i.billingPeriodStartDate ?? i.invoiceDate ?? '').startsWith(oldest)),
    ).toBe(true);
    expect(inOldest.periods).toEqual(periods);
  });

  it('refuses a period that is not a month, with a sentence', async () => {
    const result = await app.call('billing.invoices', { profileId: 'demo', period: 'October' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('an invoice’s line items, exported as a task', () => {
  it('writes a CSV file with a header and one row per line item', async () => {
    const invoice = invoices.items.find((item) => item.lineItemSource === 'v2') ?? invoices.items[0]!;
    const started = await app.value<TrackTaskStarted>('billing.exportLineItems', {
      profileId: 'demo',
      subject: { kind: 'invoice', invoiceId: invoice.id },
    });
    const finished = await app.taskFinished(started.taskId);
    expect(finished).toMatchObject({ outcome: 'completed', kind: 'billing.lineItems' });
    expect(finished.message).toContain(invoice.id);
    const file = path.join(String(finished.summary?.folder), String(finished.summary?.file));
    const lines = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines.length - 1).toBe(finished.summary?.rows);
    expect(Number(finished.summary?.rows)).toBeGreaterThan(0);

    const page = await app.value<{ total: number; state: string }>('billing.lineItems', {
      profileId: 'demo',
      subject: { kind: 'invoice', invoiceId: invoice.id },
      limit: 5,
    });
    expect(page).toMatchObject({ state: 'completed', total: finished.summary?.rows });
  });

  it('stops when cancelled, leaving no CSV file, and says exporting again continues', async () => {
    const other = invoices.items[invoices.items.length - 1]!; // not exported yet
    const started = await app.value<TrackTaskStarted>('billing.exportLineItems', {
      profileId: 'demo',
      subject: { kind: 'invoice', invoiceId: other.id },
    });
    expect(await app.value('tasks.cancel', { taskId: started.taskId })).toEqual({ cancelled: true });
    const finished = await app.taskFinished(started.taskId);
    expect(finished).toMatchObject({ outcome: 'cancelled' });
    expect(finished.message).toMatch(/continues where it stopped/);
    const csv = path.join(
      app.dataDir,
      'exports',
      'demo',
      `invoice_${other.id.replace(/[^A-Za-z0-9_-]+/g, '_')}.csv`,
    );
    expect(existsSync(csv)).toBe(false);
  });

  it('says an unknown invoice is not in the list, instead of starting a task', async () => {
    const result = await app.call('billing.exportLineItems', {
      profileId: 'demo',
      subject: { kind: 'invoice', invoiceId: 'G000NOPE' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('statements', () => {
  it('downloads one statement as a PDF, lists it in the library, and lists it offline after a restart', async () => {
    const invoice = invoices.items[0]!;
    const started = await app.value<TrackTaskStarted>('billing.downloadStatement', {
      profileId: 'demo',
      invoiceId: invoice.id,
    });
    expect(await app.taskFinished(started.taskId)).toMatchObject({ outcome: 'completed' });

    const library = await app.value<StatementLibrary>('billing.library', { profileId: 'demo' });
    const entry = library.statements.find((statement) => statement.invoiceId === invoice.id);
    expect(entry).toMatchObject({ missing: false });
    expect(entry?.fileName).toContain(invoice.id);
    expect(readFileSync(path.join(library.folder, entry!.fileName)).subarray(0, 5).toString('latin1')).toBe(
      '%PDF-',
    );

    await app.restart(); // a new run, not signed in: no Partner Center
    const offline = await app.value<StatementLibrary>('billing.library', { profileId: 'demo' });
    expect(offline.statements.map((statement) => statement.invoiceId)).toContain(invoice.id);

    rmSync(path.join(offline.folder, entry!.fileName));
    const moved = await app.value<StatementLibrary>('billing.library', { profileId: 'demo' });
    expect(moved.statements.find((statement) => statement.invoiceId === invoice.id)?.missing).toBe(true);
  });

  it('are forgotten with the profile', async () => {
    await app.value('profiles.remove', { profileId: 'demo' });
    await app.value('profiles.demo');
    expect(await app.value('billing.library', { profileId: 'demo' })).toMatchObject({ statements: [] });
  });
});
