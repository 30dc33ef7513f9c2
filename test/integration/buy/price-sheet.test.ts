/**
 * The partner price sheet (§16) against the sandbox over HTTP: it takes only a token of its own
 * audience (`https://api.partner.microsoft.com`), so a price on the review proves the right token
 * was sent; it comes zipped when asked, and the path matches in both spellings. Where no price can
 * be had (an App-only profile, a refused token, a user without the role), the review says what to
 * do in plain words and the checkout still works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CartRef } from '../../../preload/contract';
import { DEMO_CUSTOMERS } from '../../../main/sandbox/data';
import {
  PARTNER_API_AUDIENCE,
  azurePlanLine,
  PROFILE,
  pickReservationSku,
  startBuyHarness,
  type BuyHarness,
  type HarnessOptions,
  type PickedSku,
} from './harness';

const contoso: CartRef = { profileId: PROFILE, customerId: DEMO_CUSTOMERS.azurePlan };
const SHEET_PATH = "/v1.0/sales/pricesheets(Market='US',PricesheetView='azure_reservations')/$value";

describe('partner price sheet', () => {
  let h: BuyHarness;
  let sku: PickedSku;

  beforeAll(async () => {
    h = await startBuyHarness();
    sku = await pickReservationSku(h.client, 'US');
  });
  afterAll(() => h.close());

  const sheet = async (token: string, init: { path?: string; deflate?: boolean } = {}) =>
    fetch(`${h.sandbox.baseUrl}${init.path ?? SHEET_PATH}?timeline=current`, {
      headers: {
        Authorization: `Bearer ${token}`,
        // fetch itself asks for `gzip, deflate`; a plain sheet must be asked for by name.
        'Accept-Encoding': init.deflate ? 'deflate' : 'identity',
      },
    });

  it('the sandbox refuses a Partner Center token and an App-only one, and serves a user of its own audience', async () => {
    const partnerCenter = await h.sandbox.issueToken();
    expect((await sheet(partnerCenter)).status).toBe(401);
    const appOnly = await h.sandbox.issueToken({ appOnly: true, audience: PARTNER_API_AUDIENCE });
    expect((await sheet(appOnly)).status).toBe(403);
    const user = await h.sandbox.issueToken({ audience: PARTNER_API_AUDIENCE });
    const plain = await sheet(user);
    expect(plain.status).toBe(200);
    const text = await plain.text();
    expect(text.split('\n')[0]).toMatch(/^ProductTitle,ProductId,SkuId,/);
    expect(text).toContain(`,${sku.productId},${sku.skuId},`);
  });

  it('answers Accept-Encoding: deflate with a zip (known by its bytes), on the literal and the encoded path', async () => {
    const user = await h.sandbox.issueToken({ audience: PARTNER_API_AUDIENCE });
    const encoded = SHEET_PATH.replace(/'/g, '%27')
      .replace(/\(/g, '%28')
      .replace(/\)/g, '%29')
      .replace(/\$/g, '%24');
    for (const path of [SHEET_PATH, encoded]) {
      const response = await sheet(user, { path, deflate: true });
      expect(response.status).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
      expect(response.headers.get('content-encoding')).toBeNull();
    }
  });

  const reviewWith = async (options: HarnessOptions) => {
    const other = await startBuyHarness(options);
    try {
      await other.service.addReservation(contoso, azurePlanLine(sku));
      const review = await other.service.review(contoso);
      const record = review.reviewId
        ? await other.service.confirm(contoso, review.reviewId, { confirmDuplicates: true })
        : null;
      return { review, line: review.cart.lines[0]!, record };
    } finally {
      await other.close();
    }
  };

  it('prices the review with the price sheet token', async () => {
    const { line, review } = await reviewWith({});
    expect(line.price).toMatchObject({ source: 'price-sheet', currency: 'USD' });
    expect(review.total?.amount).toBe(line.price!.termTotal);
  });

  it('App-only: the review says prices need a signed-in user with the role, and the checkout still works', async () => {
    const { line, review, record } = await reviewWith({ authMode: 'app-only' });
    expect(line.price).toBeNull();
    expect(line.priceNote).toMatch(/signed-in user \(App\+User\)/);
    expect(line.priceNote).toMatch(/Admin agent or Sales agent/);
    expect(review.canCheckout).toBe(true);
    expect(record?.state).toBe('ordered');
  });

  it('a token the sheet refuses (401) says to sign in again or ask an administrator; never a raw error', async () => {
    const { line, review, record } = await reviewWith({
      // The Partner Center token, which the sheet's host does not accept.
      priceSheetToken: (sandbox) => sandbox.issueToken(),
    });
    expect(line.price).toBeNull();
    expect(line.priceNote).toMatch(/did not accept this sign-in/);
    expect(line.priceNote).toMatch(/administrator/);
    expect(line.priceNote).not.toMatch(/401|getPriceSheet|audience|Bearer/);
    expect(review.totalNote).toMatch(/no price/i);
    expect(record?.state).toBe('ordered');
  });

  it('a user without the role (403) is told which role to ask for', async () => {
    const { line } = await reviewWith({
      // An app token of the right audience: the sheet answers 403, as for a user without the role.
      priceSheetToken: (sandbox) => sandbox.issueToken({ appOnly: true, audience: PARTNER_API_AUDIENCE }),
    });
    expect(line.price).toBeNull();
    expect(line.priceNote).toMatch(/Admin agent or Sales agent role/);
    expect(line.priceNote).not.toMatch(/403|Application-only/);
  });
});
