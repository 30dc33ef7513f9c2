/**
 * Sign-in in a sovereign cloud, for real: the sandbox plays US Government (or China) with
 * `cloud: 'usgov'` (the CLI's `--cloud usgov`), so its identity endpoints answer only under that
 * cloud's authority path and its Graph and price-sheet routes are absent. MSAL must sign in there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAuthService,
  type AuthProfile,
  type DeviceCodeInfo,
  type MsalRequestRecord,
} from '../../../main/auth';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox';
import { createMemorySecretStore } from '../../../main/vault/memory-secret-store';
import { jwtPayload, sandboxProfile } from './helpers';

let usgov: RunningSandbox;
let china: RunningSandbox;

beforeAll(async () => {
  [usgov, china] = await Promise.all([
    startSandbox({ port: 0, catalog: 'small', autoApprove: true, cloud: 'usgov' }),
    startSandbox({ port: 0, catalog: 'small', autoApprove: true, cloud: 'china' }),
  ]);
});
afterAll(async () => {
  await Promise.all([usgov?.close(), china?.close()]);
});

/** The auth service with `sandbox` standing in for its cloud, recording MSAL's requests. */
function authAgainst(sandbox: RunningSandbox) {
  const requests: MsalRequestRecord[] = [];
  const auth = createAuthService({
    secrets: createMemorySecretStore(),
    standInAuthority: (cloud) =>
      Promise.resolve(
        cloud === sandbox.cloud
          ? `${sandbox.baseUrl}/${sandbox.authority.split('/').at(-2) ?? ''}`
          : undefined,
      ),
    onMsalRequest: (record) => requests.push(record),
  });
  return { auth, requests };
}

/** A profile of the cloud `sandbox` stands in for. */
function profileOf(sandbox: RunningSandbox, id: string, authMode: AuthProfile['authMode']): AuthProfile {
  return sandboxProfile(sandbox, id, authMode, sandbox.cloud);
}

const products = (sandbox: RunningSandbox, token: string) =>
  fetch(`${sandbox.baseUrl}/v1/products?country=US&targetView=AzureReservations`, {
    headers: { authorization: `Bearer ${token}` },
  });

describe('the sandbox in --cloud usgov mode', () => {
  it("answers sign-in only under login.microsoftonline.us's path and has no Graph or price sheet", async () => {
    expect(usgov.authority).toBe(`${usgov.baseUrl}/login.microsoftonline.us/${usgov.tenantId}`);
    const config = await fetch(`${usgov.authority}/v2.0/.well-known/openid-configuration`);
    expect(config.status).toBe(200);
    expect(await config.json()).toMatchObject({ issuer: `${usgov.authority}/v2.0` });
    // The global cloud's path is not there: a client that ignores the profile's cloud cannot sign in.
    const root = await fetch(`${usgov.baseUrl}/${usgov.tenantId}/v2.0/.well-known/openid-configuration`);
    expect(root.status).toBe(404);

    const token = await usgov.issueToken();
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const graph = await fetch(`${usgov.graphBaseUrl}/reports/partners/billing/reconciliation/billed/export`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ invoiceId: 'G000000001', attributeSet: 'full' }),
    });
    expect(graph.status).toBe(404);
    const sheet = await fetch(
      `${usgov.baseUrl}/v1.0/sales/pricesheets(Market='US',PricesheetView='azure_reservations')/$value`,
      { headers: auth },
    );
    expect(sheet.status).toBe(404);
    // Partner Center itself is there, at the same API as the global cloud's.
    expect((await products(usgov, token)).status).toBe(200);
  });
});

describe('MSAL in the US Government cloud (against the sandbox in usgov mode)', () => {
  it('signs an App-only profile in at the US Government authority, and the API accepts the token', async () => {
    const { auth, requests } = authAgainst(usgov);
    const profile = profileOf(usgov, 'gov-app', 'app-only');
    const result = await auth.signIn(profile, { clientSecret: usgov.clientSecret });
    expect(result.method).toBe('client-credentials');
    const token = await auth.getAccessToken(profile);
    expect(jwtPayload(token.accessToken)).toMatchObject({
      aud: 'https://api.partnercenter.microsoft.com',
      iss: `${usgov.authority}/v2.0`,
    });
    expect((await products(usgov, token.accessToken)).status).toBe(200);
    expect(requests.length).toBeGreaterThan(0);
    const identityRoot = `${usgov.baseUrl}/login.microsoftonline.us/`;
    expect(requests.filter((request) => !request.url.startsWith(identityRoot))).toEqual([]);
  });

  it('signs an App+User profile in with a device code at the US Government authority', async () => {
    const { auth, requests } = authAgainst(usgov);
    const profile = profileOf(usgov, 'gov-user', 'app-user');
    const codes: DeviceCodeInfo[] = [];
    const result = await auth.signIn(profile, {
      method: 'device-code',
      onDeviceCode: (info) => codes.push(info),
    });
    expect(codes[0]?.verificationUri.startsWith(`${usgov.authority}/`)).toBe(true);
    expect(result).toMatchObject({ method: 'device-code', account: { username: usgov.user } });
    // The refresh token minted in this cloud renews the token there, silently.
    const renewed = await auth.getAccessToken(profile, { forceRefresh: true });
    expect(jwtPayload(renewed.accessToken)).toMatchObject({ scp: 'user_impersonation' });
    expect((await products(usgov, renewed.accessToken)).status).toBe(200);
    expect(requests.every((request) => request.allowed)).toBe(true);
    expect(await auth.status(profile)).toMatchObject({ state: 'signed-in' });
  });

  it('a client that signs in at the global path finds no authority there', async () => {
    const atRoot = createAuthService({
      secrets: createMemorySecretStore(),
      sandboxAuthority: () => `${usgov.baseUrl}/${usgov.tenantId}`,
    });
    const misfiled: AuthProfile = { ...profileOf(usgov, 'misfiled', 'app-only'), cloud: 'sandbox' };
    const failure = await atRoot
      .signIn(misfiled, { clientSecret: usgov.clientSecret })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'configuration' });
  });
});

describe('MSAL in the China (21Vianet) cloud', () => {
  it("asks for 21Vianet's Partner Center audience, which the China API accepts (and the global one it refuses)", async () => {
    const { auth, requests } = authAgainst(china);
    const profile = profileOf(china, 'cn-app', 'app-only');
    await auth.signIn(profile, { clientSecret: china.clientSecret });
    const token = await auth.getAccessToken(profile);
    expect(jwtPayload(token.accessToken).aud).toBe('https://partner.partnercenterapi.microsoftonline.cn');
    expect((await products(china, token.accessToken)).status).toBe(200);
    expect((await products(china, await china.issueToken())).status).toBe(401);
    expect(
      requests.every((request) => request.url.startsWith(`${china.baseUrl}/login.chinacloudapi.cn/`)),
    ).toBe(true);
  });
});
