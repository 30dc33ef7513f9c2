/**
 * Both paging kinds over real HTTP, at least three pages each: offset paging (`links.next` with an
 * offset) and seek paging (`MS-ContinuationToken` header + `seekOperation=Next`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PartnerCenterError } from '../../../main/partner-center';
import { testClient } from './support/client';
import {
  json,
  startScriptedServer,
  type RecordedRequest,
  type ScriptedServer,
} from './support/scripted-server';

let server: ScriptedServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const invoices = Array.from({ length: 7 }, (_, i) => ({
  id: `G00000${i}`,
  invoiceDate: '2024-05-02T00:00:00Z',
  totalCharges: i * 10,
  currencyCode: 'USD',
  invoiceType: 'OneTime',
  attributes: { objectType: 'Invoice' },
}));

/** Offset paging as `GET /invoices` does it. */
function offsetPage(request: RecordedRequest): unknown {
  const size = Number(request.query.get('size') ?? '100');
  const offset = Number(request.query.get('offset') ?? '0');
  const items = invoices.slice(offset, offset + size);
  const links: Record<string, unknown> = {
    self: { uri: `/invoices?size=${size}&offset=${offset}`, method: 'GET', headers: [] },
  };
  if (offset + size < invoices.length) {
    links.next = { uri: `/invoices?size=${size}&offset=${offset + size}`, method: 'GET', headers: [] };
  }
  return { totalCount: items.length, items, links, attributes: { objectType: 'Collection' } };
}

const lineItems = Array.from({ length: 10 }, (_, i) => ({
  invoiceNumber: 'G000773581',
  orderId: `order-${i}`,
  unitPrice: String(100 + i),
  quantity: 1,
  reservationOrderId: `ro-${i}`,
  billingProvider: 'one_time',
  invoiceLineItemType: 'billing_line_items',
  attributes: { objectType: 'OneTimeInvoiceLineItem' },
}));

/** Seek paging as OneTime line items do it: the token says where the next page starts. */
function seekPage(request: RecordedRequest, style: 'documented' | 'broken-link'): unknown {
  const size = Number(request.query.get('size') ?? '2000');
  const seek = request.query.get('seekOperation');
  const token = request.headers['ms-continuationtoken'];
  let start = 0;
  if (seek !== null || token !== undefined) {
    if (seek !== 'Next' || typeof token !== 'string') return { error: 'seek without token' };
    start = Number(token.split(':')[1]);
  }
  const items = lineItems.slice(start, start + size);
  const end = start + items.length;
  const page: Record<string, unknown> = {
    totalCount: items.length,
    items,
    links: {
      self: {
        uri: `/invoices/G000773581/lineitems?provider=OneTime&size=${size}`,
        method: 'GET',
        headers: [],
      },
    },
    attributes: { objectType: 'Collection' },
  };
  if (end < lineItems.length) {
    const next = `tok:${end}`;
    page.continuationToken = next;
    (page.links as Record<string, unknown>).next =
      style === 'documented'
        ? {
            uri: `/invoices/G000773581/lineitems?provider=OneTime&invoicelineitemtype=BillingLineItems&size=${size}&seekOperation=Next`,
            method: 'GET',
            headers: [{ key: 'MS-ContinuationToken', value: next }],
          }
        : // The docs' own example: a second '?' and no token header on the link.
          {
            uri: `/invoices/G000773581/lineitems?provider=OneTime&size=${size}?foo=bar`,
            method: 'GET',
            headers: [],
          };
  }
  return page;
}

