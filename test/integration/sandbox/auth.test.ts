/**
 * Token checks on the API (§2): 401 for a missing, malformed, expired, foreign or wrong-audience
 * token; 403 for app-only tokens on App+User-only operations (§2.1); response headers.
 */
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS } from '../../../main/sandbox/data';
import { at, startTestSandbox, type TestSandbox } from './sandbox-helpers';

describe('sandbox API authentication', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(() => t.close());

  const products = '/v1/products?country=US&targetView=AzureReservations';

  it('answers 401/800001 without a token and 401/400 for garbage', async () => {
    const none = await t.call(products, { token: null });
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({ code: 800001, data: [], source: 'PartnerFD' });
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    const garbage = await t.call(products, { token: 'not.a.jwt' });
    expect(garbage.status).toBe(401);
    expect(at(garbage.json, 'code')).toBe(400);
  });

  it('answers 401 for an expired token, a wrong audience, and a token signed by someone else', async () => {
    const expired = await t.sandbox.issueToken({ expiresInSeconds: -60 });
    const expiredResponse = await t.call(products, { token: expired });
    expect(expiredResponse.status).toBe(401);
    expect(String(at(expiredResponse.json, 'description'))).toContain('expired');
    const graph = await t.sandbox.issueToken({ audience: 'https://graph.windows.net' });
    const graphResponse = await t.call(products, { token: graph });
    expect(graphResponse.status).toBe(401);
    expect(String(at(graphResponse.json, 'description'))).toContain('audience');
    const otherTenant = await t.sandbox.issueToken({ tenantId: '00000000-0000-4000-8000-000000000000' });
    expect((await t.call(products, { token: otherTenant })).status).toBe(401);

    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ tid: t.sandbox.tenantId, idtyp: 'user', scp: 'user_impersonation' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(`${t.sandbox.authority}/v2.0`)
      .setAudience('https://api.partnercenter.microsoft.com')
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await t.call(products, { token: forged })).status).toBe(401);
  });

  it('answers 403 to app-only tokens on App+User-only operations and serves them otherwise', async () => {
    const customer = DEMO_CUSTOMERS.azurePlan;
    const orderId = String(t.sandbox.world.ordersByCustomer.get(customer)![0]!.id);
    const invoice = t.sandbox.world.invoices[0]!.id;
    const userOnly = [
      `/v1/customers/${customer}/entitlements`,
      `/v1/customers/${customer}/orders/${orderId}/provisioningstatus`,
      '/v1/invoices/summaries',
      `/v1/invoices/${invoice}`,
      `/v1/invoices/${invoice}/documents/statement`,
    ];
    for (const path of userOnly) {
      const app = await t.call(path, { token: t.appToken });
      expect(app.status, path).toBe(403);
      expect(at(app.json, 'source'), path).toBe('PartnerFD');
      expect((await t.call(path)).status, path).toBe(200);
    }
    const either = [
      products,
      `/v1/customers/${customer}/orders/${orderId}`,
      '/v1/invoices/summary',
      '/v1/invoices?size=1',
      `/v1/customers/${customer}`,
    ];
    for (const path of either) expect((await t.call(path, { token: t.appToken })).status, path).toBe(200);
  });

  it('echoes MS-RequestId and MS-CorrelationId and sets the Partner Center response headers', async () => {
    const response = await t.call(products, {
      headers: {
        'MS-RequestId': 'req-1',
        'MS-CorrelationId': 'corr-1',
        'MS-Contract-Version': 'v1',
        'X-Locale': 'en-GB',
      },
    });
    expect(response.headers.get('ms-requestid')).toBe('req-1');
    expect(response.headers.get('ms-correlationid')).toBe('corr-1');
    expect(response.headers.get('x-locale')).toBe('en-GB');
    expect(response.headers.get('ms-serverid')).toBeTruthy();
    const generated = await t.call(products);
    expect(generated.headers.get('ms-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 404 and 405 in the error shape for unknown paths and methods', async () => {
    const missing = await t.call('/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(at(missing.json, 'source')).toBe('PartnerFD');
    const method = await t.call('/v1/invoices/summary', { method: 'DELETE' });
    expect(method.status).toBe(405);
    expect(method.headers.get('allow')).toBe('GET');
  });
});
