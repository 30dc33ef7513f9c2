/**
 * The sandbox produces seek pages of line items ahead and keeps them; what it serves must be what
 * drawing each page on demand gives: every line once, in order, as the line-item generator draws
 * it, in plain JSON with `continuationToken` first. Pages asked for again come back the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceLineItems } from '../../../main/sandbox/data/billing';
import { largestInvoiceId, startBillingFixture, type BillingFixture } from './helpers';

const LINES = 5_500;
const SIZE = 2_000;

describe('sandbox seek pages produced ahead', () => {
  let f: BillingFixture;
  let token: string;
  beforeAll(async () => {
    f = await startBillingFixture({ lineItems: LINES });
    token = await f.sandbox.issueToken();
  });
  afterAll(() => f.close());

  async function fetchPage(path: string, continuation?: string): Promise<string> {
    const response = await fetch(`${f.sandbox.baseUrl}${path}`, {
      headers: {
        Authorization: `Bearer ${token}`,
        ...(continuation ? { 'MS-ContinuationToken': continuation } : {}),
      },
    });
    expect(response.status).toBe(200);
    return response.text();
  }

  it('serves every line as drawn on demand, and the same bytes when asked again', async () => {
    const id = largestInvoiceId(f.sandbox);
    const first = `/v1/invoices/${id}/lineitems?provider=onetime&invoicelineitemtype=billinglineitems&size=${SIZE}`;
    const pages: { body: string; continuation: string | undefined }[] = [];
    for (let continuation: string | undefined; ;) {
      const body = await fetchPage(continuation ? `${first}&seekOperation=Next` : first, continuation);
      pages.push({ body, continuation });
      const page = JSON.parse(body) as { continuationToken?: string };
      // Canonical JSON, the token first (where Partner Center writes it).
      expect(JSON.stringify(page)).toBe(body);
      if (page.continuationToken) expect(body.startsWith('{"continuationToken":')).toBe(true);
      if (!page.continuationToken) break;
      continuation = page.continuationToken;
    }
    expect(pages).toHaveLength(Math.ceil(LINES / SIZE));
    pages.forEach(({ body }, index) => {
      const page = JSON.parse(body) as { totalCount: number; items: unknown[] };
      const expected = invoiceLineItems(f.sandbox.world, id, 'one_time', index * SIZE, SIZE);
      expect(page.totalCount).toBe(expected.length);
      expect(page.items).toEqual(expected);
    });
    // Asked again, out of order: the kept pages, byte for byte.
    for (const { body, continuation } of [...pages].reverse()) {
      expect(await fetchPage(continuation ? `${first}&seekOperation=Next` : first, continuation)).toBe(body);
    }
  });
});
