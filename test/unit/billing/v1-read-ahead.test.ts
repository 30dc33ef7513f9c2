/**
 * The next v1 page's request guessed from the start of a page's bytes: right when the token comes
 * first (as in Partner Center's documented example), nothing when it does not, and checked against
 * the parsed page's link by `sameRequest`.
 */
import { describe, expect, it } from 'vitest';
import { guessNextRequest, leadingContinuationToken, sameRequest } from '../../../main/billing/v1-read-ahead';
import { nextRequest, type RequestSpec } from '../../../main/partner-center';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

const uri = '/invoices/G1/lineitems?provider=OneTime&invoicelineitemtype=BillingLineItems&size=2000';
const current: RequestSpec = {
  operation: 'listInvoiceLineItems',
  method: 'GET',
  path: `${uri}&seekOperation=Next`,
  headers: [{ key: 'MS-ContinuationToken', value: 'old' }],
};

function page(token: string | undefined): string {
  const next =
    token === undefined
      ? {}
      : {
          next: {
            uri: `${uri}&seekOperation=Next`,
            method: 'GET',
            headers: [{ key: 'MS-ContinuationToken', value: token }],
          },
        };
  return JSON.stringify({
    ...(token === undefined ? {} : { continuationToken: token }),
    totalCount: 1,
    items: [{ customerName: 'Ünïcode, "quoted"' }],
    links: { self: { uri, method: 'GET', headers: [] }, ...next },
    attributes: { objectType: 'Collection' },
  });
}

describe('guessing the next v1 page', () => {
  it('reads the token written first, with a byte-order mark or blanks before it', () => {
    const token = 'd19617b8-fbe5-4684-a5d8-0230972fb0cf,0705c4a9-1b2c';
    expect(leadingContinuationToken(bytes(page(token)))).toBe(token);
    expect(leadingContinuationToken(bytes(`\uFEFF \n${page(token)}`))).toBe(token);
  });

  it('guesses nothing when the token is not the first field, is escaped, or is absent', () => {
    expect(leadingContinuationToken(bytes('{"totalCount":1,"continuationToken":"abc"}'))).toBeUndefined();
    expect(leadingContinuationToken(bytes('{"continuationToken":"a\\"b"}'))).toBeUndefined();
    expect(leadingContinuationToken(bytes(page(undefined)))).toBeUndefined();
  });

  it('guesses the same request the parsed page links to, and only for a request already seeking', () => {
    const body = page('next-token');
    const guess = guessNextRequest(current, bytes(body));
    const parsed = JSON.parse(body) as { links: { next: Parameters<typeof nextRequest>[1] } };
    const linked = nextRequest('listInvoiceLineItems', parsed.links.next, 'next-token')!;
    expect(guess).toBeDefined();
    expect(sameRequest(guess!, linked)).toBe(true);
    expect(sameRequest(current, linked)).toBe(false);

    const first: RequestSpec = { operation: 'listInvoiceLineItems', method: 'GET', path: uri };
    expect(guessNextRequest(first, bytes(body))).toBeUndefined();
  });
});