describe('offset paging', () => {
  it('follows links.next through every page', async () => {
    server = await startScriptedServer((request, response) =>
      json(200, offsetPage(request))(request, response),
    );
    const client = testClient(server.baseUrl);
    const listing = client.listInvoices({ size: 2 }, { correlationId: 'sync-1' });
    const seen: string[] = [];
    for await (const invoice of listing) seen.push(invoice.id);
    expect(seen).toEqual(invoices.map((invoice) => invoice.id));
    expect(server.requests.map((request) => request.query.get('offset'))).toEqual([null, '2', '4', '6']);
    expect(server.requests).toHaveLength(4);
    // One correlation id for the listing, one request id per page.
    expect(new Set(server.requests.map((request) => request.headers['ms-correlationid']))).toEqual(
      new Set(['sync-1']),
    );
    expect(new Set(server.requests.map((request) => request.headers['ms-requestid'])).size).toBe(4);
  });

  it('iterates page by page and stops fetching when the caller stops', async () => {
    server = await startScriptedServer((request, response) =>
      json(200, offsetPage(request))(request, response),
    );
    const client = testClient(server.baseUrl);
    const pages: number[] = [];
    for await (const page of client.listInvoices({ size: 2 }).pages()) {
      pages.push(page.items.length);
      if (page.index === 1) break;
    }
    expect(pages).toEqual([2, 2]);
    expect(server.requests).toHaveLength(2);
    expect(await client.listInvoices({ size: 3 }).toArray(4)).toHaveLength(4);
  });

  it('pages legacy Azure line items by offset too', async () => {
    server = await startScriptedServer((request, response) => {
      const offset = Number(request.query.get('offset') ?? '0');
      const next =
        offset < 4
          ? {
              next: {
                uri: `/invoices/D1/lineitems?provider=azure&invoicelineitemtype=billinglineitems&size=2&offset=${offset + 2}`,
              },
            }
          : {};
      return json(200, {
        totalCount: 2,
        items: [{ resourceGuid: `r${offset}` }, { resourceGuid: `r${offset + 1}` }],
        links: { self: { uri: '/x' }, ...next },
      })(request, response);
    });
    const items = await testClient(server.baseUrl)
      .listInvoiceLineItems('D1', { provider: 'azure', invoiceLineItemType: 'billinglineitems', size: 2 })
      .toArray();
    expect(items.map((item) => item.resourceGuid)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
    expect(server.requests).toHaveLength(3);
  });
});

describe('seek paging', () => {
  it('sends MS-ContinuationToken and seekOperation=Next for every page after the first', async () => {
    server = await startScriptedServer((request, response) =>
      json(200, seekPage(request, 'documented'))(request, response),
    );
    const client = testClient(server.baseUrl);
    const items = await client
      .listInvoiceLineItems('G000773581', {
        provider: 'onetime',
        invoiceLineItemType: 'billinglineitems',
        size: 3,
      })
      .toArray();
    expect(items.map((item) => item.orderId)).toEqual(lineItems.map((item) => item.orderId));
    expect(items[0]?.unitPrice).toBe(100);
    expect(server.requests).toHaveLength(4);
    const [first, ...rest] = server.requests;
    expect(first?.query.get('provider')).toBe('onetime');
    expect(first?.query.get('invoicelineitemtype')).toBe('billinglineitems');
    expect(first?.headers['ms-continuationtoken']).toBeUndefined();
    expect(rest.map((request) => request.headers['ms-continuationtoken'])).toEqual([
      'tok:3',
      'tok:6',
      'tok:9',
    ]);
    expect(rest.every((request) => request.query.get('seekOperation') === 'Next')).toBe(true);
  });

  it('repairs a next link that lacks the token header and seekOperation', async () => {
    server = await startScriptedServer((request, response) =>
      json(200, seekPage(request, 'broken-link'))(request, response),
    );
    const items = await testClient(server.baseUrl)
      .listInvoiceLineItems('G000773581', {
        provider: 'onetime',
        invoiceLineItemType: 'billinglineitems',
        size: 4,
      })
      .toArray();
    expect(items).toHaveLength(10);
    expect(server.requests.slice(1).map((request) => request.headers['ms-continuationtoken'])).toEqual([
      'tok:4',
      'tok:8',
    ]);
    expect(server.requests[1]?.query.get('foo')).toBe('bar');
  });

  it('pages customers with a continuation token', async () => {
    const customers = Array.from({ length: 5 }, (_, i) => ({
      id: `c${i}`,
      companyProfile: { companyName: `Customer ${i}` },
    }));
    server = await startScriptedServer((request, response) => {
      const token = request.headers['ms-continuationtoken'];
      const start = typeof token === 'string' ? Number(token) : 0;
      const items = customers.slice(start, start + 2);
      const more = start + 2 < customers.length;
      return json(200, {
        totalCount: items.length,
        items,
        continuationToken: more ? String(start + 2) : undefined,
        links: more
          ? {
              next: {
                uri: '/customers?size=2&seekOperation=Next',
                method: 'GET',
                headers: [{ key: 'MS-ContinuationToken', value: String(start + 2) }],
              },
            }
          : {},
      })(request, response);
    });
    const names: string[] = [];
    for await (const customer of testClient(server.baseUrl).listCustomers({ size: 2 })) {
      names.push(customer.companyProfile?.companyName ?? '');
    }
    expect(names).toEqual(customers.map((customer) => customer.companyProfile.companyName));
    expect(server.requests).toHaveLength(3);
  });

  it('stops with a typed error when the service repeats the same next page', async () => {
    server = await startScriptedServer(
      json(200, {
        items: [{ id: 'c' }],
        continuationToken: 'same',
        links: {
          next: {
            uri: '/customers?seekOperation=Next',
            headers: [{ key: 'MS-ContinuationToken', value: 'same' }],
          },
        },
      }),
    );
    await expect(testClient(server.baseUrl).listCustomers().toArray()).rejects.toBeInstanceOf(
      PartnerCenterError,
    );
    expect(server.requests.length).toBeLessThanOrEqual(3);
  });
});
