/**
 * Billing contract: balance and per-currency summaries that add up, invoices with offset paging,
 * invoice by id, line items with seek paging (query and path forms) and offset paging for legacy
 * providers, and statement PDFs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, itemsOf, startTestSandbox, type TestSandbox } from './sandbox-helpers';

const cents = (value: unknown): number => Math.round(Number(value) * 100);

describe('sandbox billing', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ lineItems: 2_500 });
  });
  afterAll(() => t.close());

  it('returns the account balance whose details add up (app-only allowed)', async () => {
    const response = await t.call('/v1/invoices/summary', { token: t.appToken });
    expect(response.status).toBe(200);
    const summary = response.json as Record<string, unknown>;
    expect(at(summary, 'attributes', 'objectType')).toBe('InvoiceSummary');
    expect(at(summary, 'links', 'self', 'uri')).toBe('/invoices/summary');
    const details = summary.details as Record<string, unknown>[];
    expect(details.map((d) => d.invoiceType).sort()).toEqual(['OneTime', 'Recurring']);
    const sum = details.reduce((total, d) => total + cents(at(d, 'summary', 'balanceAmount')), 0);
    expect(sum).toBe(cents(summary.balanceAmount));
  });

  it('returns one summary per currency (USD, EUR, GBP, SEK at least), App+User only', async () => {
    const response = await t.call('/v1/invoices/summaries');
    expect(response.status).toBe(200);
    const currencies = itemsOf(response.json).map((s) => s.currencyCode);
    for (const code of ['USD', 'EUR', 'GBP', 'SEK']) expect(currencies).toContain(code);
    for (const summary of itemsOf(response.json)) {
      const details = summary.details as Record<string, unknown>[];
      expect(details.reduce((total, d) => total + cents(at(d, 'summary', 'balanceAmount')), 0)).toBe(
        cents(summary.balanceAmount),
      );
    }
    expect((await t.call('/v1/invoices/summaries', { token: t.appToken })).status).toBe(403);
  });

  it('pages invoices by offset following links.next, with Recurring, OneTime and amendments', async () => {
    const first = await t.call('/v1/invoices?size=2&offset=0', { token: t.appToken });
    expect(at(first.json, 'links', 'next', 'uri')).toBe('/invoices?size=2&offset=2');
    expect(at(first.json, 'totalCount')).toBe(2);
    const seen: Record<string, unknown>[] = [];
    let next: string | undefined = '/invoices?size=7&offset=0';
    while (next) {
      const page = await t.call(`/v1${next}`, { token: t.appToken });
      expect(page.status).toBe(200);
      seen.push(...itemsOf(page.json));
      const uri = at(page.json, 'links', 'next', 'uri');
      next = typeof uri === 'string' ? uri : undefined;
    }
    expect(new Set(seen.map((i) => i.id)).size).toBe(t.sandbox.world.invoices.length);
    expect(new Set(seen.map((i) => i.invoiceType))).toEqual(new Set(['Recurring', 'OneTime']));
    expect(seen.some((i) => (i.amendments as unknown[]).length > 0)).toBe(true);
    expect(new Set(seen.map((i) => i.currencyCode)).size).toBeGreaterThanOrEqual(4);
  });

  it('gets an invoice by id (bare or type-prefixed), App+User only, 404 for unknown', async () => {
    const invoice = t.sandbox.world.invoices.find((i) => i.invoiceType === 'OneTime')!;
    const bare = await t.call(`/v1/invoices/${invoice.id}`);
    expect(bare.status).toBe(200);
    expect(at(bare.json, 'id')).toBe(invoice.id);
    expect(at(bare.json, 'billingPeriodStartDate')).toEqual(expect.any(String));
    const prefixed = await t.call(`/v1${invoice.links.self.uri}`);
    expect(at(prefixed.json, 'id')).toBe(invoice.id);
    expect((await t.call(`/v1/invoices/${invoice.id}`, { token: t.appToken })).status).toBe(403);
    expect((await t.call('/v1/invoices/G000000000')).status).toBe(404);
  });

  it('seek-pages the largest invoice with MS-ContinuationToken until the last page', async () => {
    const id = t.sandbox.world.largestInvoiceId;
    let path: string | undefined =
      `/v1/invoices/${id}/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&size=1000`;
    let headers: Record<string, string> = {};
    const items: Record<string, unknown>[] = [];
    let pages = 0;
    while (path) {
      const page = await t.call(path, { token: t.appToken, headers });
      expect(page.status).toBe(200);
      pages++;
      items.push(...itemsOf(page.json));
      const next = at(page.json, 'links', 'next') as
        { uri: string; headers: { key: string; value: string }[] } | undefined;
      if (next) {
        expect(next.uri).toContain('seekOperation=Next');
        expect(next.headers[0]!.key).toBe('MS-ContinuationToken');
        expect(next.headers[0]!.value).toBe(at(page.json, 'continuationToken'));
        path = `/v1${next.uri}`;
        headers = Object.fromEntries(next.headers.map((h) => [h.key, h.value]));
      } else {
        expect(at(page.json, 'continuationToken')).toBeUndefined();
        path = undefined;
      }
    }
    expect(items).toHaveLength(2_500);
    expect(pages).toBe(3);
    expect(new Set(items.map((i) => at(i, 'attributes', 'objectType')))).toEqual(
      new Set(['OneTimeInvoiceLineItem']),
    );
    expect(items.every((i) => i.invoiceNumber === id && i.billingProvider === 'one_time')).toBe(true);
    expect(items.some((i) => typeof i.reservationOrderId === 'string' && i.reservationOrderId !== '')).toBe(
      true,
    );

    const pathForm = await t.call(`/v1/invoices/OneTime-${id}/lineitems/OneTime/BillingLineItems?size=5`);
    expect(itemsOf(pathForm.json).map((i) => i.referenceId ?? i.orderId)).toEqual(
      items.slice(0, 5).map((i) => i.referenceId ?? i.orderId),
    );
    const noToken = await t.call(
      `/v1/invoices/${id}/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&size=5&seekOperation=Next`,
    );
    expect(noToken.status).toBe(400);
    const noProvider = await t.call(`/v1/invoices/${id}/lineitems?invoicelineitemtype=billinglineitems`);
    expect(noProvider.status).toBe(400);
  });

  it('offset-pages legacy provider line items (azure or office)', async () => {
    const world = t.sandbox.world;
    let found: { id: string; provider: 'azure' | 'office'; count: number } | undefined;
    for (const [id, plan] of world.lineItemPlans) {
      for (const provider of ['azure', 'office'] as const) {
        const count = plan.counts[provider] ?? 0;
        if (count > 3 && !found) found = { id, provider, count };
      }
    }
    expect(found).toBeDefined();
    const { id, provider, count } = found!;
    const first = await t.call(
      `/v1/invoices/${id}/lineitems?provider=${provider}&invoicelineitemtype=billinglineitems&size=2&offset=0`,
    );
    expect(first.status).toBe(200);
    expect(itemsOf(first.json)).toHaveLength(2);
    expect(at(first.json, 'links', 'next', 'uri')).toContain('offset=2');
    expect(at(first.json, 'continuationToken')).toBeUndefined();
    const last = await t.call(
      `/v1/invoices/${id}/lineitems?provider=${provider}&invoicelineitemtype=billinglineitems&size=2&offset=${count - 1}`,
    );
    expect(itemsOf(last.json)).toHaveLength(1);
    expect(at(last.json, 'links', 'next')).toBeUndefined();
    const objectType = provider === 'azure' ? 'UsageBasedLineItem' : 'LicenseBasedLineItem';
    expect(at(itemsOf(first.json)[0], 'attributes', 'objectType')).toBe(objectType);
  });

  it('streams the statement as a real PDF (App+User only)', async () => {
    const invoice = t.sandbox.world.invoices[0]!;
    const response = await fetch(`${t.sandbox.baseUrl}/v1/invoices/${invoice.id}/documents/statement`, {
      headers: { Authorization: `Bearer ${t.userToken}`, Accept: 'application/pdf' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename=Invoice_${invoice.id}.pdf`,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-8).toString('latin1')).toContain('%%EOF');
    const appOnly = await t.call(`/v1/invoices/${invoice.id}/documents/statement`, { token: t.appToken });
    expect(appOnly.status).toBe(403);
  });
});
